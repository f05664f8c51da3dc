import { VigilError } from '../errors/vigil-error';

/** The error code of a rule that does not parse. */
export const RULE_PARSE_ERROR_CODE = 'RULE.PARSE';

/** What went wrong, where, and what would have been right. */
export interface RuleParseProblem {
  /** 0-based offset in the rule's text. */
  readonly position: number;
  /** The token found there, or `end of rule`. */
  readonly found: string;
  /** A short list of what would have been accepted, for people: `"when"`, `a severity such as high`. */
  readonly expected: readonly string[];
  /** The start of the sentence; `Unexpected "<found>"` when omitted. */
  readonly reason?: string;
  /** A word the user probably meant. */
  readonly suggestion?: string;
}

const SNIPPET_WIDTH = 56;
const FOUND_WIDTH = 40;

/** Cuts long text to `width` characters, with an ellipsis. */
function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** `a`, `a or b`, `a, b or c`. */
export function listForPeople(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The rule's text around the position, on one line, with a caret line under the position. */
function caretLines(text: string, position: number): string {
  const flat = text.replace(/\s/g, ' ');
  const at = Math.max(0, Math.min(position, flat.length));
  const start = Math.max(0, Math.min(at - Math.floor(SNIPPET_WIDTH / 2), flat.length - SNIPPET_WIDTH));
  const end = Math.min(flat.length, start + SNIPPET_WIDTH);
  const before = start > 0 ? '…' : '';
  const after = end < flat.length ? '…' : '';
  const line = `${before}${flat.slice(start, end)}${after}`.trimEnd();
  return `${line}\n${' '.repeat(before.length + at - start)}^`;
}

/** `Unexpected "then" at character 24: expected a condition such as severity >= high.` and a caret line. */
function friendly(text: string, problem: RuleParseProblem): string {
  const found = problem.found === 'end of rule' ? 'end of rule' : `"${clip(problem.found, FOUND_WIDTH)}"`;
  const reason = problem.reason ?? `Unexpected ${found}`;
  const hint = problem.suggestion === undefined ? '' : ` Did you mean "${problem.suggestion}"?`;
  const head = `${reason} at character ${problem.position}: expected ${listForPeople(problem.expected)}.${hint}`;
  return text.trim() === '' ? head : `${head}\n${caretLines(text, problem.position)}`;
}

/**
 * A rule that does not parse (`RULE.PARSE`). `details` holds `position` (0-based), `found` (the token or
 * `end of rule`), `expected` (a short list) and, when there is one, `suggestion`. The friendly message
 * names the token and what was expected, and shows the rule with a `^` under the position.
 */
export class RuleParseError extends VigilError {
  readonly position: number;
  readonly found: string;
  readonly expected: readonly string[];

  constructor(text: string, problem: RuleParseProblem) {
    super(RULE_PARSE_ERROR_CODE, friendly(text, problem), {
      details: {
        position: problem.position,
        found: problem.found,
        expected: [...problem.expected],
        ...(problem.suggestion === undefined ? {} : { suggestion: problem.suggestion }),
      },
    });
    this.position = problem.position;
    this.found = problem.found;
    this.expected = problem.expected;
  }
}
