import type { Alert } from '../alerts/alert';
import { SEVERITIES } from '../alerts/severity';
import { matchGlob } from './match-glob';
import type { FieldCondition, RuleCondition, RuleTextField } from './rule-condition';
import type { RuleContext } from './rule-context';

const MAX_REGEX_CACHE = 256;
const regexCache = new Map<string, RegExp | null>();

/** The compiled regex (cached), or null when it does not compile. */
function compiled(pattern: string, flags: string): RegExp | null {
  const key = `${flags}/${pattern}`;
  let regex = regexCache.get(key);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, flags.replace(/[gy]/g, ''));
    } catch {
      regex = null;
    }
    if (regexCache.size >= MAX_REGEX_CACHE) regexCache.clear();
    regexCache.set(key, regex);
  }
  return regex;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function texts(values: readonly unknown[]): string[] {
  return values.filter((value): value is string => typeof value === 'string');
}

/** The strings a text field offers (none when the field is missing). */
function fieldTexts(field: RuleTextField, alert: Alert, context: RuleContext): string[] {
  switch (field) {
    case 'category':
    case 'title':
    case 'detectionSource':
      return texts([alert[field]]);
    case 'machine': {
      const name = text(alert.machine?.name) ?? text(context.machine?.name);
      if (name === undefined || name === '') return [];
      const host = name.split('.')[0] ?? '';
      return host !== '' && host !== name ? [name, host] : [name];
    }
    case 'user':
      return texts([alert.user?.name, alert.user?.upn]).filter((value) => value !== '');
  }
}

/** `=` and `!=` over a field's strings: false when the field is missing. */
function equality(op: '=' | '!=', values: readonly string[], matches: (value: string) => boolean): boolean {
  if (values.length === 0) return false;
  const some = values.some(matches);
  return op === '=' ? some : !some;
}

function rank(value: unknown): number {
  return SEVERITIES.indexOf(value as (typeof SEVERITIES)[number]);
}

/** One field condition. */
function evaluateField(condition: FieldCondition, alert: Alert, context: RuleContext): boolean {
  switch (condition.kind) {
    case 'severity': {
      const have = rank(alert.severity);
      const want = rank(condition.value);
      if (have < 0 || want < 0) return false;
      const order = {
        '=': have === want,
        '!=': have !== want,
        '<': have < want,
        '<=': have <= want,
        '>': have > want,
        '>=': have >= want,
      };
      return order[condition.op] ?? false;
    }
    case 'source':
    case 'status': {
      const have = text(alert[condition.kind]);
      if (have === undefined) return false;
      return condition.op === '=' ? have === condition.value : have !== condition.value;
    }
    case 'text': {
      const values = fieldTexts(condition.field, alert, context).map((value) => value.toLowerCase());
      const want = condition.value.toLowerCase();
      if (condition.op === '~') return values.some((value) => value.includes(want));
      return equality(condition.op, values, (value) => value === want);
    }
    case 'regex': {
      const regex = compiled(condition.pattern, condition.flags);
      return regex !== null && fieldTexts(condition.field, alert, context).some((value) => regex.test(value));
    }
    case 'glob':
      return equality(condition.op, fieldTexts('machine', alert, context), (value) =>
        matchGlob(condition.pattern, value),
      );
    case 'tag': {
      const tags = context.machine?.tags;
      if (!Array.isArray(tags)) return false;
      const want = condition.value.toLowerCase();
      const has = texts(tags).some((tag) => tag.toLowerCase() === want);
      return condition.op === '=' ? has : !has;
    }
    case 'mitre': {
      const techniques = Array.isArray(alert.mitreTechniques) ? texts(alert.mitreTechniques) : [];
      const has = techniques
        .map((technique) => technique.trim().toUpperCase())
        .some((technique) => technique === condition.value || technique.startsWith(`${condition.value}.`));
      return condition.op === '=' ? has : !has;
    }
  }
}

function evaluate(condition: RuleCondition, alert: Alert, context: RuleContext): boolean {
  switch (condition.kind) {
    case 'and':
      return condition.operands.every((operand) => evaluate(operand, alert, context));
    case 'or':
      return condition.operands.some((operand) => evaluate(operand, alert, context));
    case 'not':
      return !evaluate(condition.operand, alert, context);
    default:
      return evaluateField(condition, alert, context);
  }
}

/**
 * Whether an alert meets a rule's condition. Text comparisons ignore case; `machine` matches the full
 * name or its host part; `user` the name or UPN; `machine.tag` the tags in `context.machine`; `mitre`
 * the technique and its sub-techniques. A condition on a missing field (an MCAS alert's machine, an
 * alert without a user) is false, so `not` of it is true. Never throws: anything unexpected is false.
 */
export function evaluateCondition(
  condition: RuleCondition,
  alert: Alert,
  context: RuleContext = {},
): boolean {
  try {
    return evaluate(condition, alert, context ?? {});
  } catch {
    return false;
  }
}
