import { VigilError } from '../../domain/errors/vigil-error';
import type { DefenderErrorCode } from '../../services/ports/defender.port';

/** What a Defender failure carries besides its code. Never a token, a secret or a request body. */
export interface DefenderErrorDetails {
  /** The call as a template, e.g. `POST /api/machines/{id}/isolate`. */
  readonly route: string;
  /** The HTTP status, when Defender answered. */
  readonly status?: number;
  /** Defender's own error code, e.g. `ActiveRequestAlreadyExists`, `Forbidden`. */
  readonly defenderCode?: string;
  /** Defender's own error message (free text from the API). */
  readonly defenderMessage?: string;
  /** Seconds to wait before trying again (rate limiting). */
  readonly retryAfterS?: number;
  /** The application permission a refused call needs. */
  readonly requiredPermission?: string;
  /** How many times the call was sent. */
  readonly attempts?: number;
  /** True when the call may have taken effect even though no answer arrived. */
  readonly maybeActed?: boolean;
  /** Where a reply failed validation (paths and messages, never values). */
  readonly issues?: readonly string[];
  /** The network error code (`ECONNRESET`, `ECONNREFUSED`, …). */
  readonly networkCode?: string;
}

/** A failed call to Defender for Endpoint or Defender for Cloud Apps, with a stable code. */
export class DefenderApiError extends VigilError {
  declare readonly code: DefenderErrorCode;
  declare readonly details: Readonly<DefenderErrorDetails>;

  constructor(
    code: DefenderErrorCode,
    friendlyMessage: string,
    details: DefenderErrorDetails,
    options: { cause?: unknown; message?: string } = {},
  ) {
    super(code, friendlyMessage, { ...options, details: { ...details } });
  }

  get status(): number | undefined {
    return this.details.status;
  }

  get defenderCode(): string | undefined {
    return this.details.defenderCode;
  }

  get route(): string {
    return this.details.route;
  }

  get retryAfterS(): number | undefined {
    return this.details.retryAfterS;
  }
}
