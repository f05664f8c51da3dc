import { z } from 'zod';

/** A date-time string any `Date` can read (MDE sends 7 fractional digits). */
export const dateTimeText = z.string().refine((text) => !Number.isNaN(Date.parse(text)), {
  message: 'not a date-time',
});

const text = z.string().nullish();

/** An OData collection: `{"@odata.context": …, "value": [ … ]}`. */
export function odataCollection<T extends z.ZodType>(item: T) {
  return z.object({ value: z.array(item) });
}

/** One evidence item; MDE sends every key and null for the unused ones. */
export const mdeEvidenceSchema = z.object({
  entityType: z.string(),
  detectionStatus: text,
  sha1: text,
  sha256: text,
  fileName: text,
  filePath: text,
  processCommandLine: text,
  ipAddress: text,
  url: text,
  accountName: text,
  domainName: text,
  userPrincipalName: text,
  registryKey: text,
});
export type MdeEvidenceDto = z.infer<typeof mdeEvidenceSchema>;

/** An MDE alert (defender-api.md §2). Enum-like fields are read as text and mapped with fallbacks. */
export const mdeAlertSchema = z.object({
  id: z.string().min(1),
  incidentId: z.union([z.number(), z.string()]).nullish(),
  assignedTo: text,
  severity: z.string(),
  status: z.string(),
  classification: text,
  determination: text,
  detectionSource: text,
  category: text,
  threatFamilyName: text,
  threatName: text,
  title: z.string(),
  description: text,
  alertCreationTime: dateTimeText,
  firstEventTime: dateTimeText.nullish(),
  lastEventTime: dateTimeText.nullish(),
  lastUpdateTime: dateTimeText.nullish(),
  resolvedTime: dateTimeText.nullish(),
  machineId: text,
  computerDnsName: text,
  mitreTechniques: z.array(z.string()).nullish(),
  relatedUser: z.object({ userName: z.string(), domainName: text }).nullish(),
  comments: z
    .array(z.object({ comment: z.string().nullish(), createdBy: text, createdTime: dateTimeText.nullish() }))
    .nullish(),
  evidence: z.array(mdeEvidenceSchema).nullish(),
});
export type MdeAlertDto = z.infer<typeof mdeAlertSchema>;

/** An MDE machine (defender-api.md §3). */
export const mdeMachineSchema = z.object({
  id: z.string().min(1),
  computerDnsName: z.string(),
  firstSeen: dateTimeText.nullish(),
  lastSeen: dateTimeText.nullish(),
  osPlatform: text,
  version: text,
  osBuild: z.union([z.number(), z.string()]).nullish(),
  lastIpAddress: text,
  healthStatus: text,
  deviceValue: text,
  rbacGroupName: text,
  riskScore: text,
  exposureLevel: text,
  machineTags: z.array(z.string()).nullish(),
});
export type MdeMachineDto = z.infer<typeof mdeMachineSchema>;

/** The user of an alert (`GET /api/alerts/{id}/user`). */
export const mdeUserSchema = z.object({
  id: z.string(),
  accountName: z.string(),
  accountDomain: text,
});
export type MdeUserDto = z.infer<typeof mdeUserSchema>;

/**
 * A user of `GET /api/machines/{id}/logonusers`: a User entity, of which Vigil reads the name, domain,
 * when it was last seen and whether it is a domain admin (MDE may send null for the last two).
 */
export const mdeLogonUserSchema = mdeUserSchema.extend({
  lastSeen: dateTimeText.nullish(),
  isDomainAdmin: z.boolean().nullish(),
});
export type MdeLogonUserDto = z.infer<typeof mdeLogonUserSchema>;

/** A machine action (defender-api.md §4); both spellings of the update time are read. */
export const mdeMachineActionSchema = z.object({
  id: z.string().min(1),
  type: z.string(),
  scope: text,
  requestor: text,
  requestorComment: text,
  status: z.enum(['Pending', 'InProgress', 'Succeeded', 'Failed', 'TimeOut', 'Cancelled']),
  machineId: z.string(),
  computerDnsName: text,
  creationDateTimeUtc: dateTimeText,
  lastUpdateDateTimeUtc: dateTimeText.nullish(),
  lastUpdateTimeUtc: dateTimeText.nullish(),
  cancellationRequestor: text,
  cancellationComment: text,
  relatedFileInfo: z.object({ fileIdentifier: z.string(), fileIdentifierType: text }).nullish(),
});
export type MdeMachineActionDto = z.infer<typeof mdeMachineActionSchema>;

/** `GET /api/machineactions/{id}/getPackageUri`: `{"value": "<SAS URL>"}`. */
export const packageUriSchema = z.object({ value: z.string().min(1) });

/** An advanced hunting reply: `{Schema, Results, Stats?}` (defender-api.md §5). */
export const huntingResultSchema = z.object({
  Schema: z.array(z.object({ Name: z.string(), Type: z.string() })),
  Results: z.array(z.record(z.string(), z.unknown())),
  Stats: z
    .object({
      ExecutionTime: z.number().nullish(),
      dataset_statistics: z.array(z.object({ table_row_count: z.number().nullish() })).nullish(),
    })
    .nullish(),
});
export type HuntingResultDto = z.infer<typeof huntingResultSchema>;
