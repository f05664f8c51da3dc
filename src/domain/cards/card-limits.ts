/**
 * The most each card field may take, in JSON cost (UTF-16 code units once written into JSON; see
 * `card-text.ts`). Together with the template's own size they keep every alert card under the 28 KB budget
 * whatever the alert holds; a test renders a card with every field at its limit to prove it.
 */
export const CARD_LIMITS = Object.freeze({
  /** Alert, machine and action ids: real ones are 24 to 40 characters. */
  id: 56,
  title: 150,
  headline: 60,
  description: 420,
  factValue: 70,
  /** The joined MITRE techniques, tags and the like. */
  factList: 120,
  factListItem: 40,
  evidenceItems: 5,
  evidenceLabel: 50,
  evidenceDetail: 150,
  evidenceNote: 60,
  foldCounter: 100,
  foldMachines: 160,
  foldMachine: 60,
  /** How many action status lines a card shows (the newest ones). */
  statusLines: 3,
  /** One action status line. */
  status: 160,
  approvalPrompt: 90,
  retryTitle: 50,
  /** A short parameter sent back by a retry button: isolation or scan type, classification, determination. */
  retryParam: 32,
  /** An isolation's reason, as the Isolate form takes it. */
  retryReason: 200,
  /** A resolution's comment sent back by a retry button (the Resolve form takes 1,000 characters). */
  retryComment: 200,
  /** An assignee, as the Assign form takes it. */
  assignee: 120,
  /** The "Logged-on users" fact of the Isolate form. */
  logonUsers: 120,
  logonUser: 50,
  logonUsersShown: 5,
  /** The "Other open alerts" fact of the Isolate form. */
  otherAlerts: 140,
  otherAlertTitle: 50,
  otherAlertsShown: 3,
  isolateWarning: 140,
  footer: 100,
  fallbackText: 120,
  /** A longer portal link is replaced by the portal's own link to the alert. */
  portalUrl: 200,
});
