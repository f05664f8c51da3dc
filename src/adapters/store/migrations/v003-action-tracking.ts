import type { Migration } from './migration';

/**
 * What tracking response actions needs: when the action worker looks at an action next (claimed when
 * due), and the machine of each alert as a column (lower case), so a machine's open alerts are found
 * without reading every alert's JSON. Alerts stored before this migration get theirs from their JSON.
 */
export const v003ActionTracking: Migration = {
  version: 3,
  name: 'action-tracking',
  statements: (d) => [
    // NULL once the action is final: only open actions are ever due.
    'ALTER TABLE actions ADD COLUMN next_check_at TEXT',
    'CREATE INDEX actions_due ON actions (next_check_at) WHERE next_check_at IS NOT NULL',
    'CREATE INDEX actions_created_at ON actions (created_at)',
    // The alert's machine id, lower case (MDE's ids are hex; its API takes any case).
    'ALTER TABLE alerts ADD COLUMN machine_id TEXT',
    `UPDATE alerts SET machine_id = LOWER(${d.jsonText('data', ['machine', 'id'])})`,
    'CREATE INDEX alerts_machine ON alerts (machine_id, status)',
  ],
};
