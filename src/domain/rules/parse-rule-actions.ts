import type { AlertClassification } from '../alerts/alert';
import type { IsolationType, ScanType } from '../machines/machine-action';
import { isRuleAddress } from './is-rule-address';
import { RULE_AUTHOR_ASSIGNEE, type RuleAction } from './rule-action';
import type { RuleCursor } from './rule-cursor';
import { ACTION_WORDS, OPTION_WORDS } from './rule-keywords';
import type { RuleToken } from './rule-token';
import { suggestWord } from './suggest-word';

const AN_ACTION = 'an action: isolate, unisolate, scan, resolve as …, assign, notify or require approval';
const AN_ADDRESS = 'an address such as secops@contoso.com';
const ISOLATION_TYPES: Readonly<Record<string, IsolationType>> = { full: 'Full', selective: 'Selective' };
const SCAN_TYPES: Readonly<Record<string, ScanType>> = { quick: 'Quick', full: 'Full' };
const CLASSIFICATIONS: Readonly<Record<string, AlertClassification>> = {
  truepositive: 'truePositive',
  'true-positive': 'truePositive',
  falsepositive: 'falsePositive',
  'false-positive': 'falsePositive',
  informational: 'informationalExpectedActivity',
};

/** An action and the token it started at (for errors found once the list is read). */
interface PlacedAction {
  readonly action: RuleAction;
  readonly token: RuleToken;
}

/** The optional word after `isolate` or `scan`; fails on a word that is neither an option nor `on`. */
function readKind<T>(cursor: RuleCursor, kinds: Readonly<Record<string, T>>, what: string, fallback: T): T {
  const token = cursor.peek();
  if (token.kind !== 'word') return fallback;
  const lower = token.value.toLowerCase();
  if (Object.hasOwn(kinds, lower)) {
    cursor.next();
    return kinds[lower] as T;
  }
  const names = Object.keys(kinds);
  const elsewhere = lower === 'on' || OPTION_WORDS.includes(lower) || ACTION_WORDS.includes(lower);
  // A word nearer an option than a kind is left for the options to report ("stopp": did you mean stop?).
  if (elsewhere || (suggestWord(lower, names) === undefined && suggestWord(lower, OPTION_WORDS)))
    return fallback;
  return cursor.fail(token, {
    reason: `Unknown ${what} "${token.value.slice(0, 40)}"`,
    expected: names,
    candidates: names,
  });
}

/** `resolve as truepositive`, `resolve as true positive`, `resolve as informational`. */
function readClassification(cursor: RuleCursor): AlertClassification {
  cursor.expectWord('as', { expected: ['"as", as in resolve as truepositive'], candidates: ['as'] });
  const token = cursor.peek();
  const expected = ['truepositive', 'falsepositive', 'informational'];
  let word = token.kind === 'word' ? token.value.toLowerCase() : '';
  if ((word === 'true' || word === 'false') && cursor.isWord('positive', 1)) {
    cursor.next();
    word = `${word}positive`;
  }
  const classification = Object.hasOwn(CLASSIFICATIONS, word) ? CLASSIFICATIONS[word] : undefined;
  if (classification === undefined) {
    return cursor.fail(cursor.peek(), { reason: undefined, expected, candidates: expected });
  }
  cursor.next();
  return classification;
}

/** An address (bare or quoted), lower case. */
function readAddress(cursor: RuleCursor, also: readonly string[]): string | undefined {
  const token = cursor.peek();
  if ((token.kind === 'word' || token.kind === 'string') && isRuleAddress(token.value)) {
    cursor.next();
    return token.value.toLowerCase();
  }
  return cursor.fail(token, { expected: [...also, AN_ADDRESS] });
}

/** One action, without `on user machines`. */
function readAction(cursor: RuleCursor): RuleAction {
  const token = cursor.peek();
  if (!cursor.isOneOf(ACTION_WORDS)) {
    const word = token.kind === 'word' ? token.value.slice(0, 40) : '';
    return cursor.fail(token, {
      reason: token.kind === 'word' ? `Unknown action "${word}"` : undefined,
      expected: [AN_ACTION],
      candidates: ACTION_WORDS,
    });
  }
  cursor.next();
  switch (token.value.toLowerCase()) {
    case 'isolate':
      return {
        kind: 'isolate',
        isolationType: readKind(cursor, ISOLATION_TYPES, 'isolation type', 'Full'),
        onUserMachines: false,
      };
    case 'unisolate':
      return { kind: 'unisolate', onUserMachines: false };
    case 'scan':
      return {
        kind: 'scan',
        scanType: readKind(cursor, SCAN_TYPES, 'scan type', 'Quick'),
        onUserMachines: false,
      };
    case 'resolve':
      return { kind: 'resolve', classification: readClassification(cursor) };
    case 'assign':
      if (cursor.isWord(RULE_AUTHOR_ASSIGNEE)) {
        cursor.next();
        return { kind: 'assign', assignee: RULE_AUTHOR_ASSIGNEE };
      }
      return { kind: 'assign', assignee: readAddress(cursor, ['"me"']) as string };
    case 'notify':
      if (cursor.isWord('channel')) {
        cursor.next();
        return { kind: 'notifyChannel' };
      }
      return { kind: 'notifyUser', upn: readAddress(cursor, ['"channel"']) as string };
    default:
      cursor.expectWord('approval', { expected: ['"approval"'], candidates: ['approval'] });
      return { kind: 'requireApproval' };
  }
}

/** `on user machines` after an action: only a machine action takes it. */
function readOnUserMachines(cursor: RuleCursor, placed: PlacedAction): RuleAction {
  const { action } = placed;
  if (!cursor.isWord('on')) return action;
  const on = cursor.peek();
  if (action.kind !== 'isolate' && action.kind !== 'unisolate' && action.kind !== 'scan') {
    return cursor.fail(on, {
      reason: `"on user machines" cannot follow ${placed.token.value.toLowerCase()}`,
      expected: ['it only after isolate, unisolate or scan'],
    });
  }
  cursor.next();
  cursor.expectWord('user', { expected: ['"user machines"'], candidates: ['user'] });
  cursor.expectWord('machines', { expected: ['"machines"'], candidates: ['machines'] });
  return { ...action, onUserMachines: true };
}

/** A key that two actions share when one repeats the other. */
function duplicateKey(action: RuleAction): string {
  return action.kind === 'notifyUser' ? `notify:${action.upn}` : action.kind;
}

/** Fails on repeated or contradictory actions, and on `require approval` with anything but isolate. */
function checkActions(cursor: RuleCursor, placed: readonly PlacedAction[]): void {
  const seen = new Set<string>();
  const approval = placed.some(({ action }) => action.kind === 'requireApproval');
  for (const { action, token } of placed) {
    const key = duplicateKey(action);
    if (seen.has(key)) {
      cursor.fail(token, {
        reason: `Duplicate action "${token.value}"`,
        expected: ['each action at most once'],
      });
    }
    if (action.kind === 'unisolate' && seen.has('isolate')) {
      cursor.fail(token, { reason: 'Both isolate and unisolate', expected: ['one of them'] });
    }
    if (action.kind === 'isolate' && seen.has('unisolate')) {
      cursor.fail(token, { reason: 'Both unisolate and isolate', expected: ['one of them'] });
    }
    if (approval && action.kind !== 'requireApproval' && action.kind !== 'isolate') {
      cursor.fail(token, {
        reason: `"require approval" cannot go with ${token.value.toLowerCase()}`,
        expected: ['require approval alone or with isolate'],
      });
    }
    seen.add(key);
  }
}

/**
 * Parses the actions after `then`: one or more, separated by commas, each optionally followed by
 * `on user machines` (machine actions only). A comma may also come before the options.
 */
export function parseRuleActions(cursor: RuleCursor): RuleAction[] {
  const placed: PlacedAction[] = [];
  for (;;) {
    const token = cursor.peek();
    const first: PlacedAction = { action: readAction(cursor), token };
    placed.push({ action: readOnUserMachines(cursor, first), token });
    if (cursor.peek().kind !== 'comma') break;
    cursor.next();
    if (cursor.isOneOf(OPTION_WORDS)) break;
  }
  checkActions(cursor, placed);
  return placed.map(({ action }) => action);
}
