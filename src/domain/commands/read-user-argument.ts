import { parseEntraObjectId } from '../roles/entra-object-id';
import type { CommandArgs } from './command-args';
import { CommandParseError } from './command-parse-error';
import { type CommandWithArguments, usageHint } from './command-usage';
import { endOfArguments } from './end-of-arguments';
import { quoteTyped } from './quote-typed';
import type { UserArgument } from './user-argument';

const EXPECTED = 'a mention (@Name) or an Entra object id';

/**
 * The person the token at `index` names: a mention, or an Entra object id (a GUID). Throws
 * `CommandParseError` when missing or anything else: Vigil never goes by display names.
 */
export function readUserArgument(
  args: CommandArgs,
  index: number,
  command: CommandWithArguments,
): UserArgument {
  const token = args.tokens[index];
  if (token === undefined) {
    throw new CommandParseError(
      `Whose role? Expected a mention (@Name) or an Entra object id. ${usageHint(command)}`,
      endOfArguments(args),
      EXPECTED,
    );
  }
  if (token.kind === 'mention') return { kind: 'mention', name: token.value.trim(), markup: token.raw };
  const objectId = parseEntraObjectId(token.value);
  if (objectId !== undefined) return { kind: 'objectId', objectId };
  throw new CommandParseError(
    `${quoteTyped(token.raw)} is not a mention or an Entra object id: expected a mention (@Name) or an Entra object id, as Vigil never goes by display names. ${usageHint(command)}`,
    token.position,
    EXPECTED,
  );
}
