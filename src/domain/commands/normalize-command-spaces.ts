const HTML_SPACE = /&(?:nbsp|#160|#xa0);/gi;

/** The text with the HTML non-breaking spaces Teams sends (`&nbsp;`) turned into plain spaces. */
export function normalizeCommandSpaces(text: string): string {
  return text.replace(HTML_SPACE, ' ');
}
