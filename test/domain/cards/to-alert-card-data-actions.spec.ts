import assert from 'node:assert/strict';
import { ACTION_STATES, type ActionState } from '../../../src/domain/actions/action-state';
import { describeAction } from '../../../src/domain/actions/describe-action';
import type { ResponseAction } from '../../../src/domain/actions/response-action';
import type { AlertCardData, CardRetry } from '../../../src/domain/cards/alert-card-data';
import { CARD_LIMITS } from '../../../src/domain/cards/card-limits';
import { jsonCost } from '../../../src/domain/cards/card-text';
import { type AlertCardContext, toAlertCardData } from '../../../src/domain/cards/to-alert-card-data';
import type { AlertIsolateContext } from '../../../src/domain/cards/to-isolate-facts';
import { buildAction } from './build-action';
import { buildAlert, buildMachine, NOW_ISO } from './build-alert';

const MACHINE_ID = '4b1a0c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b';

function cardOf(context: Omit<AlertCardContext, 'nowIso'>, alert = buildAlert()): AlertCardData {
  return toAlertCardData(alert, { nowIso: NOW_ISO, ...context });
}

/** The fields of a retry, to read whichever its kind has. */
function fieldsOf(retry: CardRetry | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(retry ?? {}));
}

function factsOf(data: AlertCardData): Record<string, string> {
  return Object.fromEntries(data.isolateFacts.map((fact) => [fact.title, fact.value]));
}

const failedIsolation = buildAction({
  id: 'act-9',
  state: 'failed',
  finishedAt: '2021-01-26T20:42:00Z',
  outcomeNote: 'Defender refused: the machine is offline',
});

describe('toAlertCardData: response actions', () => {
  describe('statuses', () => {
    it('should show no status line without actions', () => {
      assert.deepEqual(cardOf({}).statuses, []);
      assert.deepEqual(cardOf({ actions: [] }).statuses, []);
    });

    it('should show one line per action, newest first as given, worded by describeAction', () => {
      const actions = [
        buildAction({ id: 'a3', kind: 'scan', params: { scanType: 'Full' }, state: 'inProgress' }),
        buildAction({
          id: 'a2',
          kind: 'assign',
          params: { assignee: 'ana@contoso.com' },
          state: 'succeeded',
        }),
      ];
      const data = cardOf({ actions });
      assert.deepEqual(
        data.statuses.map((line) => line.text),
        actions.map((action) => describeAction(action).text),
      );
      assert.match(data.statuses[0]?.text ?? '', /^⏳ Full antivirus scan of ws-042 requested by Ana Lopez/);
    });

    it('should show at most three lines, the newest ones', () => {
      const actions = Array.from({ length: 7 }, (_, index) =>
        buildAction({ id: `a${index}`, kind: 'assign', params: { assignee: `user${index}@contoso.com` } }),
      );
      const data = cardOf({ actions });
      assert.equal(CARD_LIMITS.statusLines, 3);
      assert.equal(data.statuses.length, 3);
      assert.deepEqual(
        data.statuses.map((line) => /user(\d)@/.exec(line.text)?.[1]),
        ['0', '1', '2'],
      );
    });

    it('should colour each line by the tone of its state', () => {
      const looks = (state: ActionState) => {
        const line = cardOf({ actions: [buildAction({ state })] }).statuses[0];
        return [line?.style, line?.color];
      };
      assert.deepEqual(looks('succeeded'), ['good', 'good']);
      assert.deepEqual(looks('failed'), ['attention', 'attention']);
      assert.deepEqual(looks('timeOut'), ['attention', 'attention']);
      assert.deepEqual(looks('awaitingApproval'), ['warning', 'warning']);
      assert.deepEqual(looks('rejected'), ['warning', 'warning']);
      assert.deepEqual(looks('inProgress'), ['emphasis', 'default']);
      assert.deepEqual(looks('skipped'), ['emphasis', 'default']);
    });

    it('should clean and cut every line like any text from outside', () => {
      const note = `\${secret} [x](https://evil.example) ${'"\\'.repeat(5_000)}`;
      const line = cardOf({ actions: [buildAction({ state: 'failed', outcomeNote: note })] }).statuses[0];
      assert.ok(line);
      assert.equal(line.text.includes('${'), false);
      assert.equal(line.text.includes(']('), false);
      assert.ok(jsonCost(line.text) <= CARD_LIMITS.status);
      assert.ok(line.text.endsWith('…'));
    });

    it('should skip an action in a state it cannot word', () => {
      const data = cardOf({ actions: [buildAction({ state: 'constructor' as never }), buildAction()] });
      assert.equal(data.statuses.length, 1);
    });
  });

  describe('approval', () => {
    it('should offer Approve and Reject for the newest action waiting for approval', () => {
      const waiting = (id: string) =>
        buildAction({
          id,
          machineName: 'dc01.contoso.com',
          state: 'awaitingApproval',
          approval: {
            reason: 'dc01.contoso.com is protected (tag tier0)',
            expiresAt: '2021-01-26T21:41:00Z',
          },
        });
      const data = cardOf({
        actions: [buildAction({ id: 'a3', kind: 'scan' }), waiting('a2'), waiting('a1')],
      });
      assert.deepEqual(data.approval, {
        actionId: 'a2',
        prompt: 'Approve or reject the full isolation of dc01 requested by Ana Lopez.',
      });
    });

    it('should say so when a rule asked', () => {
      const action = buildAction({
        state: 'awaitingApproval',
        origin: 'rule',
        requestedBy: { aadObjectId: 'vigil:rule', name: 'High sev isolate' },
      });
      assert.match(
        cardOf({ actions: [action] }).approval?.prompt ?? '',
        /requested by rule High sev isolate\.$/,
      );
    });

    it('should offer no approval when no action waits for one', () => {
      const states: ActionState[] = [
        'queued',
        'sending',
        'inProgress',
        'succeeded',
        'failed',
        'rejected',
        'expired',
      ];
      const data = cardOf({ actions: states.map((state) => buildAction({ state })) });
      assert.equal('approval' in data, false);
      assert.equal('approval' in cardOf({}), false);
    });

    it('should clean and cut the prompt and the action id', () => {
      const action = buildAction({
        id: 'x'.repeat(500),
        state: 'awaitingApproval',
        requestedBy: { aadObjectId: 'o', name: `\${x} ${'a'.repeat(1_000)}` },
      });
      const approval = cardOf({ actions: [action] }).approval;
      assert.ok(approval);
      assert.ok(jsonCost(approval.prompt) <= CARD_LIMITS.approvalPrompt);
      assert.ok(jsonCost(approval.actionId) <= CARD_LIMITS.id);
      assert.equal(approval.prompt.includes('${'), false);
    });
  });

  describe('retry', () => {
    it('should offer to retry an isolation that failed, with its type and reason', () => {
      assert.deepEqual(cardOf({ actions: [failedIsolation] }).retry, {
        kind: 'isolate',
        actionId: 'act-9',
        title: 'Retry full isolation of ws-042',
        machineId: MACHINE_ID,
        isolationType: 'Full',
        reason: 'Ransom notes on the file share',
      });
    });

    it('should carry what each verb needs, taken from the failed action', () => {
      const retryOf = (overrides: Partial<ResponseAction>) =>
        cardOf({ actions: [buildAction({ id: 'f1', state: 'timeOut', ...overrides })] }).retry;
      assert.deepEqual(retryOf({ kind: 'unisolate', params: { reason: 'Cleaned' } }), {
        kind: 'unisolate',
        actionId: 'f1',
        title: 'Retry release of ws-042 from isolation',
        machineId: MACHINE_ID,
        reason: 'Cleaned',
      });
      assert.deepEqual(retryOf({ kind: 'scan', params: { scanType: 'Full' } }), {
        kind: 'scan',
        actionId: 'f1',
        title: 'Retry full antivirus scan of ws-042',
        machineId: MACHINE_ID,
        scanType: 'Full',
      });
      assert.deepEqual(
        retryOf({
          kind: 'resolve',
          machineId: undefined,
          params: {
            classification: 'truePositive',
            determination: 'Malware',
            comment: 'Contained.\nReimaged.',
          },
        }),
        {
          kind: 'resolve',
          actionId: 'f1',
          title: 'Retry resolution as true positive',
          classification: 'truePositive',
          determination: 'Malware',
          comment: 'Contained.\nReimaged.',
        },
      );
      assert.deepEqual(retryOf({ kind: 'assign', params: { assignee: 'ana@contoso.com' } }), {
        kind: 'assign',
        actionId: 'f1',
        title: 'Retry assignment to ana@contoso.com',
        assignee: 'ana@contoso.com',
      });
    });

    it("should send '' for a parameter the action did not have, and the form's default for a type", () => {
      const retry = (kind: 'isolate' | 'scan' | 'resolve' | 'assign') =>
        fieldsOf(cardOf({ actions: [buildAction({ kind, state: 'failed', params: {} })] }).retry);
      assert.equal(retry('isolate').reason, '');
      assert.equal(retry('isolate').isolationType, 'Full');
      assert.equal(retry('scan').scanType, 'Quick');
      assert.deepEqual(
        [retry('resolve').classification, retry('resolve').determination, retry('resolve').comment],
        ['', '', ''],
      );
      assert.equal(retry('assign').assignee, '');
    });

    it('should offer a retry after a failure, a time-out or an expiry only', () => {
      const offered = ACTION_STATES.filter(
        (state) => 'retry' in cardOf({ actions: [buildAction({ state })] }),
      );
      assert.deepEqual(offered, ['failed', 'timeOut', 'expired']);
    });

    it('should look at the newest action only', () => {
      const data = cardOf({ actions: [buildAction({ id: 'ok', state: 'succeeded' }), failedIsolation] });
      assert.equal('retry' in data, false);
      assert.equal(
        cardOf({ actions: [failedIsolation, buildAction({ state: 'succeeded' })] }).retry?.actionId,
        'act-9',
      );
    });

    it("should use the card's machine when the action names none, and offer nothing without a machine", () => {
      const noMachine = buildAction({ state: 'failed', machineId: undefined });
      assert.equal(cardOf({ actions: [noMachine] }).retry?.kind, 'isolate');
      assert.equal(fieldsOf(cardOf({ actions: [noMachine] }).retry).machineId, MACHINE_ID);
      const alert = buildAlert({ machine: undefined });
      assert.equal('retry' in cardOf({ actions: [noMachine] }, alert), false);
    });

    it('should clean and cut every value it sends back', () => {
      const long = `\${x} ${'"'.repeat(2_000)}`;
      const action = buildAction({
        id: 'i'.repeat(500),
        kind: 'resolve',
        state: 'failed',
        params: {
          classification: long as never,
          determination: long,
          comment: long,
        },
      });
      const retry = fieldsOf(cardOf({ actions: [action] }).retry) as Record<string, string>;
      assert.ok(jsonCost(retry.actionId ?? '') <= CARD_LIMITS.id);
      assert.ok(jsonCost(retry.classification ?? '') <= CARD_LIMITS.retryParam);
      assert.ok(jsonCost(retry.determination ?? '') <= CARD_LIMITS.retryParam);
      assert.ok(jsonCost(retry.comment ?? '') <= CARD_LIMITS.retryComment);
      assert.ok(jsonCost(retry.title ?? '') <= CARD_LIMITS.retryTitle);
      assert.equal(JSON.stringify(retry).includes('${'), false);
    });
  });

  describe('isolated', () => {
    it('should be true only when the machine is known to be isolated', () => {
      assert.equal(cardOf({}).isolated, false);
      assert.equal(cardOf({ isolated: false }).isolated, false);
      assert.equal(cardOf({ isolated: true }).isolated, true);
    });

    it('should be false for an alert without a machine', () => {
      assert.equal(
        cardOf({ isolated: true }, buildAlert({ source: 'mcas', machine: undefined })).isolated,
        false,
      );
    });
  });

  describe('isolate facts and warning', () => {
    const isolateContext: AlertIsolateContext = {
      logonUsers: [{ name: 'amy', domain: 'CONTOSO' }, { name: 'localadmin' }],
      otherOpenAlerts: [
        { id: 'a1', title: 'Credential dumping', severity: 'high' },
        { id: 'a2', title: 'Suspicious PowerShell', severity: 'medium' },
      ],
    };

    it('should list tags, risk, exposure, last seen, logged-on users and other open alerts', () => {
      const machine = buildMachine({ lastSeen: '2021-01-26T20:44:10Z' });
      assert.deepEqual(cardOf({ machine, isolateContext }).isolateFacts, [
        { title: 'Tags', value: 'finance, tier1' },
        { title: 'Risk', value: 'High' },
        { title: 'Exposure', value: 'Medium' },
        { title: 'Last seen', value: '26 Jan 2021 20:44 UTC (1 min ago)' },
        { title: 'Logged-on users', value: 'CONTOSO\\amy, localadmin' },
        {
          title: 'Other open alerts',
          value: '2 — Credential dumping (High); Suspicious PowerShell (Medium)',
        },
      ]);
    });

    it('should show each fact only when it is known', () => {
      assert.deepEqual(cardOf({}).isolateFacts, []);
      const machine = buildMachine({
        tags: [],
        riskScore: 'unknown',
        exposureLevel: 'unknown',
        lastSeen: 'never',
      });
      assert.deepEqual(cardOf({ machine }).isolateFacts, []);
      assert.deepEqual(Object.keys(factsOf(cardOf({ isolateContext }))), [
        'Logged-on users',
        'Other open alerts',
      ]);
    });

    it('should say when nobody logs on and nothing else is open', () => {
      const facts = factsOf(cardOf({ isolateContext: { logonUsers: [], otherOpenAlerts: [] } }));
      assert.equal(facts['Logged-on users'], 'none reported');
      assert.equal(facts['Other open alerts'], 'none');
    });

    it('should name five users and count the rest', () => {
      const logonUsers = Array.from({ length: 9 }, (_, index) => ({ name: `u${index}`, domain: 'C' }));
      const facts = factsOf(cardOf({ isolateContext: { logonUsers, otherOpenAlerts: [] } }));
      assert.equal(facts['Logged-on users'], 'C\\u0, C\\u1, C\\u2, C\\u3, C\\u4 and 4 more');
    });

    it('should count the other open alerts and name three with their severity', () => {
      const otherOpenAlerts = Array.from({ length: 5 }, (_, index) => ({
        id: `a${index}`,
        title: `Alert ${index}`,
        severity: 'low' as const,
      }));
      const facts = factsOf(cardOf({ isolateContext: { logonUsers: [], otherOpenAlerts } }));
      assert.equal(facts['Other open alerts'], '5 — Alert 0 (Low); Alert 1 (Low); Alert 2 (Low) and 2 more');
    });

    it('should keep huge lists within their limits', () => {
      const logonUsers = Array.from({ length: 1_000 }, (_, index) => ({
        name: `${'"'.repeat(300)}${index}`,
      }));
      const otherOpenAlerts = Array.from({ length: 1_000 }, (_, index) => ({
        id: `${index}`,
        title: `\${x}${'\\'.repeat(3_000)}`,
        severity: 'high' as const,
      }));
      const facts = factsOf(cardOf({ isolateContext: { logonUsers, otherOpenAlerts } }));
      assert.ok(jsonCost(facts['Logged-on users'] ?? '') <= CARD_LIMITS.logonUsers);
      assert.ok(jsonCost(facts['Other open alerts'] ?? '') <= CARD_LIMITS.otherAlerts);
      assert.match(facts['Other open alerts'] ?? '', /^1,000 — .* more$/);
      assert.equal(JSON.stringify(facts).includes('${'), false);
    });

    it('should warn when the machine is protected', () => {
      const data = cardOf({
        isolateContext: { ...isolateContext, protectedReason: 'dc01.contoso.com is protected (tag tier0)' },
      });
      assert.equal(
        data.isolateWarning,
        'dc01.contoso.com is protected (tag tier0): a second responder must approve the isolation.',
      );
      assert.equal('isolateWarning' in cardOf({ isolateContext }), false);
    });

    it('should cut a long reason but keep what it means', () => {
      const warning = cardOf({
        isolateContext: { ...isolateContext, protectedReason: 'x'.repeat(1_000) },
      }).isolateWarning;
      assert.ok(jsonCost(warning ?? '') <= CARD_LIMITS.isolateWarning);
      assert.match(warning ?? '', /x…: a second responder must approve the isolation\.$/);
    });

    it('should leave the isolate facts and warning out for an alert without a machine', () => {
      const data = cardOf(
        { isolateContext: { ...isolateContext, protectedReason: 'p' } },
        buildAlert({ source: 'mcas', machine: undefined }),
      );
      assert.deepEqual(data.isolateFacts, []);
      assert.equal('isolateWarning' in data, false);
    });
  });

  describe('assignable', () => {
    it('should let Defender for Endpoint alerts be assigned until they are resolved', () => {
      assert.equal(cardOf({}).assignable, true);
      assert.equal(cardOf({}, buildAlert({ status: 'inProgress' })).assignable, true);
      assert.equal(cardOf({}, buildAlert({ status: 'resolved' })).assignable, false);
      assert.equal(cardOf({}, buildAlert({ source: 'mcas' })).assignable, false);
    });
  });
});
