/**
 * The size budget of a Vigil card: 28 KB, measured as Teams measures a message, in UTF-16 (two bytes per
 * code unit of the JSON). Bots may send up to 100 KB, but 28 KB also fits incoming webhooks and Workflows,
 * and leaves room for the rest of the activity (teams-platform.md §3).
 */
export const CARD_BUDGET_BYTES = 28 * 1024;

/** The size of a card (or any JSON value) in bytes of UTF-16, as it goes over the wire in compact JSON. */
export function cardSizeBytes(card: unknown): number {
  return (JSON.stringify(card) ?? '').length * 2;
}

/** True when a card fits the budget (`CARD_BUDGET_BYTES` unless another is given). */
export function isWithinCardBudget(card: unknown, budgetBytes: number = CARD_BUDGET_BYTES): boolean {
  return cardSizeBytes(card) <= budgetBytes;
}
