/**
 * Reads a `$top`/`$skip` (or `skip`/`limit`) collection page by page until a page comes back short or
 * `maxItems` are collected. `hasMore` may end the reading earlier (MCAS's `hasNext`).
 */
export async function collectPages<T>(
  fetchPage: (skip: number, top: number) => Promise<{ items: readonly T[]; hasMore?: boolean }>,
  pageSize: number,
  maxItems: number,
): Promise<T[]> {
  const items: T[] = [];
  while (items.length < maxItems) {
    const top = Math.min(pageSize, maxItems - items.length);
    const page = await fetchPage(items.length, top);
    items.push(...page.items.slice(0, top));
    if (page.items.length < top || page.hasMore === false) break;
  }
  return items;
}
