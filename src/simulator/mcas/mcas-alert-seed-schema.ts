import { z } from 'zod';

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** An entity of an alert as Cloud Apps writes it; fields beyond these are kept as given. */
const entitySchema = z.looseObject({
  type: z.string().min(1),
  id: z.union([z.string().min(1), z.number().int()]),
  label: z.string(),
  entityRole: z.string().optional(),
  entityType: z.number().int().optional(),
  inst: z.number().int().min(0).optional(),
  pa: z.string().optional(),
  saas: z.number().int().optional(),
  policyType: z.string().optional(),
});

const SEVERITY_NAMES = { low: 0, medium: 1, high: 2, informational: 3 } as const;

/**
 * The body of `POST /_sim/mcas/alerts`: any subset of an MCAS alert's fields, each checked against the
 * enums of defender-api.md §7, plus two conveniences: `user` (a name or UPN, which builds the `account`
 * entity) and `severity` (`Low`, `Medium`, `High`, `Informational`, used when `severityValue` is absent).
 * Fields the simulator does not model are kept as given.
 */
export const mcasAlertSeedSchema = z
  .looseObject({
    _id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "-" and "_" only (it goes into URLs)')
      .optional(),
    contextId: z.string().min(1).optional(),
    idValue: z.number().int().optional(),
    title: z.string().min(1).optional(),
    description: z.string().optional(),
    isMarkdown: z.boolean().optional(),
    timestamp: z.number().int().min(0).optional(),
    severityValue: int(0, 3).optional(),
    statusValue: int(0, 2).optional(),
    resolutionStatusValue: int(0, 5).optional(),
    stories: z.array(int(0, 8)).optional(),
    intent: z.array(int(0, 13)).optional(),
    threatScore: int(0, 100).optional(),
    isSystemAlert: z.boolean().optional(),
    comment: z.string().optional(),
    handledByUser: z.string().nullable().optional(),
    resolveTime: z.number().int().min(0).nullable().optional(),
    entities: z.array(entitySchema).optional(),
    URL: z.url().optional(),
    user: z.string().min(1).optional(),
    severity: z
      .string()
      .transform((name) => name.toLowerCase())
      .pipe(z.enum(['low', 'medium', 'high', 'informational']))
      .optional(),
  })
  .transform(({ severity, ...seed }) =>
    severity === undefined || seed.severityValue !== undefined
      ? seed
      : { ...seed, severityValue: SEVERITY_NAMES[severity] },
  );
