import type { CardFoldSummary } from './alert-card-data';
import { CARD_LIMITS } from './card-limits';
import { cardText, joinWithinBudget, jsonCost } from './card-text';
import { formatCardSpan } from './format-card-time';

/** A storm of similar alerts folded into one card (the alert store decides what folds). */
export interface AlertFold {
  /** How many alerts the card stands for, itself included. */
  readonly count: number;
  /** The names of the machines they came from (repeats are counted once). */
  readonly machines: readonly string[];
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
}

/** "On 12 machines: " or "On " before the machine names. */
function machinesPrefix(count: number): string {
  return count === 1 ? 'On ' : `On ${count.toLocaleString('en-US')} machines: `;
}

/** The storm's counter and machine list: "×37 similar alerts · 26 Jan 2021 20:33 – 20:51 UTC". */
export function toFoldSummary(fold: AlertFold): CardFoldSummary {
  const count = Number.isFinite(fold.count) ? Math.max(1, Math.floor(fold.count)) : 1;
  const span = formatCardSpan(fold.firstSeenAt, fold.lastSeenAt);
  const counter = cardText(
    `×${count.toLocaleString('en-US')} similar alerts · ${span}`,
    CARD_LIMITS.foldCounter,
  );
  const names = [...new Set(fold.machines.map((name) => name.trim()).filter((name) => name !== ''))];
  if (names.length === 0) return { counter, machines: 'Machines: not known' };
  const prefix = machinesPrefix(names.length);
  const list = joinWithinBudget(names, {
    maxCost: CARD_LIMITS.foldMachines - jsonCost(prefix),
    itemMaxCost: CARD_LIMITS.foldMachine,
  });
  return { counter, machines: `${prefix}${list}` };
}
