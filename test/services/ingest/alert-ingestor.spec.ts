import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { Store } from '../../../src/services/ports/store.port';
import {
  at,
  kinds,
  openTestStore,
  recordingLogger,
  takeOutbox,
  testAlert,
  testIngestor,
} from './helpers/ingest-fixtures';

describe('createAlertIngestor', () => {
  let store: Store;

  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(() => store.close());

  describe('a new alert', () => {
    it('should store it, found a group and queue exactly one postCard', async () => {
      const ingestor = testIngestor(store);
      const alert = testAlert();

      assert.equal(await ingestor.ingest(alert), 'new');

      const items = await takeOutbox(store);
      assert.deepEqual(kinds(items), ['postCard']);
      const stored = await store.repos.alerts.get(alert.id);
      assert.deepEqual(stored?.alert, alert);
      assert.equal(stored?.groupId, items[0]?.groupId);
      const group = await store.repos.folds.get(items[0]?.groupId ?? '');
      assert.equal(group?.rootAlertId, alert.id);
      assert.deepEqual(group?.machineNames, ['ws-001.contoso.com']);
      assert.deepEqual(ingestor.metrics.ingested, ['mde:new']);
    });

    it('should change nothing and queue nothing when the same version comes again', async () => {
      const ingestor = testIngestor(store);
      await ingestor.ingest(testAlert());
      await takeOutbox(store);

      assert.equal(await ingestor.ingest(testAlert()), 'unchanged');
      assert.equal(await ingestor.ingest(structuredClone(testAlert())), 'unchanged');

      assert.deepEqual(await takeOutbox(store), []);
      assert.equal(await store.repos.alerts.count(), 1);
      assert.deepEqual(ingestor.metrics.ingested, ['mde:new', 'mde:unchanged', 'mde:unchanged']);
    });

    it('should post one card when two callers ingest the same alert at once', async () => {
      const ingestor = testIngestor(store);
      const outcomes = await Promise.all([ingestor.ingest(testAlert()), ingestor.ingest(testAlert())]);

      assert.deepEqual([...outcomes].sort(), ['new', 'unchanged']);
      assert.deepEqual(kinds(await takeOutbox(store)), ['postCard']);
    });

    it('should call onQueued after the transaction has committed, and only when something was queued', async () => {
      let depthSeen = -1;
      const onQueued = sinon.spy(() => {
        void store.repos.outbox.depth().then((depth) => {
          depthSeen = depth;
        });
      });
      const ingestor = testIngestor(store, { onQueued });

      await ingestor.ingest(testAlert());
      await ingestor.ingest(testAlert());
      await ingestor.ingest(testAlert({ id: 'low-1', severity: 'low', status: 'resolved' }));
      await store.repos.outbox.depth();

      assert.equal(onQueued.callCount, 1);
      assert.equal(depthSeen, 1, 'the postCard is visible when onQueued runs');
    });

    it('should still report the outcome when onQueued throws', async () => {
      const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
      const ingestor = testIngestor(store, {
        onQueued: () => {
          throw new Error('worker gone');
        },
        logger: recordingLogger(lines),
      });
      assert.equal(await ingestor.ingest(testAlert()), 'new');
      assert.ok(lines.some((line) => line.level === 'warn' && line.fields.alertId === testAlert().id));
    });
  });

  describe('a changed alert', () => {
    it('should queue a card update and a reply naming a status change', async () => {
      const ingestor = testIngestor(store);
      await ingestor.ingest(testAlert());
      const [post] = await takeOutbox(store);

      const outcome = await ingestor.ingest(testAlert({ status: 'inProgress', updatedAt: at(30) }));

      assert.equal(outcome, 'changed');
      const items = await takeOutbox(store);
      assert.deepEqual(kinds(items), ['updateCard', 'reply']);
      assert.ok(items.every((item) => item.groupId === post?.groupId));
      assert.deepEqual(items[1]?.payload, { text: 'Status: New → In progress', alertId: testAlert().id });
      assert.equal((await store.repos.alerts.get(testAlert().id))?.alert.status, 'inProgress');
    });

    it('should update the card without a reply when nothing significant changed', async () => {
      const ingestor = testIngestor(store);
      await ingestor.ingest(testAlert());
      await takeOutbox(store);

      assert.equal(
        await ingestor.ingest(testAlert({ description: 'Reworded.', updatedAt: at(30) })),
        'changed',
      );
      assert.deepEqual(kinds(await takeOutbox(store)), ['updateCard']);
    });

    it('should ignore a version older than the stored one', async () => {
      const ingestor = testIngestor(store);
      await ingestor.ingest(testAlert({ status: 'resolved', updatedAt: at(90) }));
      await ingestor.ingest(testAlert({ status: 'inProgress', updatedAt: at(100) }));
      await takeOutbox(store);

      assert.equal(await ingestor.ingest(testAlert({ status: 'new', updatedAt: at(50) })), 'unchanged');
      assert.deepEqual(await takeOutbox(store), []);
      assert.equal((await store.repos.alerts.get(testAlert().id))?.alert.status, 'inProgress');
    });

    it('should queue the reply once however often the changed version is ingested', async () => {
      const ingestor = testIngestor(store);
      await ingestor.ingest(testAlert());
      const changed = testAlert({ assignedTo: 'amy@contoso.com', updatedAt: at(30) });
      await ingestor.ingest(changed);
      await ingestor.ingest(changed);
      await ingestor.ingest(changed);

      assert.deepEqual(kinds(await takeOutbox(store)), ['postCard', 'updateCard', 'reply']);
    });
  });

  describe('filters', () => {
    const filters = { minSeverity: 'medium', statuses: ['new', 'inProgress'] } as const;

    it('should store an alert below the filters without a card, then post it once it passes', async () => {
      const ingestor = testIngestor(store, { filters });
      const low = testAlert({ severity: 'low' });

      assert.equal(await ingestor.ingest(low), 'filtered');
      assert.equal(await ingestor.ingest(low), 'unchanged');
      assert.deepEqual(await takeOutbox(store), []);
      assert.equal((await store.repos.alerts.get(low.id))?.groupId, null);

      assert.equal(await ingestor.ingest(testAlert({ severity: 'high', updatedAt: at(30) })), 'new');
      assert.deepEqual(kinds(await takeOutbox(store)), ['postCard']);
    });

    it('should not post an alert first seen in a status that is not posted', async () => {
      const ingestor = testIngestor(store, { filters });
      assert.equal(await ingestor.ingest(testAlert({ status: 'resolved' })), 'filtered');
      assert.deepEqual(await takeOutbox(store), []);
      assert.deepEqual(ingestor.metrics.ingested, ['mde:filtered']);
    });

    it('should keep updating a posted card after the alert leaves the filters', async () => {
      const ingestor = testIngestor(store, { filters });
      await ingestor.ingest(testAlert());
      await takeOutbox(store);

      assert.equal(await ingestor.ingest(testAlert({ status: 'resolved', updatedAt: at(30) })), 'changed');
      assert.deepEqual(kinds(await takeOutbox(store)), ['updateCard', 'reply']);
    });
  });

  describe('storms', () => {
    const onMachine = (n: number, machine: string, seconds: number) =>
      testAlert({
        id: `storm-${n}`,
        createdAt: at(seconds),
        updatedAt: at(seconds),
        machine: { id: machine.padEnd(40, '0'), name: machine },
      });

    it('should fold alerts of one title on the same machine into the first card', async () => {
      const ingestor = testIngestor(store);
      assert.equal(await ingestor.ingest(onMachine(1, 'pc-1', 0)), 'new');
      assert.equal(await ingestor.ingest(onMachine(2, 'PC-1', 60)), 'folded');
      assert.equal(await ingestor.ingest(onMachine(3, 'pc-1', 120)), 'folded');

      const items = await takeOutbox(store);
      assert.deepEqual(kinds(items), ['postCard', 'updateCard'], 'the folds coalesce into one update');
      const group = await store.repos.folds.get(items[0]?.groupId ?? '');
      assert.equal(group?.count, 3);
      assert.deepEqual(group?.alertIds, ['storm-1', 'storm-2', 'storm-3']);
      assert.equal((await store.repos.alerts.get('storm-3'))?.groupId, group?.id);
    });

    it('should fold across machines once the threshold is reached, listing the machines', async () => {
      const ingestor = testIngestor(store);
      const outcomes = [];
      for (let n = 1; n <= 7; n += 1) outcomes.push(await ingestor.ingest(onMachine(n, `pc-${n}`, n * 10)));

      assert.deepEqual(outcomes, ['new', 'new', 'new', 'new', 'folded', 'folded', 'folded']);
      const items = await takeOutbox(store);
      assert.equal(kinds(items).filter((kind) => kind === 'postCard').length, 4);
      const folded = await store.repos.alerts.get('storm-7');
      const group = await store.repos.folds.get(folded?.groupId ?? '');
      assert.equal(group?.count, 4);
      assert.deepEqual(group?.machineNames, ['pc-4', 'pc-5', 'pc-6', 'pc-7']);
    });

    it('should not fold alerts further apart than the window', async () => {
      const ingestor = testIngestor(store);
      assert.equal(await ingestor.ingest(onMachine(1, 'pc-1', 0)), 'new');
      assert.equal(await ingestor.ingest(onMachine(2, 'pc-1', 601)), 'new');
    });

    it('should not count a replayed folded alert twice', async () => {
      const ingestor = testIngestor(store);
      await ingestor.ingest(onMachine(1, 'pc-1', 0));
      await ingestor.ingest(onMachine(2, 'pc-1', 10));
      await ingestor.ingest(onMachine(2, 'pc-1', 10));
      const group = await store.repos.folds.get((await store.repos.alerts.get('storm-1'))?.groupId ?? '');
      assert.equal(group?.count, 2);
    });

    it('should update a storm card, without a reply, when a folded alert changes', async () => {
      const ingestor = testIngestor(store);
      await ingestor.ingest(onMachine(1, 'pc-1', 0));
      await ingestor.ingest(onMachine(2, 'pc-1', 10));
      await takeOutbox(store);

      const resolved = { ...onMachine(2, 'pc-1', 10), status: 'resolved' as const, updatedAt: at(500) };
      assert.equal(await ingestor.ingest(resolved), 'changed');
      assert.deepEqual(kinds(await takeOutbox(store)), ['updateCard']);
    });

    it('should turn a storm of 2,000 alerts over 300 machines into 4 cards', async function () {
      this.timeout(60_000);
      const ingestor = testIngestor(store);
      const outcomes = new Map<string, number>();
      for (let n = 0; n < 2000; n += 1) {
        const outcome = await ingestor.ingest(onMachine(n, `pc-${n % 300}`, Math.floor(n / 10)));
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }

      assert.deepEqual(Object.fromEntries(outcomes), { new: 4, folded: 1996 });
      const items = await takeOutbox(store);
      assert.equal(kinds(items).filter((kind) => kind === 'postCard').length, 4);
      const groups = await store.repos.folds.openGroups('mde:suspicious powershell command line', at(-3600));
      assert.equal(
        groups.reduce((sum, group) => sum + group.count, 0),
        2000,
      );
      const machines = new Set(groups.flatMap((group) => group.machineNames));
      assert.equal(machines.size, 300);
    });
  });
});
