import { advanceCheckpoint, type Checkpoint, type Versioned } from '../../domain/ingest/checkpoint';

/**
 * A poll's checkpoint as it moves through the alerts of a poll, oldest first. It moves past an alert
 * only when the poll read the whole stream since the checkpoint (`complete`) and the alert's update is
 * older than `settledBeforeMs`; from the first younger alert on it stays put, because every later one
 * is younger too.
 */
export class CheckpointProgress {
  #checkpoint: Checkpoint;
  #blocked: boolean;
  #dirty: boolean;

  constructor(
    start: Checkpoint,
    private readonly settledBeforeMs: number,
    complete: boolean,
    unsaved: boolean,
  ) {
    this.#checkpoint = start;
    this.#blocked = !complete;
    this.#dirty = unsaved;
  }

  /** The checkpoint so far. */
  get checkpoint(): Checkpoint {
    return this.#checkpoint;
  }

  /** Whether the checkpoint changed since it was last saved. */
  get dirty(): boolean {
    return this.#dirty;
  }

  /** Records that `item` (in ascending order) has been handled. */
  handled(item: Versioned): void {
    if (this.#blocked) return;
    if (Date.parse(item.updatedAt) > this.settledBeforeMs) {
      this.#blocked = true;
      return;
    }
    const next = advanceCheckpoint(this.#checkpoint, [item]);
    if (
      next.watermark === this.#checkpoint.watermark &&
      next.idsAtWatermark.length === this.#checkpoint.idsAtWatermark.length
    ) {
      return;
    }
    this.#checkpoint = next;
    this.#dirty = true;
  }

  /** Records that the checkpoint has been saved. */
  saved(): void {
    this.#dirty = false;
  }
}
