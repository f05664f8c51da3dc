/**
 * True when `text` matches the glob `pattern` as a whole, ignoring case: `*` matches any run of
 * characters (none included), `?` exactly one. Linear backtracking to the last `*`, never exponential.
 */
export function matchGlob(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const t = text.toLowerCase();
  let pi = 0;
  let ti = 0;
  let star = -1;
  let starText = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === t[ti]))) {
      pi += 1;
      ti += 1;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi;
      starText = ti;
      pi += 1;
    } else if (star >= 0) {
      pi = star + 1;
      starText += 1;
      ti = starText;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi += 1;
  return pi === p.length;
}
