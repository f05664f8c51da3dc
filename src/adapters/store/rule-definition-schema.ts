import { z } from 'zod';
import type { RuleCondition } from '../../domain/rules/rule-condition';
import type { RuleDefinition } from '../../domain/rules/rule-definition';

const machineActionFields = { onUserMachines: z.boolean() };

/** A rule's actions, each checked by kind (the kinds and their fields are few and stable). */
const ruleActionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('isolate'),
    isolationType: z.enum(['Full', 'Selective']),
    ...machineActionFields,
  }),
  z.object({ kind: z.literal('unisolate'), ...machineActionFields }),
  z.object({ kind: z.literal('scan'), scanType: z.enum(['Quick', 'Full']), ...machineActionFields }),
  z.object({
    kind: z.literal('resolve'),
    classification: z.enum(['truePositive', 'falsePositive', 'informationalExpectedActivity']),
  }),
  z.object({ kind: z.literal('assign'), assignee: z.string() }),
  z.object({ kind: z.literal('notifyChannel') }),
  z.object({ kind: z.literal('notifyUser'), upn: z.string() }),
  z.object({ kind: z.literal('requireApproval') }),
]);

/**
 * The condition is only checked to be a node (an object with a `kind`): the domain owns the shape of
 * its syntax tree, and the rule engine refuses what it does not know.
 */
const ruleConditionSchema = z.custom<RuleCondition>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { kind?: unknown }).kind === 'string',
  { message: 'Expected a condition node with a kind' },
);

/**
 * The shape of a `RuleDefinition` read back from the store. Keys it does not know are allowed (and
 * kept by the reader).
 */
export const ruleDefinitionSchema: z.ZodType<RuleDefinition> = z.object({
  name: z.string().min(1),
  condition: ruleConditionSchema,
  actions: z.array(ruleActionSchema).min(1),
  options: z.object({
    order: z.number().int().optional(),
    stop: z.boolean(),
    expiresInMs: z.number().optional(),
    dryRun: z.boolean(),
  }),
  source: z.string(),
});
