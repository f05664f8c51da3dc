import { SEVERITIES, type Severity } from '../alerts/severity';
import type { CommandArgs } from './command-args';
import { CommandParseError } from './command-parse-error';
import { usageHint } from './command-usage';
import { quoteTyped } from './quote-typed';

/** Which alerts `alerts` lists: the open ones (the default) or all. */
export type AlertsScope = 'open' | 'all';

/** `alerts [severity] [open|all]`, read. */
export interface AlertsArgs {
  /** Only alerts of this severity; every severity when absent. */
  readonly severity?: Severity;
  readonly scope: AlertsScope;
}

const SCOPES: readonly AlertsScope[] = ['open', 'all'];

/**
 * Reads `alerts [informational|low|medium|high] [open|all]`: both optional, any case, either order, each
 * at most once. Throws `CommandParseError` at the first word that is neither or repeats one.
 */
export function readAlertsArgs(args: CommandArgs): AlertsArgs {
  let severity: Severity | undefined;
  let scope: AlertsScope | undefined;
  for (const token of args.tokens) {
    const word = token.kind === 'mention' ? '' : token.value.toLowerCase();
    const asSeverity = SEVERITIES.find((candidate) => candidate === word);
    const asScope = SCOPES.find((candidate) => candidate === word);
    if (asSeverity !== undefined && severity === undefined) severity = asSeverity;
    else if (asScope !== undefined && scope === undefined) scope = asScope;
    else {
      const repeated =
        asSeverity !== undefined ? 'a severity' : asScope !== undefined ? 'open or all' : undefined;
      throw new CommandParseError(
        repeated !== undefined
          ? `${quoteTyped(token.raw)} is ${repeated} again: give it once. Expected a severity (informational, low, medium, high) and open or all, each at most once. ${usageHint('alerts')}`
          : `${quoteTyped(token.raw)} is not a severity or open/all: expected a severity (informational, low, medium, high) or open or all. ${usageHint('alerts')}`,
        token.position,
        'a severity (informational, low, medium, high) or open or all',
      );
    }
  }
  return severity === undefined ? { scope: scope ?? 'open' } : { severity, scope: scope ?? 'open' };
}
