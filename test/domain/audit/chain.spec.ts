import assert from 'node:assert/strict';
import type { AuditContent, ChainedAuditContent } from '../../../src/domain/audit/audit-entry';
import { canonicalEntry, canonicalJson, chainEntry, verifyChain } from '../../../src/domain/audit/chain';

/** A stand-in hash (not cryptographic, but deterministic and sensitive to every character). */
const hash = (text: string) => {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  return `${h.toString(16)}:${text.length}`;
};

const content = (n: number): AuditContent => ({
  at: `2026-03-02T09:00:0${n}.000Z`,
  tenantId: 'tenant-1',
  actor: { aadObjectId: 'ana', name: 'Ana Admin' },
  action: 'role.grant',
  target: `user-${n}`,
  outcome: 'succeeded',
  details: { after: 'responder', n },
});

function chainOf(count: number): (ChainedAuditContent & { id: number })[] {
  const entries: (ChainedAuditContent & { id: number })[] = [];
  for (let n = 1; n <= count; n++) {
    entries.push({ id: n, ...chainEntry(entries.at(-1)?.hash ?? null, content(n), hash) });
  }
  return entries;
}

describe('audit chain', () => {
  it('should serialize with sorted keys at every depth, leaving undefined out', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [1, undefined], c: 'x' }, e: undefined }),
      '{"a":{"c":"x","d":[1,null]},"b":1}',
    );
    const reordered = { ...content(1), details: { n: 1, after: 'responder' } };
    assert.equal(canonicalEntry(reordered), canonicalEntry(content(1)));
  });

  it('should chain each entry to the one before it', () => {
    const [first, second] = chainOf(2);
    assert.equal(first?.prevHash, null);
    assert.equal(second?.prevHash, first?.hash);
    assert.equal(first?.hash, hash(canonicalEntry(content(1))));
  });

  it('should accept an intact chain, and an empty one', () => {
    assert.equal(verifyChain(chainOf(5), hash), undefined);
    assert.equal(verifyChain([], hash), undefined);
  });

  it('should find an edited entry', () => {
    const entries = chainOf(4);
    entries[2] = { ...entries[2]!, details: { after: 'admin', n: 3 } };
    assert.deepEqual(verifyChain(entries, hash), {
      index: 2,
      id: 3,
      reason: 'hash-mismatch',
      message: 'Entry 3 was edited: its hash does not match.',
    });
  });

  it('should find an edited entry whose hash was recomputed, at the entry after it', () => {
    const entries = chainOf(4);
    entries[1] = { id: 2, ...chainEntry(entries[0]!.hash, { ...content(2), outcome: 'refused' }, hash) };
    const broken = verifyChain(entries, hash);
    assert.equal(broken?.id, 3);
    assert.equal(broken?.reason, 'prev-hash-mismatch');
  });

  it('should find a removed entry, first or in the middle', () => {
    const entries = chainOf(4);
    assert.equal(verifyChain([entries[0]!, entries[2]!, entries[3]!], hash)?.id, 3);
    const withoutFirst = verifyChain(entries.slice(1), hash);
    assert.equal(withoutFirst?.index, 0);
    assert.equal(withoutFirst?.reason, 'prev-hash-mismatch');
    assert.match(withoutFirst?.message ?? '', /entries before it were removed/);
  });

  it('should find reordered entries', () => {
    const [a, b, c] = chainOf(3);
    assert.equal(verifyChain([a!, c!, b!], hash)?.id, 3);
  });
});
