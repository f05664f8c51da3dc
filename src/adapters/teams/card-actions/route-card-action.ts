import type { Turn } from '../turn';
import type { CardActionHandler, CardActionResult } from './card-action-handler';
import type { ParsedCardAction } from './card-action-request';
import { type CardInvokeResponse, toInvokeResponse, toRefusalResponse } from './card-action-response';

/** What routing a click gives: the handler's result, or the refusal of a click that is not valid. */
export type RoutedCardAction =
  | { readonly ok: true; readonly result: CardActionResult }
  | { readonly ok: false; readonly response: CardInvokeResponse; readonly message: string };

/**
 * Routes a parsed click to its verb's handler. A refused click (unknown verb, bad data) is logged as a
 * warning and answered with a 400 error response.
 */
export async function routeCardAction(
  parsed: ParsedCardAction,
  turn: Turn,
  actions: ReadonlyMap<string, CardActionHandler>,
): Promise<RoutedCardAction> {
  const handler = parsed.ok ? actions.get(parsed.request.verb) : undefined;
  if (!parsed.ok || handler === undefined) {
    const refusal = parsed.ok
      ? { code: 'UnknownVerb' as const, message: `Vigil has no card action "${parsed.request.verb}".` }
      : parsed.refusal;
    turn.log.warn({ refusal }, 'Card action refused');
    return { ok: false, response: toRefusalResponse(refusal), message: refusal.message };
  }
  const log = turn.log.child({ verb: parsed.request.verb, alertId: parsed.request.data.alertId });
  return { ok: true, result: await handler.handle(parsed.request, { ...turn, log }) };
}

/** The invoke response of a routed click. */
export function invokeResponseOf(routed: RoutedCardAction): CardInvokeResponse {
  return routed.ok ? toInvokeResponse(routed.result) : routed.response;
}
