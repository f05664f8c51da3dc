import { z } from 'zod';
import { isVerb, type Verb } from '../../../domain/cards/verbs';

/** A valid click: a known verb and its data (always naming the alert). */
export interface CardActionRequest {
  readonly verb: Verb;
  readonly data: Readonly<Record<string, unknown>> & { readonly alertId: string };
}

/** Why a click was refused at the edge. */
export interface CardActionRefusal {
  readonly code: 'BadRequest' | 'UnknownVerb';
  readonly message: string;
}

export type ParsedCardAction =
  | { readonly ok: true; readonly request: CardActionRequest }
  | { readonly ok: false; readonly refusal: CardActionRefusal };

/** Every verb's data carries the alert's id (contract.md, "Cards and verbs"); the rest is per verb. */
const dataSchema = z.looseObject({ alertId: z.string().trim().min(1).max(128) });

const executeSchema = z.looseObject({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(64),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

const submitSchema = z.looseObject({ verb: z.string().min(1).max(64) });

function refuse(code: CardActionRefusal['code'], message: string): ParsedCardAction {
  return { ok: false, refusal: { code, message } };
}

/** Checks the verb, then the data's shape. */
function toRequest(verb: string, data: unknown): ParsedCardAction {
  if (!isVerb(verb)) return refuse('UnknownVerb', `Vigil has no card action "${verb.slice(0, 64)}".`);
  const parsed = dataSchema.safeParse(data);
  if (!parsed.success) return refuse('BadRequest', `The "${verb}" action needs the alert's id (alertId).`);
  return { ok: true, request: { verb, data: parsed.data } };
}

/** Reads the value of an `adaptiveCard/action` invoke (`{ action: { type, verb, data } }`). */
export function parseExecuteValue(value: unknown): ParsedCardAction {
  const parsed = executeSchema.safeParse(value);
  if (!parsed.success) return refuse('BadRequest', 'The card action is not an Action.Execute with a verb.');
  return toRequest(parsed.data.action.verb, parsed.data.action.data ?? {});
}

/**
 * Reads an `Action.Submit` (the fallback of clients without Universal Actions): a message whose `value`
 * is the action's data with `verb` in it. Undefined when the value names no verb (not a card action).
 */
export function parseSubmitValue(value: unknown): ParsedCardAction | undefined {
  const parsed = submitSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { verb, ...data } = parsed.data;
  return toRequest(verb, data);
}
