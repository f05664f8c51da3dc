/**
 * Where a poller stands in a source's alert stream: the highest `updatedAt` seen, and the ids already
 * seen AT that instant. Polling asks for `updatedAt >= watermark`, so an alert updated in the same
 * instant as the last poll is neither skipped nor handled twice.
 */
export interface Checkpoint {
  readonly watermark: string | null;
  readonly idsAtWatermark: readonly string[];
}

export const EMPTY_CHECKPOINT: Checkpoint = { watermark: null, idsAtWatermark: [] };

/** Anything with an id and an ISO-8601 `updatedAt`. */
export interface Versioned {
  readonly id: string;
  readonly updatedAt: string;
}

const instant = (iso: string): number => Date.parse(iso);

/** True when the poller has not handled this version of the item yet. */
export function isUnseen(checkpoint: Checkpoint, item: Versioned): boolean {
  if (checkpoint.watermark === null) return true;
  const delta = instant(item.updatedAt) - instant(checkpoint.watermark);
  if (delta !== 0) return delta > 0;
  return !checkpoint.idsAtWatermark.includes(item.id);
}

/** The checkpoint after handling `items` (in any order); items older than the watermark change nothing. */
export function advanceCheckpoint(checkpoint: Checkpoint, items: readonly Versioned[]): Checkpoint {
  let watermark = checkpoint.watermark;
  let ids = new Set(checkpoint.idsAtWatermark);
  for (const item of items) {
    const delta = watermark === null ? 1 : instant(item.updatedAt) - instant(watermark);
    if (delta > 0) {
      watermark = item.updatedAt;
      ids = new Set([item.id]);
    } else if (delta === 0) {
      ids.add(item.id);
    }
  }
  return { watermark, idsAtWatermark: [...ids].sort() };
}

/** Where a first poll starts: `firstFetchWindowMs` before now. */
export function firstFetchWatermark(nowMs: number, firstFetchWindowMs: number): string {
  return new Date(nowMs - firstFetchWindowMs).toISOString();
}
