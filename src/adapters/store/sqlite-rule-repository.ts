import type Database from 'better-sqlite3';
import type { RuleDefinition } from '../../domain/rules/rule-definition';
import type { RuleRepository, StoredRule } from '../../services/ports/store.port';
import { canonicalTime } from './canonical-time';
import { fromCheckedJsonColumn, toJsonColumn } from './json-column';
import { type PreparedOnce, preparedOnce } from './prepared-once';
import { ruleDefinitionSchema } from './rule-definition-schema';
import { StoreError } from './store-error';
import type { Synchronous } from './synchronous';

interface RuleRow {
  readonly id: string;
  readonly definition: string;
  readonly enabled: number;
  readonly created_by: string;
  readonly created_by_name: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly expires_at: string | null;
}

type RuleColumns = Record<string, string | number | null>;

/** Where a rule runs when its definition gives no `order`. */
const DEFAULT_ORDER = 1000;

/** The counter (in `counters`) of the highest `r<n>` id ever stored. */
const RULE_NUMBER_COUNTER = 'rule_number';

const RULE_ID = /^r(\d+)$/;

const SELECT = `SELECT id, definition, enabled, created_by, created_by_name, created_at, updated_at,
  expires_at FROM rules`;

const INSERT = `INSERT INTO rules
  (id, name, name_key, definition, enabled, created_by, created_by_name, created_at, updated_at,
    expires_at, sort_order)
  VALUES (@id, @name, @nameKey, @definition, @enabled, @createdBy, @createdByName, @createdAt,
    @updatedAt, @expiresAt, @sortOrder)`;

const UPDATE = `UPDATE rules SET name = @name, name_key = @nameKey, definition = @definition,
    enabled = @enabled, created_by = @createdBy, created_by_name = @createdByName,
    created_at = @createdAt, updated_at = @updatedAt, expires_at = @expiresAt, sort_order = @sortOrder
  WHERE id = @id`;

/** Raises the counter to `value`, never lowers it. */
const RECORD_NUMBER = `INSERT INTO counters (name, value) VALUES (?, ?)
  ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE excluded.value > counters.value`;

/**
 * Automatic response rules in the `rules` table. `definition` holds the `RuleDefinition` as JSON and is
 * checked when read back (the condition only loosely: the domain owns its tree); a damaged row is
 * `STORE.CORRUPT_DATA`. The other columns are the rule's own fields, plus copies for the store:
 * `name` and `name_key` (the name lower case, UNIQUE: names are unique in any case) and `sort_order`
 * (`options.order`, 1000 when absent). Times are stored, and read back, in their canonical form. Every
 * `r<n>` id inserted raises the `rule_number` counter, which removals leave alone, so `nextNumber`
 * never gives an id twice. Statements are prepared on first use (the columns and `counters` come with
 * migration 4).
 */
export class SqliteRuleRepository implements Synchronous<RuleRepository> {
  readonly #statements: PreparedOnce;

  constructor(db: Database.Database) {
    this.#statements = preparedOnce(db);
  }

  get(id: string): StoredRule | undefined {
    const row = this.#statements.get<[string], RuleRow>(`${SELECT} WHERE id = ?`).get(id);
    return row && toRule(row);
  }

  getByName(name: string): StoredRule | undefined {
    const row = this.#statements.get<[string], RuleRow>(`${SELECT} WHERE name_key = ?`).get(nameKey(name));
    return row && toRule(row);
  }

  /** A taken id or name (any case) fails SQLite's unique constraints: mapped to `STORE.CONFLICT`. */
  insert(rule: StoredRule): void {
    this.#statements.get<[RuleColumns]>(INSERT).run(toColumns(rule));
    const number = ruleNumber(rule.id);
    if (number !== undefined) {
      this.#statements.get<[string, number]>(RECORD_NUMBER).run(RULE_NUMBER_COUNTER, number);
    }
  }

  update(rule: StoredRule): void {
    if (this.#statements.get<[RuleColumns]>(UPDATE).run(toColumns(rule)).changes === 0) {
      throw new StoreError('STORE.NOT_FOUND', 'That rule is not in Vigil.', {
        details: { entity: 'rule', id: rule.id },
      });
    }
  }

  remove(id: string): boolean {
    return this.#statements.get<[string]>('DELETE FROM rules WHERE id = ?').run(id).changes > 0;
  }

  list(): StoredRule[] {
    return this.#statements
      .get<[], RuleRow>(`${SELECT} ORDER BY sort_order, created_at, id`)
      .all()
      .map(toRule);
  }

  nextNumber(): number {
    const row = this.#statements
      .get<[string], { value: number }>('SELECT value FROM counters WHERE name = ?')
      .get(RULE_NUMBER_COUNTER);
    return (row?.value ?? 0) + 1;
  }
}

/** The key a name is unique by: lower case. */
function nameKey(name: string): string {
  return name.toLowerCase();
}

/** The number of an id `r<digits>`, when it is one (and a safe integer). */
function ruleNumber(id: string): number | undefined {
  const digits = RULE_ID.exec(id)?.[1];
  if (digits === undefined) return undefined;
  const number = Number(digits);
  return Number.isSafeInteger(number) ? number : undefined;
}

function toRule(row: RuleRow): StoredRule {
  const definition: RuleDefinition = fromCheckedJsonColumn(row.definition, ruleDefinitionSchema, {
    entity: 'rule',
    id: row.id,
    column: 'definition',
  });
  return {
    id: row.id,
    definition,
    enabled: row.enabled === 1,
    // Rows stored before migration 4 have no name: the id stands in.
    createdBy: { aadObjectId: row.created_by, name: row.created_by_name ?? row.created_by },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.expires_at === null ? {} : { expiresAt: row.expires_at }),
  };
}

function toColumns(rule: StoredRule): RuleColumns {
  const { definition } = rule;
  return {
    id: rule.id,
    name: definition.name,
    nameKey: nameKey(definition.name),
    definition: toJsonColumn(definition),
    enabled: rule.enabled ? 1 : 0,
    createdBy: rule.createdBy.aadObjectId,
    createdByName: rule.createdBy.name,
    createdAt: canonicalTime(rule.createdAt, 'rule.createdAt'),
    updatedAt: canonicalTime(rule.updatedAt, 'rule.updatedAt'),
    expiresAt: rule.expiresAt === undefined ? null : canonicalTime(rule.expiresAt, 'rule.expiresAt'),
    sortOrder: definition.options.order ?? DEFAULT_ORDER,
  };
}
