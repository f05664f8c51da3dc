/**
 * The base of every expected failure in Vigil. `code` is stable (tests, logs and users may rely on it);
 * `friendlyMessage` is safe to show to a user in Teams: no stack, no secret, no tenant detail.
 */
export class VigilError extends Error {
  readonly code: string;
  readonly friendlyMessage: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    friendlyMessage: string,
    options: { cause?: unknown; details?: Record<string, unknown>; message?: string } = {},
  ) {
    super(
      options.message ?? friendlyMessage,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = new.target.name;
    this.code = code;
    this.friendlyMessage = friendlyMessage;
    this.details = Object.freeze({ ...(options.details ?? {}) });
  }
}

/** True when a value is a VigilError, optionally with the given code. */
export function isVigilError(value: unknown, code?: string): value is VigilError {
  return value instanceof VigilError && (code === undefined || value.code === code);
}
