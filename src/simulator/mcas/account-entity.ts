import { createHash } from 'node:crypto';
import type { McasEntity } from '../model/mcas-types';

/** The domain of the estate users' UPNs (`alice` is `alice@contoso.com`). */
export const UPN_DOMAIN = 'contoso.com';

/** A GUID derived from text, so the same user gets the same entity id on every start. */
export function stableGuid(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The user name and UPN for `alice` or `alice@contoso.com`. */
export function splitUser(nameOrUpn: string): { name: string; upn: string } {
  const trimmed = nameOrUpn.trim();
  const at = trimmed.indexOf('@');
  if (at < 0) return { name: trimmed, upn: `${trimmed}@${UPN_DOMAIN}` };
  return { name: trimmed.slice(0, at), upn: trimmed };
}

/**
 * The `account` entity naming a user as Cloud Apps does: `pa` is the UPN and `label` the user name, which
 * is also the MDE user name (`/api/users/{name}/machines`).
 */
export function accountEntity(nameOrUpn: string, saas: number): McasEntity {
  const { name, upn } = splitUser(nameOrUpn);
  return {
    type: 'account',
    entityRole: 'Source',
    entityType: 2,
    id: stableGuid(`account:${upn.toLowerCase()}`),
    inst: 0,
    label: name,
    pa: upn,
    saas,
  };
}
