import { z } from 'zod';
import { ACTION_KINDS } from '../../domain/actions/action-kind';
import { ACTION_STATES } from '../../domain/actions/action-state';
import type { ResponseAction } from '../../domain/actions/response-action';
import { MACHINE_ACTION_STATUSES } from '../../domain/machines/machine-action';

const actorSchema = z.object({ aadObjectId: z.string(), name: z.string() });

const optionalText = z.string().optional();

/**
 * The shape of a `ResponseAction` read back from the store: every field with its type, enumerations
 * checked against the domain's lists. Keys it does not know are allowed (and kept by the reader).
 */
export const responseActionSchema: z.ZodType<ResponseAction> = z.object({
  id: z.string(),
  requestKey: z.string(),
  kind: z.enum(ACTION_KINDS),
  origin: z.enum(['card', 'command', 'rule']),
  tenantId: z.string(),
  alertId: z.string(),
  machineId: optionalText,
  machineName: optionalText,
  params: z.object({
    isolationType: z.enum(['Full', 'Selective']).optional(),
    scanType: z.enum(['Quick', 'Full']).optional(),
    reason: optionalText,
    classification: z.enum(['truePositive', 'falsePositive', 'informationalExpectedActivity']).optional(),
    determination: optionalText,
    comment: optionalText,
    assignee: optionalText,
  }),
  requestedBy: actorSchema,
  requestedAt: z.string(),
  state: z.enum(ACTION_STATES),
  approval: z
    .object({
      reason: z.string(),
      expiresAt: z.string(),
      decidedBy: actorSchema.optional(),
      decidedAt: optionalText,
    })
    .optional(),
  defenderComment: optionalText,
  defenderActionId: optionalText,
  defenderStatus: z.enum(MACHINE_ACTION_STATUSES).optional(),
  outcomeNote: optionalText,
  attempts: z.number().int().min(0),
  nextCheckAt: optionalText,
  updatedAt: z.string(),
  finishedAt: optionalText,
});
