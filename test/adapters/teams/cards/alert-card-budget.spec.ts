import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AdaptiveCardJson } from '../../../../src/adapters/teams/cards/adaptive-card-json';
import { CARD_BUDGET_BYTES, cardSizeBytes } from '../../../../src/adapters/teams/cards/card-size';
import { renderAlertCard } from '../../../../src/adapters/teams/cards/render-alert-card';
import type { Alert, AlertEvidence } from '../../../../src/domain/alerts/alert';
import { SEVERITIES } from '../../../../src/domain/alerts/severity';
import type { AlertCardContext } from '../../../../src/domain/cards/to-alert-card-data';
import { toAlertCardData } from '../../../../src/domain/cards/to-alert-card-data';
import type { Machine } from '../../../../src/domain/machines/machine';
import { buildAlert, buildMachine, NOW_ISO } from '../../../domain/cards/build-alert';
import { validateCard } from '../../../helpers/validate-card';

/** Long text that is expensive in JSON: backslashes, quotes, newlines, emoji and template markers. */
function nasty(length: number, seed = ''): string {
  const chunk = `${seed}C:\\Windows\\"quoted"\n🔴 \${secret} [x](https://evil.example) `;
  return chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length);
}

/** The promises every rendered alert card keeps. */
function assertCardKeepsItsPromises(card: AdaptiveCardJson): void {
  const json = JSON.stringify(card);
  assert.deepEqual(JSON.parse(json), card);
  assert.equal(/\\ud[89a-f]/i.test(json), false, 'a lone surrogate reached the JSON');
  assert.equal(json.includes('${'), false, 'an unbound ${ is left');
  assert.ok(cardSizeBytes(card) <= CARD_BUDGET_BYTES, `card is ${cardSizeBytes(card)} bytes`);
}

function hugeAlert(): Alert {
  const evidence: AlertEvidence[] = Array.from({ length: 500 }, (_, index) => ({
    entityType: ['Process', 'File', 'Ip', 'Url', 'Registry', 'User'][index % 6] ?? 'Process',
    fileName: `payload-${index}.exe`,
    filePath: nasty(2_000, String(index)),
    processCommandLine: nasty(10_240, String(index)),
    url: `https://203.0.113.${index % 255}/${nasty(3_000)}`,
    ipAddress: `203.0.113.${index % 255}`,
    registryKey: nasty(1_000),
    accountName: nasty(500),
    sha256: 'a'.repeat(64),
    detectionStatus: 'Detected',
  }));
  return buildAlert({
    id: 'da637472900382838869_1364969609',
    title: nasty(5_000),
    description: nasty(100_000),
    category: nasty(1_000),
    detectionSource: nasty(1_000),
    threatName: nasty(1_000),
    assignedTo: nasty(1_000),
    determination: nasty(1_000),
    incidentId: nasty(1_000),
    user: { name: nasty(1_000), domain: nasty(1_000), upn: nasty(1_000) },
    machine: { id: '4b1a0c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b', name: nasty(1_000) },
    mitreTechniques: Array.from({ length: 1_000 }, (_, index) => `T${1000 + index}.${nasty(20)}`),
    evidence,
    portalUrl: `https://security.microsoft.com/alerts/${'x'.repeat(5_000)}`,
  });
}

function hugeContext(): AlertCardContext {
  const machine: Machine = buildMachine({
    name: nasty(1_000),
    osPlatform: nasty(1_000),
    osVersion: nasty(1_000),
    tags: Array.from({ length: 300 }, (_, index) => nasty(200, `tag${index}`)),
  });
  const machines = Array.from({ length: 2_000 }, (_, index) => nasty(300, `ws-${index}`));
  return {
    machine,
    fold: { count: 2_000, machines, firstSeenAt: '2021-01-26T20:31:00Z', lastSeenAt: '2021-01-26T23:51:00Z' },
    status: { text: nasty(10_000), tone: 'attention' },
    nowIso: NOW_ISO,
  };
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: a literal adaptive-card template marker, on purpose
const TEMPLATE_FIELD = '${title}';

/** Text of any kind: random code units (lone surrogates too), markers, escapes, or a long run of them. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    maxLength: 40,
  }),
  fc
    .array(
      fc.constantFrom('${', TEMPLATE_FIELD, '\\', '"', '\n', '🔴', '\u202E', '\uD800', '](x)', '<at>', ' '),
      {
        maxLength: 40,
      },
    )
    .map((parts) => parts.join('')),
  fc.integer({ min: 0, max: 20_000 }).map((length) => nasty(length)),
);
const anyTime = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  anyText,
);
const anyEvidence: fc.Arbitrary<AlertEvidence> = fc.record(
  {
    entityType: fc.oneof(
      fc.constantFrom('Process', 'File', 'Ip', 'Url', 'Registry', 'User', 'constructor'),
      anyText,
    ),
    fileName: anyText,
    filePath: anyText,
    processCommandLine: anyText,
    url: anyText,
    ipAddress: anyText,
    accountName: anyText,
    userPrincipalName: anyText,
    sha256: anyText,
    detectionStatus: anyText,
  },
  { requiredKeys: ['entityType'] },
);
const anyAlert: fc.Arbitrary<Alert> = fc.record(
  {
    id: anyText,
    source: fc.constantFrom('mde' as const, 'mcas' as const),
    title: anyText,
    description: anyText,
    severity: fc.constantFrom(...SEVERITIES),
    status: fc.constantFrom('new' as const, 'inProgress' as const, 'resolved' as const),
    category: anyText,
    detectionSource: anyText,
    createdAt: anyTime,
    updatedAt: anyTime,
    firstEventAt: anyTime,
    lastEventAt: anyTime,
    machine: fc.record({ id: anyText, name: anyText }),
    user: fc.record({ name: anyText, domain: anyText, upn: anyText }, { requiredKeys: ['name'] }),
    assignedTo: anyText,
    classification: fc.constantFrom(
      'truePositive' as const,
      'falsePositive' as const,
      'informationalExpectedActivity' as const,
    ),
    determination: anyText,
    threatName: anyText,
    incidentId: anyText,
    portalUrl: fc.oneof(anyText, fc.webUrl()),
    mitreTechniques: fc.array(anyText, { maxLength: 60 }),
    evidence: fc.array(anyEvidence, { maxLength: 30 }),
    comments: fc.constant([]),
  },
  {
    requiredKeys: [
      'id',
      'source',
      'title',
      'description',
      'severity',
      'status',
      'category',
      'detectionSource',
      'createdAt',
      'updatedAt',
      'mitreTechniques',
      'evidence',
      'comments',
    ],
  },
) as fc.Arbitrary<Alert>;
const anyContext: fc.Arbitrary<AlertCardContext> = fc.record(
  {
    machine: fc.record({
      id: anyText,
      name: anyText,
      osPlatform: anyText,
      osVersion: anyText,
      riskScore: fc.constantFrom('none' as const, 'low' as const, 'high' as const, 'unknown' as const),
      exposureLevel: fc.constantFrom('none' as const, 'medium' as const, 'high' as const),
      healthStatus: anyText,
      tags: fc.array(anyText, { maxLength: 40 }),
    }),
    fold: fc.record({
      count: fc.oneof(fc.integer(), fc.double()),
      machines: fc.array(anyText, { maxLength: 60 }),
      firstSeenAt: anyTime,
      lastSeenAt: anyTime,
    }),
    status: fc.record({
      text: anyText,
      tone: fc.constantFrom('good' as const, 'warning' as const, 'attention' as const, 'default' as const),
    }),
    nowIso: anyTime,
    portalUrl: fc.oneof(anyText, fc.webUrl()),
  },
  { requiredKeys: ['nowIso'] },
);

describe('alert card size and safety, whatever the alert holds', () => {
  it('should keep a huge alert under 28 KB and valid', () => {
    const card = renderAlertCard(toAlertCardData(hugeAlert(), hugeContext()));
    assertCardKeepsItsPromises(card);
    assert.deepEqual(validateCard(card), []);
  });

  it('should keep a card with every field at its limit in the most expensive characters under 28 KB', () => {
    const costly = (length: number, seed: string) => `${seed}${'\\"'.repeat(length)}`;
    const alert = buildAlert({
      id: costly(500, 'a'),
      title: costly(5_000, 't'),
      description: costly(100_000, 'd'),
      category: costly(500, 'c'),
      detectionSource: costly(500, 's'),
      threatName: costly(500, 'h'),
      assignedTo: costly(500, 'p'),
      determination: costly(500, 'x'),
      incidentId: costly(500, 'i'),
      user: { name: costly(500, 'n'), domain: costly(500, 'o'), upn: costly(500, 'u') },
      machine: { id: costly(500, 'm'), name: costly(500, 'w') },
      mitreTechniques: Array.from({ length: 1_000 }, (_, index) => costly(30, `T${index}`)),
      evidence: Array.from({ length: 500 }, (_, index) => ({
        entityType: costly(100, `e${index}`),
        fileName: costly(10_000, `f${index}`),
        detectionStatus: costly(100, 'z'),
      })),
    });
    const context = hugeContext();
    const card = renderAlertCard(
      toAlertCardData(alert, {
        ...context,
        status: { text: costly(10_000, 's'), tone: 'good' },
        nowIso: costly(100, 'n'),
      }),
    );
    assertCardKeepsItsPromises(card);
    assert.deepEqual(validateCard(card), []);
  });

  it('should render any random alert into valid JSON under 28 KB with no ${, without throwing', () => {
    fc.assert(
      fc.property(anyAlert, anyContext, (alert, context) => {
        const card = renderAlertCard(toAlertCardData(alert, context));
        assertCardKeepsItsPromises(card);
        assert.deepEqual(validateCard(card), []);
      }),
      { numRuns: 150 },
    );
  });
});
