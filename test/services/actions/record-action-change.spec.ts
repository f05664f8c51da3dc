import assert from 'node:assert/strict';
import { sha256Hex } from '../../../src/adapters/audit/sha256-hex';
import type { ResponseAction } from '../../../src/domain/actions/response-action';
import { verifyChain } from '../../../src/domain/audit/chain';
import { cardGroupOf, recordActionChange } from '../../../src/services/actions/record-action-change';
import type { AuditLog, AuditRecord } from '../../../src/services/audit/audit-log';
import { toReplyMessage } from '../../../src/services/outbox/reply-payload';
import { type ActionKit, ALERT, actionKit, MACHINE, makeAlert, T0 } from './action-test-kit';

const now = new Date(T0).toISOString();

function makeAction(overrides: Partial<ResponseAction> = {}): ResponseAction {
  return {
    id: 'act-1',
    requestKey: `isolation:${MACHINE}`,
    kind: 'isolate',
    origin: 'card',
    tenantId: 'tenant-1',
    alertId: ALERT,
    machineId: MACHINE,
    machineName: 'pc-finance-01.contoso.com',
    params: { isolationType: 'Full', reason: 'ransomware' },
    requestedBy: { aadObjectId: 'ana-id', name: 'Ana Responder' },
    requestedAt: now,
    state: 'queued',
    attempts: 0,
    nextCheckAt: now,
    updatedAt: now,
    ...overrides,
  };
}

const requested: AuditRecord = {
  tenantId: 'tenant-1',
  actor: { aadObjectId: 'ana-id', name: 'Ana Responder' },
  action: 'alert.isolate.request',
  target: ALERT,
  outcome: 'succeeded',
  details: { actionId: 'act-1' },
};

describe('recordActionChange', () => {
  let kit: ActionKit;
  beforeEach(async () => {
    kit = await actionKit();
  });
  afterEach(() => kit.store.close());

  it("should insert a new action, queue its card's update and a reply, and audit it, together", async () => {
    const action = makeAction();
    await kit.store.transaction((tx) =>
      recordActionChange(
        tx,
        { action, isNew: true, nowIso: now, audit: requested, reply: 'Queued.' },
        kit.audit,
      ),
    );
    assert.deepEqual(await kit.action('act-1'), action);
    assert.deepEqual(await kit.drainOutbox(), [
      { kind: 'updateCard', groupId: 'group-1' },
      { kind: 'reply', groupId: 'group-1', text: 'Queued.', plain: true },
    ]);
    const entries = await kit.auditEntries();
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.actor.aadObjectId, entry.target, entry.outcome, entry.at]),
      [['alert.isolate.request', 'ana-id', ALERT, 'succeeded', now]],
    );
    assert.deepEqual(entries[0]?.details, { actionId: 'act-1' });
    assert.equal(verifyChain(entries, sha256Hex), undefined);
  });

  it('should store a new version over the old one, queueing only the card update when nothing else is given', async () => {
    await kit.store.repos.actions.insert(makeAction());
    const changed = makeAction({ state: 'inProgress', defenderActionId: 'ma-1', defenderStatus: 'Pending' });
    await kit.store.transaction((tx) =>
      recordActionChange(tx, { action: changed, isNew: false, nowIso: now }, kit.audit),
    );
    assert.deepEqual(await kit.action('act-1'), changed);
    assert.deepEqual(await kit.drainOutbox(), [{ kind: 'updateCard', groupId: 'group-1' }]);
    assert.deepEqual(await kit.auditEntries(), []);
  });

  it('should name the fold group as the card of an alert, and no card for an alert without one', async () => {
    await kit.seedAlert(makeAlert({ id: 'da-filtered' }));
    await kit.store.transaction(async (tx) => {
      assert.equal(await cardGroupOf(tx, ALERT), 'group-1');
      assert.equal(await cardGroupOf(tx, 'da-filtered'), undefined);
      assert.equal(await cardGroupOf(tx, 'da-unknown'), undefined);
    });
  });

  it('should still keep the action and its audit entry for an alert that has no card (no Teams work)', async () => {
    // An alert stored below the ingest filters has no fold group; the outbox only takes existing groups.
    await kit.seedAlert(makeAlert({ id: 'da-filtered' }));
    const action = makeAction({ alertId: 'da-filtered' });
    await kit.store.transaction((tx) =>
      recordActionChange(
        tx,
        { action, isNew: true, nowIso: now, audit: { ...requested, target: 'da-filtered' }, reply: 'hi' },
        kit.audit,
      ),
    );
    assert.deepEqual(await kit.action('act-1'), action);
    assert.deepEqual(await kit.drainOutbox(), []);
    assert.deepEqual(
      (await kit.auditLines()).map((line) => [line.action, line.target]),
      [['alert.isolate.request', 'da-filtered']],
    );
  });

  it('should keep nothing when the audit entry cannot be written', async () => {
    const failingAudit: AuditLog = {
      record: async () => {
        throw new Error('disk full');
      },
      recent: kit.audit.recent,
    };
    await assert.rejects(
      kit.store.transaction((tx) =>
        recordActionChange(
          tx,
          { action: makeAction(), isNew: true, nowIso: now, audit: requested, reply: 'Queued.' },
          failingAudit,
        ),
      ),
      /disk full/,
    );
    assert.equal(await kit.store.repos.actions.get('act-1'), undefined);
    assert.deepEqual(await kit.drainOutbox(), []);
  });

  it('should keep nothing when a second open action takes the same intent (STORE.CONFLICT)', async () => {
    await kit.store.repos.actions.insert(makeAction());
    await assert.rejects(
      kit.store.transaction((tx) =>
        recordActionChange(
          tx,
          { action: makeAction({ id: 'act-2' }), isNew: true, nowIso: now, audit: requested, reply: 'x' },
          kit.audit,
        ),
      ),
      { code: 'STORE.CONFLICT' },
    );
    assert.equal(await kit.store.repos.actions.get('act-2'), undefined);
    assert.deepEqual(await kit.drainOutbox(), []);
    assert.deepEqual(await kit.auditEntries(), []);
  });

  it('should refuse to update an action that was never recorded (STORE.NOT_FOUND), keeping nothing', async () => {
    await assert.rejects(
      kit.store.transaction((tx) =>
        recordActionChange(
          tx,
          { action: makeAction(), isNew: false, nowIso: now, audit: requested },
          kit.audit,
        ),
      ),
      { code: 'STORE.NOT_FOUND' },
    );
    assert.deepEqual(await kit.drainOutbox(), []);
    assert.deepEqual(await kit.auditEntries(), []);
  });

  it('should coalesce card updates still waiting, but queue every reply', async () => {
    await kit.store.transaction(async (tx) => {
      await recordActionChange(
        tx,
        { action: makeAction(), isNew: true, nowIso: now, reply: 'one' },
        kit.audit,
      );
      await recordActionChange(
        tx,
        { action: makeAction({ state: 'sending' }), isNew: false, nowIso: now, reply: 'two' },
        kit.audit,
      );
    });
    assert.deepEqual(await kit.drainOutbox(), [
      { kind: 'updateCard', groupId: 'group-1' },
      { kind: 'reply', groupId: 'group-1', text: 'one', plain: true },
      { kind: 'reply', groupId: 'group-1', text: 'two', plain: true },
    ]);
  });

  it('should queue the reply as plain text (`{ text, plain: true }`): it may quote outside text', async () => {
    const reply = 'Resolved by *Ana*: see <https://evil.example|here> [x](y)';
    await kit.store.transaction((tx) =>
      recordActionChange(tx, { action: makeAction(), isNew: true, nowIso: now, reply }, kit.audit),
    );
    const items = await kit.store.repos.outbox.claim(now, 10, new Date(T0 + 60_000).toISOString());
    assert.deepEqual(
      items.map((item) => [item.kind, item.payload]),
      [
        ['updateCard', {}],
        ['reply', { text: reply, plain: true }],
      ],
    );
    assert.deepEqual(toReplyMessage(items[1]?.payload ?? {}), { kind: 'text', text: reply, plain: true });
  });
});
