import type { AuditContent, ChainedAuditContent } from './audit-entry';

/** A hash function over text (SHA-256 in hex in Vigil), injected: the domain does no cryptography itself. */
export type HashText = (text: string) => string;

/** Where and why a chain stops holding. */
export interface ChainBreak {
  /** The position (0-based) of the first entry that does not hold. */
  readonly index: number;
  /** The entry's stored id, when it has one. */
  readonly id?: number;
  readonly reason: 'prev-hash-mismatch' | 'hash-mismatch';
  /** One sentence for people. */
  readonly message: string;
}

/**
 * The one text form of a value that a hash covers: JSON with object keys sorted, at every depth, and
 * `undefined` members left out (as a JSON column would drop them), so the same content always gives
 * the same text whatever order its keys were written in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The canonical text of an entry's content: everything the entry says, and nothing about where it is stored. */
export function canonicalEntry(content: AuditContent): string {
  return canonicalJson({
    at: content.at,
    tenantId: content.tenantId,
    actor: { aadObjectId: content.actor.aadObjectId, name: content.actor.name },
    action: content.action,
    target: content.target,
    outcome: content.outcome,
    details: content.details,
  });
}

/** The hash of an entry that follows `prevHash` (`null` for the first): `hash(prevHash + canonical)`. */
export function entryHash(prevHash: string | null, content: AuditContent, hash: HashText): string {
  return hash((prevHash ?? '') + canonicalEntry(content));
}

/** `content` chained after `prevHash`. */
export function chainEntry(
  prevHash: string | null,
  content: AuditContent,
  hash: HashText,
): ChainedAuditContent {
  return { ...content, prevHash, hash: entryHash(prevHash, content, hash) };
}

/**
 * Checks a whole log, oldest first: the first entry follows nothing, each other entry names the hash
 * of the one before it, and each hash is that of its own content. An edited entry breaks its own hash;
 * a removed or reordered one breaks the link of the entry after it. Returns the first break, or
 * `undefined` when the chain holds. (Removing the newest entries leaves a shorter chain that holds: compare
 * the count or the last hash with a copy kept elsewhere to catch that.)
 */
export function verifyChain(
  entries: readonly (ChainedAuditContent & { readonly id?: number })[],
  hash: HashText,
): ChainBreak | undefined {
  let previous: string | null = null;
  for (const [index, entry] of entries.entries()) {
    const where = entry.id === undefined ? `Entry #${index + 1}` : `Entry ${entry.id}`;
    const id = entry.id === undefined ? {} : { id: entry.id };
    if (entry.prevHash !== previous) {
      const message =
        previous === null
          ? `${where} is first but names a previous entry: entries before it were removed.`
          : `${where} does not follow the entry before it: an entry was removed or reordered.`;
      return { index, ...id, reason: 'prev-hash-mismatch', message };
    }
    if (entryHash(entry.prevHash, entry, hash) !== entry.hash) {
      return {
        index,
        ...id,
        reason: 'hash-mismatch',
        message: `${where} was edited: its hash does not match.`,
      };
    }
    previous = entry.hash;
  }
  return undefined;
}
