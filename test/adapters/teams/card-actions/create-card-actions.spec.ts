import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { CardActionHandler } from '../../../../src/adapters/teams/card-actions/card-action-handler';
import { createCardActions } from '../../../../src/adapters/teams/card-actions/create-card-actions';
import type { Turn } from '../../../../src/adapters/teams/turn';
import { VERBS } from '../../../../src/domain/cards/verbs';
import type { ActionRequest } from '../../../../src/services/actions/action-request';
import type { ActionRequests } from '../../../../src/services/actions/action-requests';
import type { AuditRecord } from '../../../../src/services/audit/audit-log';
import { silentLogger } from '../../../../src/services/ports/logger.port';

const TENANT = '00000000-0000-0000-0000-000000000001';
const USER = {
  id: '29:megan',
  name: 'Megan Bowen',
  tenantId: TENANT,
  aadObjectId: 'AAAAAAAA-1111-4111-8111-111111111111',
};

/** A fake action service that records what it was asked, and a turn for `USER`. */
function harness(signInName?: string) {
  const requests: ActionRequest[] = [];
  const decisions: [string, string, string][] = [];
  const audited: AuditRecord[] = [];
  const actions: ActionRequests = {
    async request(request) {
      requests.push(request);
      return { status: 'nothingToDo', message: `asked ${request.kind}` };
    },
    async approve(by, actionId) {
      decisions.push(['approve', by.aadObjectId ?? '', actionId]);
      return { status: 'refused', reason: 'unknown', message: 'approve answered' };
    },
    async reject(by, actionId) {
      decisions.push(['reject', by.aadObjectId ?? '', actionId]);
      return { status: 'refused', reason: 'unknown', message: 'reject answered' };
    },
  };
  const audit = {
    async record(record: AuditRecord) {
      audited.push(record);
      return { ...record, id: audited.length, at: '', target: null, details: {}, prevHash: null, hash: '' };
    },
    recent: async () => [],
  };
  const table = createCardActions({ actions, audit });
  const turn: Turn = {
    activity: {} as Activity,
    user: USER,
    log: silentLogger,
    reply: async () => undefined,
    signInName: async () => signInName,
  };
  const click = (verb: string, data: Record<string, unknown>) => {
    const handler = table.get(verb) as CardActionHandler;
    return handler.handle({ verb: handler.verb, data: { alertId: 'da-1', ...data } }, turn);
  };
  return { table, click, requests, decisions, audited };
}

describe('createCardActions', () => {
  it('should have a handler for every verb, under its own name', () => {
    const { table } = harness();
    assert.deepEqual([...table.keys()].sort(), [...VERBS].sort());
    for (const [verb, handler] of table) assert.equal(handler.verb, verb);
  });

  it("should ask for each kind with the card's data, as the clicker (by Entra id, tenant and name)", async () => {
    const h = harness();
    assert.equal(
      await h.click('isolate', { machineId: 'm1', isolationType: 'Selective', reason: ' beacon ' }),
      'asked isolate',
    );
    await h.click('unisolate', { machineId: 'm1', reason: 'clean' });
    await h.click('scan', { machineId: 'm1' });
    await h.click('resolve', { classification: 'truePositive', determination: 'Malware', comment: 'done' });
    await h.click('assign', { assignee: 'grace@contoso.com' });
    assert.deepEqual(
      h.requests.map((r) => [r.kind, r.origin, r.machineId, r.params]),
      [
        ['isolate', 'card', 'm1', { isolationType: 'Selective', reason: 'beacon' }],
        ['unisolate', 'card', 'm1', { reason: 'clean' }],
        ['scan', 'card', 'm1', { scanType: 'Quick' }],
        [
          'resolve',
          'card',
          undefined,
          { classification: 'truePositive', determination: 'Malware', comment: 'done' },
        ],
        ['assign', 'card', undefined, { assignee: 'grace@contoso.com' }],
      ],
    );
    assert.deepEqual(h.requests[0]?.by, {
      tenantId: TENANT,
      name: 'Megan Bowen',
      aadObjectId: 'AAAAAAAA-1111-4111-8111-111111111111',
    });
  });

  it('should default isolation to Full, and treat an empty determination as none', async () => {
    const h = harness();
    await h.click('isolate', { machineId: 'm1', reason: 'x' });
    await h.click('resolve', { classification: 'falsePositive', determination: '' });
    assert.deepEqual(
      h.requests.map((r) => r.params),
      [{ isolationType: 'Full', reason: 'x' }, { classification: 'falsePositive' }],
    );
  });

  it('should assign to the clicker when no assignee is given, and say so when Teams cannot tell who that is', async () => {
    const known = harness('megan@contoso.com');
    await known.click('assign', { assignee: '' });
    assert.deepEqual(known.requests[0]?.params, { assignee: 'megan@contoso.com' });
    const unknown = harness(undefined);
    assert.match(String(await unknown.click('assign', {})), /could not read your sign-in name/);
    assert.deepEqual(unknown.requests, []);
    assert.equal(unknown.audited[0]?.outcome, 'refused');
  });

  it('should answer and audit data that does not fit the verb, asking nothing', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['isolate', { machineId: 'm1' }, /Give a reason/],
      ['isolate', { machineId: 'm1', reason: 'x'.repeat(201) }, /under 200 characters/],
      ['isolate', { machineId: 'm1', reason: 'x', isolationType: 'Total' }, /full or selective/],
      ['scan', { machineId: 'm1', scanType: 'Deep' }, /quick or a full scan/],
      ['resolve', {}, /Choose a classification/],
      ['resolve', { classification: 'truePositive', determination: 'DROP TABLE' }, /determination/],
      ['resolve', { classification: 'truePositive', comment: 'c'.repeat(1001) }, /1,000 characters/],
      [
        'resolve',
        { classification: 'truePositive', determination: 'Clean' },
        /does not go with the classification/,
      ],
      ['resolve', { classification: 'falsePositive', determination: 'Malware' }, /does not go with/],
      ['assign', { assignee: 'not a name' }, /sign-in name/],
      ['approve', {}, /actionId/],
    ];
    for (const [verb, data, expected] of cases) {
      const h = harness();
      const answer = String(await h.click(verb, data));
      assert.match(answer, /^That did not work: /, verb);
      assert.match(answer, expected, `${verb} ${JSON.stringify(data)}`);
      assert.deepEqual([h.requests, h.decisions], [[], []]);
      assert.deepEqual(
        [h.audited[0]?.action, h.audited[0]?.outcome, h.audited[0]?.details?.reason],
        [`alert.${verb}.request`, 'refused', 'invalid'],
      );
    }
  });

  it('should pass approvals and rejections to the service with the action id', async () => {
    const h = harness();
    assert.equal(await h.click('approve', { actionId: 'a-1' }), 'approve answered');
    assert.equal(await h.click('reject', { actionId: 'a-2' }), 'reject answered');
    assert.deepEqual(h.decisions, [
      ['approve', USER.aadObjectId, 'a-1'],
      ['reject', USER.aadObjectId, 'a-2'],
    ]);
  });
});
