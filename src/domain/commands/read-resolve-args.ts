import type { AlertClassification } from '../alerts/alert';
import { bareWord } from './bare-word';
import type { CommandArgs } from './command-args';
import { parseClassificationWord } from './parse-classification-word';
import { readAlertId } from './read-alert-id';
import { readFreeText } from './read-free-text';

/** `resolve <alertId> [classification] [comment…]`, read. */
export interface ResolveArgs {
  readonly alertId: string;
  /** Absent when no classification word follows the id. */
  readonly classification?: AlertClassification;
  /** The rest of the command as typed; absent when nothing follows. */
  readonly comment?: string;
}

/**
 * Reads `resolve <alertId> [truepositive|falsepositive|informational] [comment…]` (also `true-positive`,
 * `tp`, `false-positive`, `fp`). The classification is a bare word right after the id; anything else
 * there starts the comment. Throws `CommandParseError` when the id is missing or malformed, or the
 * comment is too long.
 */
export function readResolveArgs(args: CommandArgs): ResolveArgs {
  const alertId = readAlertId(args, 0, 'resolve');
  const word = bareWord(args.tokens[1]);
  const classification = word === undefined ? undefined : parseClassificationWord(word);
  const comment = readFreeText(args, classification === undefined ? 1 : 2, 'comment');
  return {
    alertId,
    ...(classification === undefined ? {} : { classification }),
    ...(comment === undefined ? {} : { comment }),
  };
}
