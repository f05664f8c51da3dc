import { z } from 'zod';
import { fitsClassification } from '../../../domain/alerts/determination';

const alertId = z.string().trim().min(1).max(128);
const machineId = z.string().trim().min(1).max(128).optional();
const reason = z
  .string({ error: 'Give a reason (it is kept in Defender).' })
  .trim()
  .min(1, 'Give a reason (it is kept in Defender).')
  .max(200, 'Keep the reason under 200 characters.');

/** `isolate`: full or selective, with a reason. */
export const isolateData = z.looseObject({
  alertId,
  machineId,
  isolationType: z
    .enum(['Full', 'Selective'], { error: 'Choose full or selective isolation.' })
    .default('Full'),
  reason,
});

/** `unisolate`: release, with a reason. */
export const unisolateData = z.looseObject({ alertId, machineId, reason });

/** `scan`: quick or full. */
export const scanData = z.looseObject({
  alertId,
  machineId,
  scanType: z.enum(['Quick', 'Full'], { error: 'Choose a quick or a full scan.' }).default('Quick'),
});

/** `resolve`: classification (required), MDE determination, comment. */
export const resolveData = z
  .looseObject({
    alertId,
    classification: z.enum(['truePositive', 'falsePositive', 'informationalExpectedActivity'], {
      error: 'Choose a classification.',
    }),
    determination: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{1,64}$/, 'That determination is not one Defender knows.')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    comment: z.string().trim().max(1000, 'Keep the comment under 1,000 characters.').optional(),
  })
  .refine((data) => !data.determination || fitsClassification(data.classification, data.determination), {
    message:
      'That determination does not go with the classification (e.g. "FP: Clean" is for a false positive).',
    path: ['determination'],
  });

/** A sign-in name (UPN or mail address): nothing a Teams message could read as markup. */
const SIGN_IN_NAME = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/** `assign`: to a sign-in name, or (empty) to the person who clicked. */
export const assignData = z.looseObject({
  alertId,
  assignee: z
    .string()
    .trim()
    .max(120, 'That name is too long.')
    .refine((value) => value === '' || SIGN_IN_NAME.test(value), {
      message: 'Give a sign-in name such as megan@contoso.com, or leave it empty to take the alert yourself.',
    })
    .optional(),
});

/** `approve` / `reject`: the action waiting for a decision. */
export const decisionData = z.looseObject({ alertId, actionId: z.string().trim().min(1).max(64) });

/** The first problem of a failed parse, in words for the clicker (zod's own wording is not for people). */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'The button sent something Vigil cannot read.';
  if (!issue.message.startsWith('Invalid')) return issue.message;
  const field = String(issue.path.at(-1) ?? 'its data');
  return `The button did not send a valid ${field}.`;
}
