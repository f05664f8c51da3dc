import { type ProtectionPolicy, protectionReason } from '../../domain/actions/protection';
import type { Alert } from '../../domain/alerts/alert';
import { type AlertCardContext, toAlertCardData } from '../../domain/cards/to-alert-card-data';
import type { AlertFold } from '../../domain/cards/to-fold-summary';
import { VigilError } from '../../domain/errors/vigil-error';
import type { Machine } from '../../domain/machines/machine';
import { recordedIsolation } from '../actions/recorded-isolation';
import type { CardRenderer } from '../ports/card-renderer.port';
import type { Clock } from '../ports/clock.port';
import type { StoredFoldGroup, StoreTx } from '../ports/store.port';
import type { TeamsMessage } from '../ports/teams.port';
import type { MachineCache } from './machine-cache';

/** A group's card as drawn now, and when it was drawn (every change stored before that is in it). */
export interface GroupCard {
  readonly message: TeamsMessage;
  readonly drawnAt: string;
}

/** Draws the card of a fold group from the stored state. */
export interface GroupCardBuilder {
  /** Throws `OUTBOX.NOTHING_TO_DRAW` when the group's alert is not in the store. */
  build(groupId: string): Promise<GroupCard>;
}

/** What the builder reads and draws with. */
export interface GroupCardBuilderDeps {
  readonly repos: Pick<StoreTx, 'alerts' | 'folds' | 'actions'>;
  readonly renderer: CardRenderer;
  readonly machines: MachineCache;
  readonly clock: Clock;
  /** The Defender portal's base address for alert links (the domain's default when absent). */
  readonly portalUrl?: string;
  /** Which machines need a second responder to isolate (the isolate form warns about them). */
  readonly protection?: ProtectionPolicy;
}

/** How many of an alert's actions the card looks at, and how many other open alerts it counts. */
const ACTIONS_SHOWN = 5;
const OTHER_ALERTS_COUNTED = 20;

/** The storm summary of a group that stands for more than one alert. */
function foldOf(group: StoredFoldGroup | undefined): AlertFold | undefined {
  if (group === undefined || group.count <= 1) return undefined;
  return {
    count: group.count,
    machines: group.machineNames,
    firstSeenAt: group.firstAlertAt,
    lastSeenAt: group.lastAlertAt,
  };
}

/**
 * Builds cards at send time: the group's root alert as stored now, its fold summary, and the machine's
 * details from Defender (through the cache; without them when Defender cannot answer). The time is read
 * before the store, so `drawnAt` is a time by which everything the card shows had been stored.
 */
export function createGroupCardBuilder(deps: GroupCardBuilderDeps): GroupCardBuilder {
  return {
    async build(groupId) {
      const drawnAt = new Date(deps.clock.now()).toISOString();
      const group = await deps.repos.folds.get(groupId);
      const stored = await deps.repos.alerts.get(group?.rootAlertId ?? groupId);
      if (stored === undefined) {
        throw new VigilError('OUTBOX.NOTHING_TO_DRAW', 'The alert of this card is no longer stored.', {
          details: { groupId },
        });
      }
      const alert = stored.alert;
      const machine = alert.machine ? await deps.machines.lookup(alert.machine.id) : undefined;
      const fold = foldOf(group);
      const data = toAlertCardData(alert, {
        nowIso: drawnAt,
        ...(machine ? { machine } : {}),
        ...(fold ? { fold } : {}),
        ...(deps.portalUrl ? { portalUrl: deps.portalUrl } : {}),
        ...(await responseContext(deps, alert, machine)),
      });
      const card = deps.renderer.renderAlertCard(data);
      return { message: { kind: 'card', card, fallbackText: data.fallbackText }, drawnAt };
    },
  };
}

/**
 * What the card shows about response actions: the alert's actions (newest first), whether Vigil's record
 * says the machine is isolated, and what the isolate form shows before anyone isolates it.
 */
async function responseContext(
  deps: GroupCardBuilderDeps,
  alert: Alert,
  machine: Machine | undefined,
): Promise<Pick<AlertCardContext, 'actions' | 'isolated' | 'isolateContext'>> {
  const actions = await deps.repos.actions.list({ alertId: alert.id, limit: ACTIONS_SHOWN });
  if (alert.machine === undefined) return { actions };
  const machineId = alert.machine.id;
  const isolated = await recordedIsolation(deps.repos.actions, machineId);
  const others = await deps.repos.alerts.listOpenOnMachine(machineId, OTHER_ALERTS_COUNTED + 1);
  const logonUsers = (await deps.machines.logonUsers(machineId)) ?? [];
  const protectedReason = deps.protection
    ? protectionReason(machine ?? { name: alert.machine.name, tags: [] }, deps.protection)
    : undefined;
  return {
    actions,
    isolated: isolated === true,
    isolateContext: {
      logonUsers,
      otherOpenAlerts: others
        .filter((other) => other.alert.id !== alert.id)
        .slice(0, OTHER_ALERTS_COUNTED)
        .map((other) => ({ id: other.alert.id, title: other.alert.title, severity: other.alert.severity })),
      ...(protectedReason ? { protectedReason } : {}),
    },
  };
}
