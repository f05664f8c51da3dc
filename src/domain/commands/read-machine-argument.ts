import type { CommandArgs } from './command-args';
import { CommandParseError } from './command-parse-error';
import { type CommandWithArguments, usageHint } from './command-usage';
import { endOfArguments } from './end-of-arguments';
import type { MachineArgument } from './machine-argument';
import { quoteTyped } from './quote-typed';

const MACHINE_ID = /^[0-9a-f]{40}$/i;
const HOST_NAME = /^[A-Za-z0-9.-]{1,253}$/;
const EXPECTED = 'a machine name or id';

/**
 * The machine the token at `index` names: a 40-hex MDE machine id, or a host/DNS name (letters, digits,
 * `-` and `.`, at most 253 characters). Throws `CommandParseError` when it is missing or neither.
 */
export function readMachineArgument(
  args: CommandArgs,
  index: number,
  command: CommandWithArguments,
): MachineArgument {
  const token = args.tokens[index];
  if (token === undefined) {
    throw new CommandParseError(
      `Which machine? Expected a machine name or id: its name (ws-042) or its 40-character Defender id. ${usageHint(command)}`,
      endOfArguments(args),
      EXPECTED,
    );
  }
  if (token.kind === 'mention') {
    throw new CommandParseError(
      `${quoteTyped(token.raw)} is a mention, not a machine: expected a machine name or id. ${usageHint(command)}`,
      token.position,
      EXPECTED,
    );
  }
  if (MACHINE_ID.test(token.value)) return { kind: 'id', id: token.value.toLowerCase() };
  if (HOST_NAME.test(token.value)) return { kind: 'name', name: token.value };
  throw new CommandParseError(
    `${quoteTyped(token.raw)} is not a machine name or id: expected a machine name or id, that is a host name (letters, digits, - and ., at most 253) or a 40-character Defender id. ${usageHint(command)}`,
    token.position,
    EXPECTED,
  );
}
