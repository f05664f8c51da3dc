import type { AlertEvidence } from '../alerts/alert';
import type { CardEvidenceLine } from './alert-card-data';
import { CARD_LIMITS } from './card-limits';
import { cardText } from './card-text';

/** Which evidence tells an analyst most, first: what ran, what was dropped, where it talked to. */
const RANKED_TYPES = ['process', 'file', 'url', 'ip', 'registry', 'user'];

function rankOf(item: AlertEvidence): number {
  const rank = RANKED_TYPES.indexOf(item.entityType.toLowerCase());
  return rank === -1 ? RANKED_TYPES.length : rank;
}

function joinPresent(parts: readonly (string | undefined)[], separator: string): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join(separator);
}

/** The account an evidence item names: `DOMAIN\name (upn)`. */
function accountOf(item: AlertEvidence): string {
  const name = joinPresent([item.domainName, item.accountName], '\\');
  return item.userPrincipalName ? joinPresent([name, `(${item.userPrincipalName})`], ' ') : name;
}

/** A hash to show for a file: SHA-256 when known, else SHA-1. */
function hashOf(item: AlertEvidence): string | undefined {
  if (item.sha256) return `SHA256 ${item.sha256}`;
  return item.sha1 ? `SHA1 ${item.sha1}` : undefined;
}

/** The raw label and detail of one item, before cleaning and cutting. */
function describe(item: AlertEvidence): { label: string; detail: string } {
  switch (item.entityType.toLowerCase()) {
    case 'process':
      return {
        label: joinPresent(['Process', item.fileName], ' · '),
        detail: item.processCommandLine ?? joinPresent([item.filePath, hashOf(item)], ' · '),
      };
    case 'file':
      return {
        label: joinPresent(['File', item.fileName], ' · '),
        detail: joinPresent([item.filePath, hashOf(item)], ' · '),
      };
    case 'ip':
      return { label: 'IP address', detail: item.ipAddress ?? '' };
    case 'url':
      return { label: 'URL', detail: item.url ?? '' };
    case 'registry':
      return { label: 'Registry', detail: item.registryKey ?? '' };
    case 'user':
      return { label: 'User', detail: accountOf(item) };
    default:
      return {
        label: item.entityType,
        detail: item.fileName ?? item.url ?? item.ipAddress ?? accountOf(item),
      };
  }
}

/** One card line for an evidence item, cleaned and cut; the detection status is added to the label. */
export function toEvidenceLine(item: AlertEvidence): CardEvidenceLine {
  const { label, detail } = describe(item);
  const status = item.detectionStatus ? ` (${item.detectionStatus})` : '';
  return {
    label: cardText(`${label}${status}`, CARD_LIMITS.evidenceLabel) || 'Evidence',
    detail: cardText(detail, CARD_LIMITS.evidenceDetail) || '—',
  };
}

/**
 * The top evidence of an alert for its card: ranked by what it tells (process, file, URL, IP, registry,
 * user, the rest), duplicates dropped, at most `CARD_LIMITS.evidenceItems` lines. `omitted` counts the
 * items left out.
 */
export function toEvidenceLines(evidence: readonly AlertEvidence[]): {
  lines: CardEvidenceLine[];
  omitted: number;
} {
  const ranked = evidence
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rankOf(a.item) - rankOf(b.item) || a.index - b.index);
  const lines: CardEvidenceLine[] = [];
  const seen = new Set<string>();
  for (const { item } of ranked) {
    if (lines.length === CARD_LIMITS.evidenceItems) break;
    const line = toEvidenceLine(item);
    const key = `${line.label}\u0000${line.detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(line);
  }
  return { lines, omitted: evidence.length - lines.length };
}
