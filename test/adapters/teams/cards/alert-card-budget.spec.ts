import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AdaptiveCardJson } from '../../../../src/adapters/teams/cards/adaptive-card-json';
import { CARD_BUDGET_BYTES, cardSizeBytes } from '../../../../src/adapters/teams/cards/card-size';
import { renderAlertCard } from '../../../../src/adapters/teams/cards/render-alert-card';
import { ACTION_KINDS, type ActionKind } from '../../../../src/domain/actions/action-kind';
import { ACTION_STATES } from '../../../../src/domain/actions/action-state';
import type { ResponseAction } from '../../../../src/domain/actions/response-action';
import type { Alert, AlertEvidence } from '../../../../src/domain/alerts/alert';
import { SEVERITIES } from '../../../../src/domain/alerts/severity';
import type { AlertCardContext } from '../../../../src/domain/cards/to-alert-card-data';
import { toAlertCardData } from '../../../../src/domain/cards/to-alert-card-data';
import type { Machine } from '../../../../src/domain/machines/machine';
import { buildAction } from '../../../domain/cards/build-action';
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

/**
 * The alert's actions at their most expensive, newest first: a failed action of `retryKind` (so the card
 * shows its retry button with every parameter at its limit), one waiting for approval, and more than the
 * card shows.
 */
function hugeActions(
  retryKind: ActionKind,
  text: (length: number, seed: string) => string,
): ResponseAction[] {
  const common = {
    machineId: text(1_000, 'm'),
    machineName: text(1_000, 'w'),
    requestedBy: { aadObjectId: text(100, 'o'), name: text(1_000, 'r') },
    outcomeNote: text(10_000, 'n'),
    params: {
      isolationType: text(100, 'i') as never,
      scanType: text(100, 's') as never,
      reason: text(10_000, 'r'),
      classification: text(100, 'c') as never,
      determination: text(100, 'd'),
      comment: text(10_000, 'c'),
      assignee: text(1_000, 'a'),
    },
  };
  return [
    buildAction({ ...common, id: text(1_000, 'f'), kind: retryKind, state: 'failed' }),
    buildAction({
      ...common,
      id: text(1_000, 'p'),
      state: 'awaitingApproval',
      approval: { reason: text(10_000, 'why'), expiresAt: text(100, 'e') },
    }),
    ...Array.from({ length: 20 }, (_, index) =>
      buildAction({ ...common, id: text(1_000, `x${index}`), kind: 'scan', state: 'cancelled' }),
    ),
  ];
}

function hugeContext(
  retryKind: ActionKind = 'resolve',
  text: (length: number, seed: string) => string = nasty,
): AlertCardContext {
  const machine: Machine = buildMachine({
    name: text(1_000, 'w'),
    osPlatform: text(1_000, 'p'),
    osVersion: text(1_000, 'v'),
    riskScore: 'informational',
    exposureLevel: 'medium',
    lastSeen: '2021-01-26T20:44:10Z',
    tags: Array.from({ length: 300 }, (_, index) => text(200, `tag${index}`)),
  });
  const machines = Array.from({ length: 2_000 }, (_, index) => text(300, `ws-${index}`));
  return {
    machine,
    fold: { count: 2_000, machines, firstSeenAt: text(100, 'f'), lastSeenAt: text(100, 'l') },
    actions: hugeActions(retryKind, text),
    isolateContext: {
      logonUsers: Array.from({ length: 1_000 }, (_, index) => ({
        name: text(500, `u${index}`),
        domain: text(500, 'd'),
      })),
      otherOpenAlerts: Array.from({ length: 1_000 }, (_, index) => ({
        id: text(100, `a${index}`),
        title: text(5_000, `t${index}`),
        severity: 'informational' as const,
      })),
      protectedReason: text(10_000, 'p'),
    },
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
const anyAction: fc.Arbitrary<ResponseAction> = fc.record(
  {
    id: anyText,
    requestKey: anyText,
    kind: fc.constantFrom(...ACTION_KINDS),
    origin: fc.constantFrom('card' as const, 'command' as const, 'rule' as const),
    tenantId: anyText,
    alertId: anyText,
    machineId: anyText,
    machineName: anyText,
    params: fc.record(
      {
        isolationType: anyText,
        scanType: anyText,
        reason: anyText,
        classification: anyText,
        determination: anyText,
        comment: anyText,
        assignee: anyText,
      },
      { requiredKeys: [] },
    ),
    requestedBy: fc.record({ aadObjectId: anyText, name: anyText }),
    requestedAt: anyTime,
    state: fc.constantFrom(...ACTION_STATES),
    approval: fc.record({ reason: anyText, expiresAt: anyTime }),
    defenderStatus: anyText,
    outcomeNote: anyText,
    attempts: fc.nat(),
    updatedAt: anyTime,
    finishedAt: anyTime,
  },
  {
    requiredKeys: [
      'id',
      'requestKey',
      'kind',
      'origin',
      'tenantId',
      'alertId',
      'params',
      'requestedBy',
      'requestedAt',
      'state',
      'attempts',
      'updatedAt',
    ],
  },
) as fc.Arbitrary<ResponseAction>;
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
    actions: fc.array(anyAction, { maxLength: 6 }),
    isolated: fc.boolean(),
    isolateContext: fc.record(
      {
        logonUsers: fc.array(fc.record({ name: anyText, domain: anyText }, { requiredKeys: ['name'] }), {
          maxLength: 12,
        }),
        otherOpenAlerts: fc.array(
          fc.record({ id: anyText, title: anyText, severity: fc.constantFrom(...SEVERITIES) }),
          { maxLength: 8 },
        ),
        protectedReason: anyText,
      },
      { requiredKeys: ['logonUsers', 'otherOpenAlerts'] },
    ),
    nowIso: anyTime,
    portalUrl: fc.oneof(anyText, fc.webUrl()),
  },
  { requiredKeys: ['nowIso'] },
);

describe('alert card size and safety, whatever the alert holds', () => {
  it('should keep a huge alert under 28 KB and valid, whatever action it offers to retry', () => {
    for (const kind of ACTION_KINDS) {
      const data = toAlertCardData(hugeAlert(), hugeContext(kind));
      assert.equal(data.retry?.kind, kind);
      assert.ok(data.approval);
      assert.equal(data.statuses.length, 3);
      const card = renderAlertCard(data);
      assertCardKeepsItsPromises(card);
      assert.deepEqual(validateCard(card), []);
    }
  });

  it('should keep a card with every field at its limit in the most expensive characters under 28 KB', () => {
    const costly = (length: number, seed: string) => `${seed}${'\\"'.repeat(length)}`;
    const alert = buildAlert({
      id: costly(500, 'a'),
      createdAt: costly(500, 'c'),
      firstEventAt: costly(500, 'f'),
      lastEventAt: costly(500, 'l'),
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
    const sizes: Record<string, number> = {};
    for (const kind of ACTION_KINDS) {
      for (const isolated of [false, true]) {
        const context = { ...hugeContext(kind, costly), isolated, nowIso: costly(100, 'n') };
        const data = toAlertCardData(alert, context);
        assert.equal(data.retry?.kind, kind);
        assert.ok(data.approval && data.isolateWarning && data.isolateFacts.length === 6);
        const card = renderAlertCard(data);
        assertCardKeepsItsPromises(card);
        assert.deepEqual(validateCard(card), []);
        sizes[`${kind}${isolated ? ' (isolated)' : ''}`] = cardSizeBytes(card);
      }
    }
    if (process.env.VIGIL_CARD_SIZES) console.log('worst-case alert card sizes (bytes):', sizes);
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
