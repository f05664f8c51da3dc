import { ACTION_NOUNS, type ActionKind } from '../../../domain/actions/action-kind';
import type { ActionParams } from '../../../domain/actions/response-action';
import type { MachineArgument } from '../../../domain/commands/machine-argument';
import type { RequestOutcome } from '../../../services/actions/action-request';
import type { StoredAlert } from '../../../services/ports/store.port';
import { commandSecurity, permitted, personOf } from './command-security';
import { newestOpenAlertOn } from './machine-alert';
import { codeSpan, escapeMarkdown } from './markdown-text';
import type { CommandContext } from './teams-command';

/** What a response command answers when Vigil was started without response actions. */
export const ACTIONS_OFF = 'Response actions are not available in this Vigil: nothing was sent.';

/** The action service's answer as markdown (its words carry names and reasons), and the alert it went through. */
export function outcomeAnswer(outcome: RequestOutcome, stored: StoredAlert | undefined): string {
  const message = escapeMarkdown(outcome.message);
  if (stored === undefined || (outcome.status !== 'accepted' && outcome.status !== 'duplicate'))
    return message;
  return `${message}\n\nThrough alert ${codeSpan(stored.alert.id)}: ${escapeMarkdown(stored.alert.title)}.`;
}

/**
 * Asks for a machine action (`isolate`, `unisolate`, `scan`) on a typed machine, through its newest open
 * alert in Vigil. Someone who may not act is refused (and audited) before Defender is asked anything.
 */
export async function requestMachineAction(
  { turn, services }: Pick<CommandContext, 'turn' | 'services'>,
  kind: Extract<ActionKind, 'isolate' | 'unisolate' | 'scan'>,
  machine: MachineArgument,
  params: ActionParams,
): Promise<string> {
  if (services.actions === undefined) return ACTIONS_OFF;
  const typed = machine.kind === 'id' ? machine.id : machine.name;
  const security = commandSecurity(services);
  if (
    !(await permitted(security, turn.user, 'alert.act', { action: `alert.${kind}.request`, target: typed }))
  ) {
    return `Only responders and admins can ask for ${ACTION_NOUNS[kind].toLowerCase()}. Ask an admin for the responder role (type \`roles\` to see who).`;
  }
  const target = await newestOpenAlertOn(services, machine);
  if (!target.ok) return target.message;
  const outcome = await services.actions.request({
    kind,
    origin: 'command',
    by: personOf(turn.user),
    alertId: target.stored.alert.id,
    machineId: target.machineId,
    params,
  });
  turn.log.info({ kind, alertId: target.stored.alert.id, status: outcome.status }, 'Typed action request');
  return outcomeAnswer(outcome, target.stored);
}
