import { createHash, randomBytes } from 'node:crypto';
import { SIM_TENANT_ID } from '../auth/sim-credentials';
import type { McasAlert, McasEntity } from '../model/mcas-types';
import { accountEntity, splitUser } from './account-entity';
import { findAlertKind, MCAS_ALERT_KINDS, MCAS_SERVICES, type McasAlertKind } from './mcas-catalog';

/** Where alert links point, as a tenant's Cloud Apps portal would. */
export const MCAS_PORTAL_URL = 'https://contoso.portal.cloudappsecurity.com';

/** Any subset of an MCAS alert's fields, plus `user` (name or UPN) to build the account entity from. */
export type McasAlertSeed = Partial<McasAlert> & { user?: string; [field: string]: unknown };

/** A new alert id shaped like MCAS's (a MongoDB ObjectId: 4 bytes of seconds, 8 random bytes). */
export function newMcasAlertId(nowMs: number): string {
  const seconds = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0');
  return `${seconds}${randomBytes(8).toString('hex')}`;
}

/** The portal link of an alert. */
export const mcasAlertUrl = (id: string) => `${MCAS_PORTAL_URL}/#/alerts/${id}`;

/** A catalogue kind, or one made up from a title the catalogue does not know. */
function kindFor(title: string | undefined): McasAlertKind {
  const known = findAlertKind(title);
  const fallback = MCAS_ALERT_KINDS[0] as McasAlertKind;
  if (known || title === undefined) return known ?? fallback;
  const hash = createHash('sha1').update(title).digest('hex');
  return {
    ...fallback,
    title,
    description: `Defender for Cloud Apps raised "${title}" for the user {user}.`,
    alertType: 15_800_000 + (Number.parseInt(hash.slice(0, 6), 16) % 100_000),
    policyId: hash.slice(0, 24),
    service: MCAS_SERVICES.office365,
  };
}

/** The entities of a new alert: those given (with the `user`'s account added when missing), or defaults. */
function entitiesFor(seed: McasAlertSeed, kind: McasAlertKind, user: string | undefined): McasEntity[] {
  const account = user === undefined ? [] : [accountEntity(user, kind.service.id)];
  if (seed.entities !== undefined) {
    const hasAccount = seed.entities.some((entity) => entity.type === 'account');
    return hasAccount ? seed.entities : [...account, ...seed.entities];
  }
  return [
    ...account,
    { type: 'service', id: kind.service.id, label: kind.service.label },
    { type: 'policyRule', id: kind.policyId, label: kind.title, policyType: kind.policyType },
  ];
}

/**
 * A complete MCAS alert from a seed: every given field is kept, the rest filled as Cloud Apps would
 * (open, unread, raised now). Without `user` or entities, `fallbackUser` names the account, if given.
 */
export function buildMcasAlert(seed: McasAlertSeed, nowMs: number, fallbackUser?: string): McasAlert {
  const { user: seedUser, ...fields } = seed;
  const kind = kindFor(seed.title);
  const user = seedUser ?? (seed.entities === undefined ? fallbackUser : undefined);
  const id = seed._id ?? newMcasAlertId(nowMs);
  const name = user === undefined ? 'unknown' : splitUser(user).name;
  const alert: McasAlert = {
    _id: id,
    contextId: SIM_TENANT_ID,
    idValue: kind.alertType,
    title: kind.title,
    description: kind.description.replace('{user}', name),
    isMarkdown: false,
    timestamp: nowMs,
    severityValue: kind.severityValue,
    statusValue: 0,
    resolutionStatusValue: 0,
    stories: [...kind.stories],
    intent: [...kind.intent],
    threatScore: kind.threatScore,
    isSystemAlert: false,
    comment: '',
    handledByUser: null,
    resolveTime: null,
    entities: entitiesFor(seed, kind, user),
    URL: mcasAlertUrl(id),
  };
  return { ...alert, ...fields, entities: alert.entities };
}
