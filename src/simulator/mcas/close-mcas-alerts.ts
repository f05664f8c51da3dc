import { z } from 'zod';
import { badRequest } from '../http/sim-error';
import type { McasAlert } from '../model/mcas-types';
import { compileMcasFilters, idsNamedBy } from './mcas-filter';

/** How an alert is closed: each sets its `resolutionStatusValue` and takes its own `reasonId`s. */
export type McasCloseKind = 'benign' | 'false_positive' | 'true_positive';

interface CloseSpec {
  readonly resolutionStatus: number;
  /** Valid `reasonId`s; undefined when the call takes none. */
  readonly reasons: readonly number[] | undefined;
  /** The key of the count in the answer, e.g. `closed_benign`. */
  readonly key: string;
}

/** CAS: api-alerts-close-*: resolution 4 BENIGN, 3 FALSE_POSITIVE, 5 TRUE_POSITIVE. */
export const MCAS_CLOSE_KINDS: Readonly<Record<McasCloseKind, CloseSpec>> = {
  benign: { resolutionStatus: 4, reasons: [2, 4, 5, 6], key: 'closed_benign' },
  false_positive: { resolutionStatus: 3, reasons: [0, 1, 3, 4], key: 'closed_false_positive' },
  true_positive: { resolutionStatus: 5, reasons: undefined, key: 'closed_true_positive' },
};

const closeBodySchema = z.looseObject({
  filters: z.record(z.string(), z.unknown()),
  comment: z.string().optional(),
  reasonId: z.unknown().optional(),
  sendFeedback: z.boolean().optional(),
  feedbackText: z.string().optional(),
  allowContact: z.boolean().optional(),
  contactEmail: z.string().optional(),
});

export type McasCloseBody = z.infer<typeof closeBodySchema>;

/** Validates a close call's body: `filters` naming at least one filter, and a `reasonId` the kind takes. */
export function readCloseBody(kind: McasCloseKind, body: unknown): McasCloseBody {
  const parsed = closeBodySchema.safeParse(body ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`,
    );
    throw badRequest('InvalidRequestBody', problems.join('; '));
  }
  if (Object.keys(parsed.data.filters).length === 0) {
    throw badRequest(
      'InvalidRequestBody',
      '"filters" must name the alerts to close, e.g. {"id": {"eq": ["…"]}}.',
    );
  }
  const reasons = MCAS_CLOSE_KINDS[kind].reasons;
  const reasonId = parsed.data.reasonId;
  if (reasons && reasonId !== undefined && (typeof reasonId !== 'number' || !reasons.includes(reasonId))) {
    throw badRequest(
      'InvalidRequestBody',
      `"reasonId" must be one of ${reasons.join(', ')} for close_${kind}.`,
    );
  }
  return parsed.data;
}

/**
 * Closes every alert the filters match: sets `resolutionStatusValue`, `resolveTime` (now, epoch ms),
 * `comment` and `handledByUser`. Answers `{"closed_<kind>": n}`, plus `alertsNotFound` for ids named by
 * `id.eq` that do not exist.
 */
export function closeMcasAlerts(
  alerts: ReadonlyMap<string, McasAlert>,
  kind: McasCloseKind,
  body: McasCloseBody,
  handledBy: string,
  nowMs: number,
): Record<string, unknown> {
  const spec = MCAS_CLOSE_KINDS[kind];
  const matches = compileMcasFilters(body.filters, nowMs);
  const closed = [...alerts.values()].filter(matches);
  for (const alert of closed) {
    alert.resolutionStatusValue = spec.resolutionStatus;
    alert.resolveTime = nowMs;
    alert.comment = body.comment ?? '';
    alert.handledByUser = handledBy;
  }
  const notFound = idsNamedBy(body.filters).filter((id) => !alerts.has(id));
  return { [spec.key]: closed.length, ...(notFound.length > 0 ? { alertsNotFound: notFound } : {}) };
}
