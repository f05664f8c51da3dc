/**
 * Alert storms: alerts with the same title on the same machine, or the same title across many machines,
 * within a window, fold into one card with a counter instead of a card each.
 */
export interface FoldSettings {
  /** How long after a group's latest alert a similar alert still folds into it. */
  readonly windowMs: number;
  /** From this many alerts with one title in the window, alerts on other machines fold too. */
  readonly threshold: number;
}

/** An open group of similar alerts that owns one card. */
export interface FoldGroup {
  readonly id: string;
  readonly titleKey: string;
  readonly machineNames: readonly string[];
  readonly count: number;
  readonly lastAlertAt: string;
}

export interface FoldCandidate {
  readonly title: string;
  readonly source: string;
  readonly machineName?: string;
  readonly createdAt: string;
}

export type FoldDecision =
  | { readonly kind: 'new'; readonly titleKey: string }
  | { readonly kind: 'fold'; readonly groupId: string };

/** The key under which alerts count as "the same title": source plus the title without case or spacing. */
export function titleKeyOf(alert: Pick<FoldCandidate, 'title' | 'source'>): string {
  return `${alert.source}:${alert.title.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/**
 * Decides whether an alert gets its own card or folds into a group. `groups` are the groups of the same
 * title key (any age); only those whose latest alert is within the window count. Below the threshold an
 * alert folds into the card of its own machine; from the threshold on, into the biggest card of the
 * title, so a storm grows one card rather than several.
 */
export function decideFold(
  alert: FoldCandidate,
  groups: readonly FoldGroup[],
  settings: FoldSettings,
): FoldDecision {
  const titleKey = titleKeyOf(alert);
  const at = Date.parse(alert.createdAt);
  const open = groups
    .filter((g) => g.titleKey === titleKey && at - Date.parse(g.lastAlertAt) <= settings.windowMs)
    .sort((a, b) => Date.parse(b.lastAlertAt) - Date.parse(a.lastAlertAt));
  const inWindow = open.reduce((sum, g) => sum + g.count, 0) + 1;
  if (open.length > 0 && inWindow >= settings.threshold) {
    // A storm: everything of that title goes to the biggest card, whatever the machine.
    const biggest = open.reduce((best, g) => (g.count > best.count ? g : best));
    return { kind: 'fold', groupId: biggest.id };
  }
  const machine = alert.machineName?.toLowerCase();
  const sameMachine =
    machine === undefined
      ? undefined
      : open.find((g) => g.machineNames.some((m) => m.toLowerCase() === machine));
  if (sameMachine) return { kind: 'fold', groupId: sameMachine.id };
  return { kind: 'new', titleKey };
}
