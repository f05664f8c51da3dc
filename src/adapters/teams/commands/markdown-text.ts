/** The characters that could start markdown formatting or a link, and the backslash that escapes them. */
const MARKDOWN = /[\\[\]()*_`<>]/g;

/**
 * Outside text (an alert's title, a machine's name, Defender's words) made safe for a markdown message:
 * each `\`, `[`, `]`, `(`, `)`, `*`, `_`, `` ` ``, `<`, `>` gets a backslash, so no link, emphasis, code
 * span or HTML can be injected; line breaks and runs of spaces become one space, so it stays on its line.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(MARKDOWN, '\\$&');
}

/** An identifier (an alert or machine id) as a code span: backticks become quotes so the span cannot break. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/\s+/g, ' ').replace(/`/g, "'")}\``;
}
