import type { Alert } from '../../../../src/domain/alerts/alert';
import type { MdeAlertQuery } from '../../../../src/services/ports/defender.port';
import type { McasAlertQuery } from '../../../../src/services/ports/mcas.port';

/** A promise resolved from outside. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * A fake Defender alert list behaving as the real APIs do where pollers care: it filters on a time
 * (`updatedSince` on the update time for MDE, `since` on the creation time for MCAS), lists NEWEST
 * FIRST (by creation time, as MDE's and MCAS's default order) and stops after `maxAlerts`.
 */
export class FakeAlertSource {
  readonly alerts = new Map<string, Alert>();
  readonly calls: { since: string; maxAlerts: number; includeEvidence?: boolean }[] = [];
  /** Thrown (once) by the next call. */
  failNext: Error | undefined;
  /** While set, calls wait for it. */
  gate: Promise<void> | undefined;
  active = 0;
  maxActive = 0;

  constructor(private readonly cursor: 'updatedAt' | 'createdAt' = 'updatedAt') {}

  put(...alerts: Alert[]): void {
    for (const alert of alerts) this.alerts.set(alert.id, alert);
  }

  async listAlerts(query: MdeAlertQuery & McasAlertQuery): Promise<Alert[]> {
    const since = query.updatedSince ?? query.since ?? '1970-01-01T00:00:00.000Z';
    const maxAlerts = query.maxAlerts ?? (this.cursor === 'updatedAt' ? 10_000 : 1_000);
    this.calls.push({
      since,
      maxAlerts,
      ...(query.includeEvidence === undefined ? {} : { includeEvidence: query.includeEvidence }),
    });
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      await this.gate;
      const failure = this.failNext;
      this.failNext = undefined;
      if (failure) throw failure;
      return [...this.alerts.values()]
        .filter((alert) => Date.parse(alert[this.cursor]) >= Date.parse(since))
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
        .slice(0, maxAlerts)
        .map((alert) => structuredClone(alert));
    } finally {
      this.active -= 1;
    }
  }
}
