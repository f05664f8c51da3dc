/** "full isolation of ws-042" of "Full isolation of ws-042": the first letter in lower case, for mid-sentence use. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
