/** Query parameters of a Defender call; undefined values are left out. */
export type QueryParams = Readonly<Record<string, string | number | undefined>>;

/** `?$filter=…&$top=…`: keys as written, values URL-encoded (spaces as %20), undefined left out. */
export function queryString(query: QueryParams | undefined): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
