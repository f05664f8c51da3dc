const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An Entra object id (a GUID) in its one stored form, lower case; `undefined` for anything else. */
export function parseEntraObjectId(text: string): string | undefined {
  const trimmed = text.trim();
  return GUID.test(trimmed) ? trimmed.toLowerCase() : undefined;
}
