import assert from 'node:assert/strict';
import { ACTIONS_OFF } from '../../../../src/adapters/teams/commands/request-action';
import { botHarness, IMPOSTOR } from '../bot-test-kit';
import {
  alertOn,
  ask,
  BOB,
  HOSTILE_ESCAPED,
  HOSTILE_TITLE,
  hasLink,
  MACHINE_ID,
  seed,
  WS042,
  withResponder,
} from './command-fixtures';

const ACCEPTED_TAIL = '. The card follows it until Defender is done.';

describe('typed response commands', () => {
  describe('isolate', () => {
    it("should isolate through the machine's newest open alert, with the command as origin", async () => {
      const h = await botHarness({ machines: [WS042] });
      await withResponder(h);
      await seed(
        h,
        alertOn({ id: 'da-old', createdAt: '2026-03-02T05:00:00Z' }),
        alertOn({ id: 'da-new', title: 'Newest', createdAt: '2026-03-02T07:00:00Z' }),
        alertOn({ id: 'da-closed', status: 'resolved', createdAt: '2026-03-02T08:00:00Z' }),
      );
      const answer = await ask(h, 'isolate WS-042 selective ransom note found', BOB);
      assert.equal(
        answer,
        `Selective isolation of ws-042 requested by Bob Responder at 09:00 UTC · sending to Defender${ACCEPTED_TAIL}\n\nThrough alert \`da-new\`: Newest.`,
      );
      const action = await h.store.repos.actions.get('action-1');
      assert.equal(action?.origin, 'command');
      assert.equal(action?.alertId, 'da-new');
      assert.equal(action?.machineId, MACHINE_ID);
      assert.deepEqual(action?.params, { isolationType: 'Selective', reason: 'ransom note found' });
      assert.equal(action?.requestedBy.aadObjectId, BOB.aadObjectId);
    });

    it('should take a machine id without asking Defender, and say when the same is already asked', async () => {
      const h = await botHarness({ machines: new Error('Defender must not be asked') });
      await seed(h, alertOn());
      const first = await ask(h, `isolate ${MACHINE_ID} "quoted reason"`);
      assert.match(first, /^Full isolation of ws-042 requested by Ana Admin/);
      assert.deepEqual((await h.store.repos.actions.get('action-1'))?.params, {
        isolationType: 'Full',
        reason: '"quoted reason"',
      });
      const again = await ask(h, `isolate ${MACHINE_ID} again`);
      assert.match(
        again,
        /^Full isolation of ws-042 requested by Ana Admin .*\. Nothing new was sent: one request per intent\./,
      );
      assert.equal(await h.store.repos.actions.get('action-2'), undefined);
    });

    it('should ask for a reason, and answer parse errors with their friendly message', async () => {
      const h = await botHarness({ machines: [WS042] });
      await seed(h, alertOn());
      assert.match(await ask(h, 'isolate ws-042'), /^Why isolate ws-042\? A reason is required/);
      assert.match(await ask(h, 'isolate ws-042 full'), /^Why isolate ws-042\?/);
      assert.match(await ask(h, 'isolate'), /^Which machine\? Expected a machine name or id/);
      assert.match(await ask(h, 'isolate <at>Bob</at> now'), /is a mention, not a machine/);
      assert.match(await ask(h, `isolate ws-042 ${'x'.repeat(1001)}`), /expected a reason of at most 1,000/);
      assert.equal(await h.store.repos.actions.get('action-1'), undefined);
    });

    it('should refuse a viewer before asking Defender, and audit it', async () => {
      const h = await botHarness({ machines: new Error('Defender must not be asked') });
      await seed(h, alertOn());
      assert.equal(
        await ask(h, 'isolate ws-042 because', IMPOSTOR),
        'Only responders and admins can ask for isolation. Ask an admin for the responder role (type `roles` to see who).',
      );
      const [entry] = await h.store.repos.audit.list({ limit: 1 });
      assert.deepEqual(
        [entry?.action, entry?.target, entry?.outcome, entry?.actor.aadObjectId],
        ['alert.isolate.request', 'ws-042', 'refused', IMPOSTOR.aadObjectId],
      );
      assert.equal(await h.store.repos.actions.get('action-1'), undefined);
    });

    it('should say Vigil acts through alerts when none is open for the machine', async () => {
      const h = await botHarness({ machines: [WS042] });
      await seed(h, alertOn({ status: 'resolved' }));
      assert.equal(
        await ask(h, 'isolate ws-042 ransom'),
        "Vigil acts on machines through their alerts, and none is open for ws-042 in Vigil: nothing was sent. Act in the Defender portal, or from the card of the machine's next alert.",
      );
    });

    it("should answer Defender's word on an unknown machine", async () => {
      const h = await botHarness({ machines: [WS042] });
      assert.equal(await ask(h, 'isolate pc-9 ransom'), 'Defender has no machine named pc-9.');
    });

    it('should escape outside text in the answer', async () => {
      const h = await botHarness();
      await seed(h, alertOn({ title: HOSTILE_TITLE, machine: { id: MACHINE_ID, name: 'ws_[x](http://e)' } }));
      const answer = await ask(h, `isolate ${MACHINE_ID} why`);
      assert.match(answer, /^Full isolation of ws\\_\\\[x\\\]\\\(http:\/\/e\\\) requested/);
      assert.ok(answer.endsWith(`Through alert \`da-1\`: ${HOSTILE_ESCAPED}.`), answer);
      assert.equal(hasLink(answer), false);
    });

    it('should say so when Vigil runs without response actions or machine lookups', async () => {
      const h = await botHarness({ deps: { actions: undefined, machines: undefined } });
      await seed(h, alertOn());
      assert.equal(await ask(h, 'isolate ws-042 why'), ACTIONS_OFF);
      assert.equal(await ask(h, 'resolve da-1 fp'), ACTIONS_OFF);
      assert.equal(await ask(h, 'machine ws-042'), 'Vigil cannot read machines from Defender here.');
      const noLookup = await botHarness({ deps: { machines: undefined } });
      assert.match(await ask(noLookup, 'scan ws-042'), /give ws-042's 40-character Defender id instead\.$/);
    });
  });

  describe('unisolate', () => {
    it('should release through the open alert with the reason, and ask for a missing reason', async () => {
      const h = await botHarness({ machines: [WS042] });
      await seed(h, alertOn());
      assert.match(await ask(h, 'unisolate ws-042'), /^Why release ws-042\? A reason is required/);
      const answer = await ask(h, 'unisolate ws-042 reimaged and clean');
      assert.match(answer, /^Release of ws-042 from isolation requested by Ana Admin at 09:00 UTC/);
      const action = await h.store.repos.actions.get('action-1');
      assert.deepEqual(
        [action?.kind, action?.origin, action?.params],
        ['unisolate', 'command', { reason: 'reimaged and clean' }],
      );
    });

    it('should refuse a viewer, and answer a missing machine', async () => {
      const h = await botHarness({ machines: [WS042] });
      await seed(h, alertOn());
      assert.match(
        await ask(h, 'unisolate ws-042 ok', IMPOSTOR),
        /^Only responders and admins can ask for release from isolation\./,
      );
      assert.match(await ask(h, 'unisolate'), /^Which machine\?/);
    });
  });

  describe('scan', () => {
    it('should scan, quick unless full, through the open alert', async () => {
      const h = await botHarness({ machines: [WS042] });
      await withResponder(h);
      await seed(h, alertOn());
      assert.match(
        await ask(h, 'scan ws-042.contoso.com FULL', BOB),
        /^Full antivirus scan of ws-042 requested by Bob Responder/,
      );
      assert.deepEqual((await h.store.repos.actions.get('action-1'))?.params, { scanType: 'Full' });
    });

    it('should answer parse errors, viewers and machines without an open alert', async () => {
      const h = await botHarness({ machines: [WS042] });
      assert.match(
        await ask(h, 'scan ws-042 deep'),
        /^`deep` is not a kind of scan: expected quick or full\./,
      );
      assert.match(await ask(h, 'scan ws-042 quick now'), /^I did not expect `now`/);
      assert.match(
        await ask(h, 'scan ws-042', IMPOSTOR),
        /^Only responders and admins can ask for antivirus scan\./,
      );
      assert.match(
        await ask(h, 'scan ws-042'),
        /^Vigil acts on machines through their alerts, and none is open for ws-042/,
      );
    });
  });

  describe('resolve', () => {
    it('should resolve with the classification and comment, through the action service', async () => {
      const h = await botHarness();
      await withResponder(h);
      await seed(h, alertOn({ title: HOSTILE_TITLE }));
      const answer = await ask(h, 'resolve da-1 falsepositive it was the [pen](http://x) test', BOB);
      assert.match(answer, /^Resolution as false positive requested by Bob Responder at 09:00 UTC/);
      assert.ok(answer.endsWith(`Through alert \`da-1\`: ${HOSTILE_ESCAPED}.`), answer);
      assert.equal(hasLink(answer), false);
      const action = await h.store.repos.actions.get('action-1');
      assert.deepEqual(
        [action?.kind, action?.origin, action?.params],
        [
          'resolve',
          'command',
          { classification: 'falsePositive', comment: 'it was the [pen](http://x) test' },
        ],
      );
    });

    it('should require a classification, and answer parse errors', async () => {
      const h = await botHarness();
      await seed(h, alertOn());
      assert.match(
        await ask(h, 'resolve da-1'),
        /^How should alert `da-1` be resolved\? A classification is required/,
      );
      assert.match(await ask(h, 'resolve da-1 benign stuff'), /^How should alert `da-1` be resolved\?/);
      assert.match(await ask(h, 'resolve'), /^Which alert\? Expected an alert id/);
      assert.match(await ask(h, 'resolve "da 1" tp'), /is not an alert id/);
      assert.equal(await h.store.repos.actions.get('action-1'), undefined);
    });

    it('should pass on refusals: viewers, unknown alerts, resolved alerts', async () => {
      const h = await botHarness();
      await seed(
        h,
        alertOn(),
        alertOn({ id: 'da-done', status: 'resolved', classification: 'truePositive' }),
      );
      assert.equal(
        await ask(h, 'resolve da-1 tp', IMPOSTOR),
        'Only responders and admins can ask for resolution. Ask an admin for the responder role.',
      );
      assert.equal(await ask(h, 'resolve da-404 tp'), 'Vigil does not know alert da-404.');
      assert.match(
        await ask(h, 'resolve da-done fp'),
        /^Alert da-done is already resolved \\\(truePositive\\\): nothing was sent\.$/,
      );
      const entries = await h.store.repos.audit.list({ limit: 3 });
      assert.deepEqual(entries.map((entry) => [entry.action, entry.outcome]).reverse(), [
        ['alert.resolve.request', 'refused'],
        ['alert.resolve.request', 'refused'],
        ['alert.resolve.request', 'succeeded'],
      ]);
    });
  });
});
