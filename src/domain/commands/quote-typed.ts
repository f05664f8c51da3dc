/** How much of a user's text a message quotes before cutting it short. */
export const QUOTE_MAX = 40;

/**
 * Some typed text as a code span for a Teams message: cut to `max` characters (with `…`), on one line,
 * with backticks turned into quotes so the span cannot break.
 */
export function quoteTyped(text: string, max: number = QUOTE_MAX): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').replace(/`/g, "'"));
  const shown = chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
  return `\`${shown}\``;
}
