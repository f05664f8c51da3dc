/**
 * The verbs of Vigil's card buttons: the `verb` of every `Action.Execute` (contract.md, "Cards and verbs").
 * A Submit-only client sends the same word as `data.verb`. The card JSON files use these exact strings;
 * a test keeps the two in step.
 */
export const Verb = {
  Isolate: 'isolate',
  Unisolate: 'unisolate',
  Scan: 'scan',
  Resolve: 'resolve',
  Assign: 'assign',
  Approve: 'approve',
  Reject: 'reject',
} as const;

/** One verb of a Vigil card button. */
export type Verb = (typeof Verb)[keyof typeof Verb];

/** Every verb Vigil knows, in declaration order. */
export const VERBS: readonly Verb[] = Object.freeze(Object.values(Verb));

/** True when a value is one of Vigil's verbs (exact spelling, lower case). */
export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && (VERBS as readonly string[]).includes(value);
}
