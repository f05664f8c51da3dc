import pino from 'pino';
import type { Logger } from '../../services/ports/logger.port';
import { REDACTED, redactSecrets } from './redact-secrets';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface CreateLoggerOptions {
  /** The lowest level written (`LOG_LEVEL`); `silent` writes nothing. */
  readonly level: LogLevel;
  /** Where the JSON lines go; standard output by default. */
  readonly destination?: pino.DestinationStream;
  /** Fields on every line. Default `{ app: 'vigil' }`. */
  readonly base?: Record<string, unknown>;
}

/**
 * Well-known places of secrets, censored by pino itself (a second net behind `redactSecrets`, which
 * already masks any field named like a secret at any depth before pino sees it).
 */
const REDACT_PATHS = [
  'authorization',
  'Authorization',
  'cookie',
  'password',
  'secret',
  'token',
  'access_token',
  'client_secret',
  'MicrosoftAppPassword',
  '["x-vigil-signature"]',
  '["set-cookie"]',
  '*.authorization',
  '*.Authorization',
  '*.cookie',
  '*.password',
  '*.secret',
  '*.token',
  '*.access_token',
  '*.client_secret',
  '*.MicrosoftAppPassword',
  '*["x-vigil-signature"]',
  '*["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-vigil-signature"]',
];

/** Adapts a pino logger to the `Logger` port, cleaning every field of secrets first. */
function toPort(logger: pino.Logger): Logger {
  return {
    debug: (fields, message) => logger.debug(redactSecrets(fields), message),
    info: (fields, message) => logger.info(redactSecrets(fields), message),
    warn: (fields, message) => logger.warn(redactSecrets(fields), message),
    error: (fields, message) => logger.error(redactSecrets(fields), message),
    child: (bindings) => toPort(logger.child(redactSecrets(bindings))),
  };
}

/**
 * Vigil's structured logger: one JSON object per line (`level` as a name, ISO `time`, `msg`), at the
 * configured level, with secrets redacted (`[redacted]`) wherever they appear in the fields.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const logger = pino(
    {
      level: options.level,
      base: options.base ?? { app: 'vigil' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // `redactSecrets` already turned errors into plain `{ type, message, …, stack }`: keep that.
      serializers: { err: (err: unknown) => err },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return toPort(logger);
}
