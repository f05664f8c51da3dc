import { isReservedRuleWord } from './rule-keywords';

const BARE = /^[A-Za-z0-9_.@*?+:#-]+$/;

/** A name or value as the rule language writes it: bare when it is a plain word, else in `"…"`. */
export function quoteRuleText(text: string): string {
  if (BARE.test(text) && !isReservedRuleWord(text)) return text;
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}
