import type { Migration } from './migration';

/**
 * Tables for the features that follow (card actions, rules, roles, audit), created now so the first
 * release's schema already holds them. Minimal on purpose: later migrations add what those features need.
 */
export const v002ResponseTables: Migration = {
  version: 2,
  name: 'response-tables',
  statements: (d) => [
    // A response action (isolate, scan, resolve…), recorded before it is sent to Defender, then tracked
    // to a final status. `request_key` makes a repeated click the same action.
    `CREATE TABLE actions (
      id TEXT PRIMARY KEY,
      request_key TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      alert_id TEXT,
      machine_id TEXT,
      requested_by TEXT NOT NULL,
      tenant_id TEXT NOT NULL,
      status TEXT NOT NULL,
      defender_action_id TEXT,
      data TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    'CREATE INDEX actions_machine ON actions (machine_id, status)',
    'CREATE INDEX actions_alert ON actions (alert_id)',
    // The tamper-evident log: each entry's hash covers its content and the previous entry's hash.
    `CREATE TABLE audit (
      id ${d.serialPrimaryKey},
      at TEXT NOT NULL,
      tenant_id TEXT,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      target TEXT,
      details TEXT NOT NULL,
      prev_hash TEXT,
      hash TEXT NOT NULL
    )`,
    'CREATE INDEX audit_at ON audit (at)',
    // Automatic response rules, written by admins in chat. `definition` is the rule as JSON.
    `CREATE TABLE rules (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      definition TEXT NOT NULL,
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    // Who may do what, by Entra identity, never by display name.
    `CREATE TABLE roles (
      tenant_id TEXT NOT NULL,
      aad_object_id TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'responder', 'admin')),
      granted_by TEXT NOT NULL,
      granted_at TEXT NOT NULL,
      PRIMARY KEY (tenant_id, aad_object_id)
    )`,
  ],
};
