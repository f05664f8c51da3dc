import type { Migration } from './migration';

/**
 * The tables of the ingest → card → Teams path. Times are ISO-8601 UTC text in one form
 * (`YYYY-MM-DDTHH:mm:ss.sssZ`) so they compare as text; JSON is TEXT.
 */
export const v001CoreTables: Migration = {
  version: 1,
  name: 'core-tables',
  statements: (d) => [
    // A fold group owns one card; its alerts are in fold_group_alerts, oldest first (position).
    `CREATE TABLE fold_groups (
      id TEXT PRIMARY KEY,
      title_key TEXT NOT NULL,
      root_alert_id TEXT NOT NULL,
      machine_names TEXT NOT NULL,
      alert_count INTEGER NOT NULL,
      first_alert_at TEXT NOT NULL,
      last_alert_at TEXT NOT NULL
    )`,
    'CREATE INDEX fold_groups_open ON fold_groups (title_key, last_alert_at)',
    `CREATE TABLE fold_group_alerts (
      group_id TEXT NOT NULL REFERENCES fold_groups (id) ON DELETE CASCADE,
      alert_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (group_id, alert_id)
    )`,
    // The latest normalized alert (data) and the columns Vigil filters on.
    `CREATE TABLE alerts (
      id TEXT PRIMARY KEY,
      source TEXT NOT NULL CHECK (source IN ('mde', 'mcas')),
      severity TEXT NOT NULL CHECK (severity IN ('informational', 'low', 'medium', 'high')),
      status TEXT NOT NULL CHECK (status IN ('new', 'inProgress', 'resolved')),
      title_key TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      first_seen_at TEXT NOT NULL,
      group_id TEXT REFERENCES fold_groups (id),
      data TEXT NOT NULL
    )`,
    'CREATE INDEX alerts_created_at ON alerts (created_at)',
    'CREATE INDEX alerts_status ON alerts (status, created_at)',
    'CREATE INDEX alerts_group_id ON alerts (group_id)',
    // Where each group's card lives in Teams.
    `CREATE TABLE cards (
      group_id TEXT PRIMARY KEY REFERENCES fold_groups (id),
      channel_id TEXT NOT NULL,
      thread_id TEXT NOT NULL,
      activity_id TEXT NOT NULL,
      posted_at TEXT NOT NULL
    )`,
    // What waits to go to Teams. attempts counts claims; leased_until holds a claimed item.
    `CREATE TABLE outbox (
      id ${d.serialPrimaryKey},
      kind TEXT NOT NULL CHECK (kind IN ('postCard', 'updateCard', 'reply')),
      group_id TEXT NOT NULL REFERENCES fold_groups (id),
      payload TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      not_before TEXT NOT NULL,
      leased_until TEXT,
      last_error TEXT,
      created_at TEXT NOT NULL,
      sent_at TEXT
    )`,
    'CREATE INDEX outbox_due ON outbox (status, not_before)',
    // Coalescing: one never-claimed updateCard per group; one postCard per group, ever.
    `CREATE UNIQUE INDEX outbox_one_waiting_update ON outbox (group_id)
      WHERE kind = 'updateCard' AND status = 'pending' AND attempts = 0`,
    `CREATE UNIQUE INDEX outbox_one_post ON outbox (group_id) WHERE kind = 'postCard'`,
    // Where each poller stands in its source's stream.
    `CREATE TABLE checkpoints (
      name TEXT PRIMARY KEY,
      watermark TEXT,
      ids_at_watermark TEXT NOT NULL
    )`,
    // Teams conversations and their references for proactive sends.
    `CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('channel', 'personal', 'groupChat')),
      tenant_id TEXT NOT NULL,
      team_id TEXT,
      name TEXT,
      reference TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    // Settings changed at run time (by chat), as text.
    `CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    )`,
  ],
};
