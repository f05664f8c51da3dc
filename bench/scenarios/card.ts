import { CARD_BUDGET_BYTES, cardSizeBytes } from '../../src/adapters/teams/cards/card-size';
import { renderAlertCard } from '../../src/adapters/teams/cards/render-alert-card';
import type { Alert, AlertEvidence } from '../../src/domain/alerts/alert';
import { type AlertCardContext, toAlertCardData } from '../../src/domain/cards/to-alert-card-data';
import type { Machine } from '../../src/domain/machines/machine';
import { addLatencies, nowMs, resultsOf, type Scenario } from '../bench-kit';
import { benchAlert, machineId } from './bench-alerts';

const REALISTIC = 1_960;
const HUGE = 40;

/** Long text that is costly in JSON: backslashes, quotes, newlines, emoji and template markers. */
function nasty(length: number, seed: string): string {
  const chunk = `${seed}C:\\Windows\\"quoted"\n🔴 $\{x} [x](https://evil.example) `;
  return chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length);
}

function machineOf(n: number, tags: readonly string[]): Machine {
  return {
    id: machineId(n),
    name: `ws-${String(n).padStart(4, '0')}.contoso.com`,
    osPlatform: 'Windows11',
    osVersion: '22H2',
    riskScore: 'high',
    exposureLevel: 'medium',
    healthStatus: 'Active',
    tags,
  };
}

/** An alert with everything oversized: 100 KB description, 500 evidence items of ~16 KB, 1,000 techniques. */
function hugeAlert(n: number): Alert {
  const evidence: AlertEvidence[] = Array.from({ length: 500 }, (_, index) => ({
    entityType: ['Process', 'File', 'Ip', 'Url', 'Registry', 'User'][index % 6] ?? 'Process',
    fileName: `payload-${index}.exe`,
    filePath: nasty(2_000, String(index)),
    processCommandLine: nasty(10_240, String(index)),
    url: `https://203.0.113.${index % 255}/${nasty(3_000, 'u')}`,
    registryKey: nasty(1_000, 'r'),
    accountName: nasty(500, 'a'),
  }));
  return {
    ...benchAlert(n, nasty(5_000, `title${n}`), n, '2026-03-02T09:00:00.000Z'),
    description: nasty(100_000, 'd'),
    category: nasty(1_000, 'c'),
    threatName: nasty(1_000, 't'),
    assignedTo: nasty(1_000, 'o'),
    user: { name: nasty(1_000, 'n'), domain: nasty(1_000, 'm'), upn: nasty(1_000, 'p') },
    mitreTechniques: Array.from({ length: 1_000 }, (_, index) => `T${1000 + index}.${nasty(20, 'x')}`),
    evidence,
    portalUrl: `https://security.microsoft.com/alerts/${'x'.repeat(5_000)}`,
  };
}

function hugeContext(n: number): AlertCardContext {
  return {
    machine: machineOf(
      n,
      Array.from({ length: 300 }, (_, index) => nasty(200, `tag${index}`)),
    ),
    fold: {
      count: 2_000,
      machines: Array.from({ length: 2_000 }, (_, index) => nasty(300, `ws-${index}`)),
      firstSeenAt: '2026-03-02T08:00:00.000Z',
      lastSeenAt: '2026-03-02T09:00:00.000Z',
    },
    nowIso: '2026-03-02T09:12:00.000Z',
  };
}

function realisticContext(n: number): AlertCardContext {
  const folded = n % 10 === 0;
  return {
    machine: machineOf(n % 500, ['finance', 'tier1']),
    ...(folded
      ? {
          fold: {
            count: 12,
            machines: Array.from(
              { length: 12 },
              (_, index) => `ws-${String(index).padStart(4, '0')}.contoso.com`,
            ),
            firstSeenAt: '2026-03-02T08:55:00.000Z',
            lastSeenAt: '2026-03-02T09:00:00.000Z',
          },
        }
      : {}),
    nowIso: '2026-03-02T09:12:00.000Z',
  };
}

/** Draws each card (data + template) and returns the time per card and the largest card's size. */
function drawAll(inputs: readonly { alert: Alert; context: AlertCardContext }[]): {
  latencies: number[];
  maxBytes: number;
} {
  const latencies: number[] = [];
  let maxBytes = 0;
  for (const { alert, context } of inputs) {
    const t0 = nowMs();
    const card = renderAlertCard(toAlertCardData(alert, context));
    latencies.push(nowMs() - t0);
    maxBytes = Math.max(maxBytes, cardSizeBytes(card));
  }
  return { latencies, maxBytes };
}

/** 1,960 realistic and 40 huge alert cards, drawn with the real data mapping and template. */
export const cardScenario: Scenario = {
  name: 'card',
  async run() {
    const out = resultsOf('card');
    const realistic = Array.from({ length: REALISTIC }, (_, n) => ({
      alert: benchAlert(n, `Suspicious activity ${n % 40}`, n % 500, '2026-03-02T09:00:00.000Z'),
      context: realisticContext(n),
    }));
    // Huge alerts are built once and shared: building them is not what is measured.
    const hugeInputs = Array.from({ length: 4 }, (_, n) => ({
      alert: hugeAlert(n),
      context: hugeContext(n),
    }));
    const huge = Array.from({ length: HUGE }, (_, n) => hugeInputs[n % hugeInputs.length]!);

    const normal = drawAll(realistic);
    const big = drawAll(huge);
    out.add('cards drawn', REALISTIC + HUGE, 'cards');
    addLatencies(out, 'realistic card', normal.latencies);
    addLatencies(out, 'huge card', big.latencies);
    out.add('max realistic card size', normal.maxBytes, 'bytes');
    out.add('max huge card size', big.maxBytes, 'bytes');
    out.add('card budget', CARD_BUDGET_BYTES, 'bytes');
    const over = Math.max(normal.maxBytes, big.maxBytes) > CARD_BUDGET_BYTES;
    if (over) throw new Error(`a card is over the ${CARD_BUDGET_BYTES}-byte budget`);
    return out.results;
  },
};
