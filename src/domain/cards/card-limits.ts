/**
 * The most each card field may take, in JSON cost (UTF-16 code units once written into JSON; see
 * `card-text.ts`). Together with the template's own size they keep every alert card under the 28 KB budget
 * whatever the alert holds; a test renders a card with every field at its limit to prove it.
 */
export const CARD_LIMITS = Object.freeze({
  /** Alert and machine ids: real ones are 24 to 40 characters. */
  id: 80,
  title: 200,
  headline: 80,
  description: 600,
  factValue: 90,
  /** The joined MITRE techniques, tags and the like. */
  factList: 150,
  factListItem: 40,
  evidenceItems: 5,
  evidenceLabel: 60,
  evidenceDetail: 200,
  evidenceNote: 60,
  foldCounter: 120,
  foldMachines: 300,
  foldMachine: 60,
  status: 240,
  footer: 160,
  fallbackText: 160,
  /** A longer portal link is replaced by the portal's own link to the alert. */
  portalUrl: 400,
});
