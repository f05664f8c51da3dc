import type Database from 'better-sqlite3';
import type { Role } from '../../domain/roles/role';
import type { RoleGrant, RoleRepository } from '../../services/ports/store.port';
import { canonicalTime } from './canonical-time';
import { type PreparedOnce, preparedOnce } from './prepared-once';
import type { Synchronous } from './synchronous';

interface RoleRow {
  readonly tenant_id: string;
  readonly aad_object_id: string;
  readonly role: Role;
  readonly granted_by: string;
  readonly granted_at: string;
}

const UPSERT = `INSERT INTO roles (tenant_id, aad_object_id, role, granted_by, granted_at)
  VALUES (@tenantId, @aadObjectId, @role, @grantedBy, @grantedAt)
  ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET role = excluded.role,
    granted_by = excluded.granted_by, granted_at = excluded.granted_at`;

/**
 * Granted roles by `(tenant, Entra object id)`. Statements are prepared on first use: the `roles`
 * table comes with migration 2, and a store opened on fewer migrations (in tests) must still open.
 */
export class SqliteRoleRepository implements Synchronous<RoleRepository> {
  readonly #statements: PreparedOnce;

  constructor(db: Database.Database) {
    this.#statements = preparedOnce(db);
  }

  get(tenantId: string, aadObjectId: string): RoleGrant | undefined {
    const row = this.#statements
      .get<[string, string], RoleRow>('SELECT * FROM roles WHERE tenant_id = ? AND aad_object_id = ?')
      .get(tenantId, aadObjectId);
    return row && toGrant(row);
  }

  set(grant: RoleGrant): void {
    this.#statements.get<[Record<string, string>]>(UPSERT).run({
      tenantId: grant.tenantId,
      aadObjectId: grant.aadObjectId,
      role: grant.role,
      grantedBy: grant.grantedBy,
      grantedAt: canonicalTime(grant.grantedAt, 'grantedAt'),
    });
  }

  remove(tenantId: string, aadObjectId: string): boolean {
    return (
      this.#statements
        .get<[string, string]>('DELETE FROM roles WHERE tenant_id = ? AND aad_object_id = ?')
        .run(tenantId, aadObjectId).changes > 0
    );
  }

  list(tenantId: string): RoleGrant[] {
    return this.#statements
      .get<[string], RoleRow>('SELECT * FROM roles WHERE tenant_id = ? ORDER BY aad_object_id')
      .all(tenantId)
      .map(toGrant);
  }
}

function toGrant(row: RoleRow): RoleGrant {
  return {
    tenantId: row.tenant_id,
    aadObjectId: row.aad_object_id,
    role: row.role,
    grantedBy: row.granted_by,
    grantedAt: row.granted_at,
  };
}
