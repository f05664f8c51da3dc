import { z } from 'zod';
import {
  ACCEPTED_DETERMINATIONS,
  ALERT_CATEGORIES,
  ALERT_CLASSIFICATIONS,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  canonicalDetermination,
  DETECTION_SOURCES,
  INVESTIGATION_STATES,
} from './alert-enums';

const time = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'expected an ISO-8601 date-time');
const text = z.string().nullable().optional();
const nullableString = z.string().nullable().optional();
const nullableInt = z.number().int().nullable().optional();

const evidenceSchema = z
  .object({
    entityType: z.string().min(1),
    evidenceCreationTime: time.optional(),
    detectionStatus: nullableString,
    sha1: nullableString,
    sha256: nullableString,
    fileName: nullableString,
    filePath: nullableString,
    processId: nullableInt,
    processCommandLine: nullableString,
    processCreationTime: time.nullable().optional(),
    parentProcessId: nullableInt,
    parentProcessCreationTime: time.nullable().optional(),
    parentProcessFileName: nullableString,
    parentProcessFilePath: nullableString,
    ipAddress: nullableString,
    url: nullableString,
    registryKey: nullableString,
    registryHive: nullableString,
    registryValueType: nullableString,
    registryValue: nullableString,
    accountName: nullableString,
    domainName: nullableString,
    userSid: nullableString,
    aadUserId: nullableString,
    userPrincipalName: nullableString,
  })
  .strict();

const determination = z
  .string()
  .refine((value) => canonicalDetermination(value) !== undefined, {
    message: `expected one of ${ACCEPTED_DETERMINATIONS.join(', ')}`,
  })
  .transform((value) => canonicalDetermination(value) ?? null);

/** Any subset of MDE alert fields, as `POST /_sim/mde/alerts` takes them; enums in MDE's spelling. */
export const alertFieldsSchema = z
  .object({
    id: z.string().min(1).optional(),
    incidentId: nullableInt,
    investigationId: nullableInt,
    assignedTo: nullableString,
    severity: z.enum(ALERT_SEVERITIES).optional(),
    status: z.enum(ALERT_STATUSES).optional(),
    classification: z.enum(ALERT_CLASSIFICATIONS).nullable().optional(),
    determination: determination.nullable().optional(),
    investigationState: z.enum(INVESTIGATION_STATES).nullable().optional(),
    detectionSource: z.enum(DETECTION_SOURCES).optional(),
    detectorId: z.string().min(1).optional(),
    category: z.enum(ALERT_CATEGORIES).optional(),
    threatFamilyName: text,
    threatName: text,
    title: z.string().min(1).optional(),
    description: z.string().optional(),
    alertCreationTime: time.optional(),
    firstEventTime: time.nullable().optional(),
    lastEventTime: time.nullable().optional(),
    lastUpdateTime: time.optional(),
    resolvedTime: time.nullable().optional(),
    machineId: z.string().min(1).nullable().optional(),
    computerDnsName: z.string().min(1).nullable().optional(),
    rbacGroupName: nullableString,
    aadTenantId: z.string().min(1).optional(),
    mitreTechniques: z.array(z.string()).optional(),
    relatedUser: z
      .object({ userName: z.string().min(1), domainName: z.string() })
      .strict()
      .nullable()
      .optional(),
    comments: z
      .array(z.object({ comment: z.string(), createdBy: z.string().nullable(), createdTime: time }).strict())
      .optional(),
    evidence: z.array(evidenceSchema).optional(),
  })
  .strict();

/** The fields of a control-route alert after validation. */
export type AlertFields = z.infer<typeof alertFieldsSchema>;
