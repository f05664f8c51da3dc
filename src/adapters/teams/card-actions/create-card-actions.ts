import type { z } from 'zod';
import type { ActionKind } from '../../../domain/actions/action-kind';
import type { ActionParams } from '../../../domain/actions/response-action';
import { VERBS, type Verb } from '../../../domain/cards/verbs';
import type { ActionRequests } from '../../../services/actions/action-requests';
import type { AuditLog } from '../../../services/audit/audit-log';
import { actorOf, personOf } from '../commands/command-security';
import type { Turn } from '../turn';
import {
  assignData,
  decisionData,
  firstProblem,
  isolateData,
  resolveData,
  scanData,
  unisolateData,
} from './card-action-data';
import type { CardActionHandler } from './card-action-handler';
import type { CardActionRequest } from './card-action-request';

/** What the card actions act through. */
export interface CardActionServices {
  readonly actions: ActionRequests;
  readonly audit: AuditLog;
}

/** A click whose data did not fit its verb: audited, answered, nothing else. */
async function badData(
  services: CardActionServices,
  verb: Verb,
  request: CardActionRequest,
  turn: Turn,
  message: string,
) {
  turn.log.warn({ problem: message }, 'Card action data refused');
  await services.audit.record({
    tenantId: turn.user.tenantId,
    actor: actorOf(turn.user),
    action: `alert.${verb}.request`,
    target: request.data.alertId,
    outcome: 'refused',
    details: { reason: 'invalid', problem: message },
  });
  return `That did not work: ${message}`;
}

/** A handler that reads the verb's data with `schema` and asks for a `kind` action. */
function requestHandler<S extends z.ZodType<{ alertId: string; machineId?: string | undefined }>>(
  verb: Verb & ActionKind,
  schema: S,
  services: CardActionServices,
  toParams: (data: z.output<S>, turn: Turn) => Promise<ActionParams | string>,
): CardActionHandler {
  return {
    verb,
    async handle(request, turn) {
      const parsed = schema.safeParse(request.data);
      if (!parsed.success) return badData(services, verb, request, turn, firstProblem(parsed.error));
      const params = await toParams(parsed.data, turn);
      if (typeof params === 'string') return badData(services, verb, request, turn, params);
      const outcome = await services.actions.request({
        kind: verb,
        origin: 'card',
        by: personOf(turn.user),
        alertId: parsed.data.alertId,
        ...(parsed.data.machineId ? { machineId: parsed.data.machineId } : {}),
        params,
      });
      turn.log.info({ outcome: outcome.status }, 'Card action handled');
      return outcome.message;
    },
  };
}

/** A handler for `approve` or `reject`. */
function decisionHandler(verb: 'approve' | 'reject', services: CardActionServices): CardActionHandler {
  return {
    verb,
    async handle(request, turn) {
      const parsed = decisionData.safeParse(request.data);
      if (!parsed.success) return badData(services, verb, request, turn, firstProblem(parsed.error));
      const by = personOf(turn.user);
      const outcome =
        verb === 'approve'
          ? await services.actions.approve(by, parsed.data.actionId)
          : await services.actions.reject(by, parsed.data.actionId);
      turn.log.info({ outcome: outcome.status }, 'Card decision handled');
      return outcome.message;
    },
  };
}

/**
 * The card actions by verb: the one table `onAdaptiveCardInvoke` and the `Action.Submit` fallback route
 * through. Each reads its verb's data at the edge (a bad value is answered and audited), then asks the
 * action service, which checks the role, records the action and answers at once; the work itself runs
 * in the action worker, and the card follows it for everyone.
 */
export function createCardActions(services: CardActionServices): ReadonlyMap<string, CardActionHandler> {
  const handlers: CardActionHandler[] = [
    requestHandler('isolate', isolateData, services, async (data) => ({
      isolationType: data.isolationType,
      reason: data.reason,
    })),
    requestHandler('unisolate', unisolateData, services, async (data) => ({ reason: data.reason })),
    requestHandler('scan', scanData, services, async (data) => ({ scanType: data.scanType })),
    requestHandler('resolve', resolveData, services, async (data) => ({
      classification: data.classification,
      ...(data.determination ? { determination: data.determination } : {}),
      ...(data.comment ? { comment: data.comment } : {}),
    })),
    requestHandler('assign', assignData, services, async (data, turn) => {
      if (data.assignee) return { assignee: data.assignee };
      const me = await turn.signInName();
      return me === undefined
        ? 'Vigil could not read your sign-in name from Teams; type the assignee instead.'
        : { assignee: me };
    }),
    decisionHandler('approve', services),
    decisionHandler('reject', services),
  ];
  const table = new Map(handlers.map((handler) => [handler.verb, handler]));
  for (const verb of VERBS) if (!table.has(verb)) throw new Error(`No card action for the verb ${verb}`);
  return table;
}
