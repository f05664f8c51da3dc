import { VigilError } from '../../domain/errors/vigil-error';

/** The stable codes of the store's failures. */
export type StoreErrorCode =
  | 'STORE.POSTGRES_NOT_AVAILABLE'
  | 'STORE.INVALID_LOCATION'
  | 'STORE.OPEN_FAILED'
  | 'STORE.SCHEMA_TOO_NEW'
  | 'STORE.MIGRATION_FAILED'
  | 'STORE.CLOSED'
  | 'STORE.NESTED_TRANSACTION'
  | 'STORE.REPOS_IN_TRANSACTION'
  | 'STORE.TRANSACTION_FINISHED'
  | 'STORE.NOT_FOUND'
  | 'STORE.CONFLICT'
  | 'STORE.CORRUPT_DATA'
  | 'STORE.INVALID_TIME'
  | 'STORE.INVALID_QUERY'
  | 'STORE.REFERENCE_MISSING'
  | 'STORE.BUSY'
  | 'STORE.QUERY_FAILED';

/**
 * A failure of Vigil's store, with a stable code. Details name the operation, the table or the SQLite
 * error code, never a stored value nor a connection string (a PostgreSQL URL may hold a password).
 */
export class StoreError extends VigilError {
  declare readonly code: StoreErrorCode;

  constructor(
    code: StoreErrorCode,
    friendlyMessage: string,
    options: { cause?: unknown; details?: Record<string, unknown>; message?: string } = {},
  ) {
    super(code, friendlyMessage, options);
  }
}
