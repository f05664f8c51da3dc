/** ` Did you mean 'DeviceName'? Names are case-sensitive.` when only the case differs, else ''. */
export function suggestName(name: string, candidates: Iterable<string>): string {
  const wanted = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === wanted) return ` Did you mean '${candidate}'? Names are case-sensitive.`;
  }
  return '';
}
