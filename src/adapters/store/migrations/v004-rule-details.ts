import type { Migration } from './migration';

/**
 * What automatic response rules need beyond v002's table: when a `for 7d` rule expires, its running
 * order (`order <n>`, 1000 when absent) as a column, the author's display name, a name unique in any
 * case (`name_key`, the name lower case), and a counter of rule numbers that never goes down, so an id
 * (`r7`) is never given twice even after its rule is removed. Rows stored before it get their order
 * from their JSON, their key from their name, and the counter starts after their highest `r<n>` id.
 */
export const v004RuleDetails: Migration = {
  version: 4,
  name: 'rule-details',
  statements: (d) => [
    'ALTER TABLE rules ADD COLUMN expires_at TEXT',
    'ALTER TABLE rules ADD COLUMN sort_order INTEGER NOT NULL DEFAULT 1000',
    'ALTER TABLE rules ADD COLUMN created_by_name TEXT',
    'ALTER TABLE rules ADD COLUMN name_key TEXT',
    `UPDATE rules SET sort_order = COALESCE(CAST(${d.jsonText('definition', ['options', 'order'])} AS INTEGER), 1000)`,
    // Names that were distinct only by case keep their row; the later one (by id) gets a key of its own.
    `UPDATE rules SET name_key = CASE
      WHEN EXISTS (SELECT 1 FROM rules other WHERE LOWER(other.name) = LOWER(rules.name) AND other.id < rules.id)
      THEN LOWER(rules.name) || '#' || rules.id
      ELSE LOWER(rules.name) END`,
    'CREATE UNIQUE INDEX rules_name_key ON rules (name_key)',
    'CREATE INDEX rules_running_order ON rules (sort_order, created_at, id)',
    // Numbers that only grow, by name: `rule_number` is the highest n of any rule id `r<n>` ever stored.
    `CREATE TABLE counters (
      name TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    )`,
    `INSERT INTO counters (name, value)
      SELECT 'rule_number', COALESCE(MAX(CAST(SUBSTR(id, 2) AS INTEGER)), 0) FROM rules
      WHERE SUBSTR(id, 1, 1) = 'r' AND LENGTH(id) BETWEEN 2 AND 10 AND LTRIM(SUBSTR(id, 2), '0123456789') = ''`,
  ],
};
