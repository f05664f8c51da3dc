import { z } from 'zod';

/** An entity an MCAS alert names: an account, a service, a policy rule, an IP, a file… */
export const mcasEntitySchema = z.object({
  type: z.string(),
  id: z.union([z.string(), z.number()]).nullish(),
  label: z.string().nullish(),
  pa: z.string().nullish(),
  policyType: z.string().nullish(),
});
export type McasEntityDto = z.infer<typeof mcasEntitySchema>;

/** An MCAS alert (defender-api.md §7): epoch-millisecond times and integer enums. */
export const mcasAlertSchema = z.object({
  _id: z.string().min(1),
  title: z.string(),
  description: z.string().nullish(),
  timestamp: z.number(),
  severityValue: z.number().int(),
  statusValue: z.number().int().nullish(),
  resolutionStatusValue: z.number().int(),
  stories: z.array(z.number()).nullish(),
  comment: z.string().nullish(),
  handledByUser: z.string().nullish(),
  resolveTime: z.number().nullish(),
  entities: z.array(mcasEntitySchema).nullish(),
  URL: z.string().nullish(),
});
export type McasAlertDto = z.infer<typeof mcasAlertSchema>;

/** `POST /api/v1/alerts/`: `{total, hasNext, data}`. */
export const mcasAlertListSchema = z.object({
  total: z.number().nullish(),
  hasNext: z.boolean().nullish(),
  data: z.array(mcasAlertSchema),
});

/** The reply of a `close_*` call, e.g. `{"closed_true_positive":0,"alertsNotFound":["…"]}`. */
export const mcasCloseResultSchema = z.looseObject({
  alertsNotFound: z.array(z.string()).nullish(),
});
export type McasCloseResultDto = z.infer<typeof mcasCloseResultSchema>;
