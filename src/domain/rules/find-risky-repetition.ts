/** A quantifier at some offset: how long it is and whether it repeats (`*`, `+`, `{2,}`…, not `?`). */
interface Quantifier {
  readonly length: number;
  readonly repeats: boolean;
}

/** A group being scanned: whether something inside it is quantified or offers alternatives. */
interface OpenGroup {
  quantified: boolean;
  alternatives: boolean;
}

const BRACES = /^\{(\d+)(,(\d*))?\}/;

/** The quantifier at `at`, lazy `?` included, or undefined. */
function quantifierAt(pattern: string, at: number): Quantifier | undefined {
  const char = pattern[at];
  let quantifier: Quantifier | undefined;
  if (char === '*' || char === '+') quantifier = { length: 1, repeats: true };
  else if (char === '?') quantifier = { length: 1, repeats: false };
  else if (char === '{') {
    const braces = BRACES.exec(pattern.slice(at, at + 24));
    if (braces) {
      const low = Number(braces[1]);
      const high =
        braces[2] === undefined ? low : braces[3] === '' ? Number.POSITIVE_INFINITY : Number(braces[3]);
      quantifier = { length: braces[0].length, repeats: high > 1 };
    }
  }
  if (quantifier && pattern[at + quantifier.length] === '?') {
    return { length: quantifier.length + 1, repeats: quantifier.repeats };
  }
  return quantifier;
}

/** The offset just past a `[…]` class starting at `at`. */
function skipClass(pattern: string, at: number): number {
  let index = at + 1;
  while (index < pattern.length && pattern[index] !== ']') index += pattern[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** The offset just past the `?:`, `?=`, `?!`, `?<=`, `?<!` or `?<name>` after a `(` at `at`. */
function skipGroupPrefix(pattern: string, at: number): number {
  if (pattern[at + 1] !== '?') return at + 1;
  const kind = pattern[at + 2];
  if (kind === '<' && pattern[at + 3] !== '=' && pattern[at + 3] !== '!') {
    const close = pattern.indexOf('>', at + 3);
    return close < 0 ? pattern.length : close + 1;
  }
  return at + (kind === '<' ? 4 : 3);
}

/**
 * Why a regular expression could backtrack catastrophically, or undefined when it looks safe: a repeated
 * group holding a quantifier (`(a+)+`, `(\d*)*`), a repeated group of alternatives (`(a|aa)+`), or a
 * back-reference (`\1`, `\k<name>`). Conservative: it may refuse a pattern that would have been fine.
 */
export function findRiskyRepetition(pattern: string): string | undefined {
  const groups: OpenGroup[] = [{ quantified: false, alternatives: false }];
  let at = 0;
  while (at < pattern.length) {
    const char = pattern[at];
    const top = groups[groups.length - 1] as OpenGroup;
    if (char === '\\') {
      const next = pattern[at + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'a back-reference';
      at += 2;
    } else if (char === '[') {
      at = skipClass(pattern, at);
    } else if (char === '(') {
      groups.push({ quantified: false, alternatives: false });
      at = skipGroupPrefix(pattern, at);
    } else if (char === '|') {
      top.alternatives = true;
      at += 1;
    } else if (char === ')') {
      const group = groups.length > 1 ? (groups.pop() as OpenGroup) : top;
      const parent = groups[groups.length - 1] as OpenGroup;
      const quantifier = quantifierAt(pattern, at + 1);
      if (quantifier?.repeats && group.quantified) return 'a repeated group that itself repeats, like (a+)+';
      if (quantifier?.repeats && group.alternatives) return 'a repeated group of alternatives, like (a|aa)+';
      if (quantifier !== undefined || group.quantified) parent.quantified = true;
      at += 1 + (quantifier?.length ?? 0);
    } else {
      const quantifier = quantifierAt(pattern, at);
      if (quantifier) top.quantified = true;
      at += quantifier?.length ?? 1;
    }
  }
  return undefined;
}
