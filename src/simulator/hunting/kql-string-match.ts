const isTermChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * KQL's `has`: the needle occurs as whole terms, i.e. not glued to letters or digits on a side where the
 * needle itself starts or ends with one (`"-enc"` has in `"powershell -enc AAA"`, `"enc"` has not in
 * `"encoded"`).
 */
export function hasTerm(haystack: string, needle: string): boolean {
  if (needle === '') return true;
  const guardStart = isTermChar(needle[0]);
  const guardEnd = isTermChar(needle[needle.length - 1]);
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at === -1) return false;
    const startOk = !guardStart || !isTermChar(haystack[at - 1]);
    const endOk = !guardEnd || !isTermChar(haystack[at + needle.length]);
    if (startOk && endOk) return true;
    from = at + 1;
  }
}

type Matcher = (haystack: string, needle: string) => boolean;

const BASE_MATCHERS: Readonly<Record<string, Matcher>> = {
  contains: (h, n) => h.includes(n),
  has: hasTerm,
  startswith: (h, n) => h.startsWith(n),
  endswith: (h, n) => h.endsWith(n),
  '==': (h, n) => h === n,
};

/**
 * The matcher for a string operator: `contains`, `has`, `startswith`, `endswith` and `=~` in their
 * case-insensitive (plain), case-sensitive (`_cs`) and negated (`!`) forms. Undefined for other operators.
 */
export function stringMatcher(op: string): Matcher | undefined {
  const negated = op.startsWith('!');
  let base = negated ? op.slice(1) : op;
  if (base === '~') base = '=~';
  const caseSensitive = base.endsWith('_cs');
  if (caseSensitive) base = base.slice(0, -3);
  if (base === '=~') base = '==';
  else if (base === '==' || !Object.hasOwn(BASE_MATCHERS, base)) return undefined;
  const match = BASE_MATCHERS[base]!;
  const folded: Matcher = caseSensitive ? match : (h, n) => match(h.toLowerCase(), n.toLowerCase());
  return negated ? (h, n) => !folded(h, n) : folded;
}
