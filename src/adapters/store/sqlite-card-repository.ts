import type Database from 'better-sqlite3';
import type { CardRecord, CardRepository } from '../../services/ports/store.port';
import { canonicalTime } from './canonical-time';
import type { Synchronous } from './synchronous';

interface CardRow {
  readonly group_id: string;
  readonly channel_id: string;
  readonly thread_id: string;
  readonly activity_id: string;
  readonly posted_at: string;
}

/** Where each group's card lives in Teams, one row per group; saving again replaces it. */
export class SqliteCardRepository implements Synchronous<CardRepository> {
  readonly #byGroup: Database.Statement<[string], CardRow>;
  readonly #upsert: Database.Statement<[CardRecord]>;
  readonly #count: Database.Statement<[], { n: number }>;

  constructor(db: Database.Database) {
    this.#byGroup = db.prepare('SELECT * FROM cards WHERE group_id = ?');
    this.#upsert = db.prepare(`INSERT INTO cards (group_id, channel_id, thread_id, activity_id, posted_at)
      VALUES (@groupId, @channelId, @threadId, @activityId, @postedAt)
      ON CONFLICT (group_id) DO UPDATE SET channel_id = excluded.channel_id,
        thread_id = excluded.thread_id, activity_id = excluded.activity_id, posted_at = excluded.posted_at`);
    this.#count = db.prepare('SELECT COUNT(*) AS n FROM cards');
  }

  get(groupId: string): CardRecord | undefined {
    const row = this.#byGroup.get(groupId);
    return (
      row && {
        groupId: row.group_id,
        channelId: row.channel_id,
        threadId: row.thread_id,
        activityId: row.activity_id,
        postedAt: row.posted_at,
      }
    );
  }

  save(card: CardRecord): void {
    this.#upsert.run({
      groupId: card.groupId,
      channelId: card.channelId,
      threadId: card.threadId,
      activityId: card.activityId,
      postedAt: canonicalTime(card.postedAt, 'postedAt'),
    });
  }

  count(): number {
    return this.#count.get()?.n ?? 0;
  }
}
