import assert from 'node:assert/strict';
import type { Machine, MachineLogonUser } from '../../../src/domain/machines/machine';
import { createMachineCache, type MachineCacheSettings } from '../../../src/services/outbox/machine-cache';
import type { Clock } from '../../../src/services/ports/clock.port';
import { recordingLogger } from '../../helpers/recording-logger';
import { makeMachine, T0 } from './outbox-test-kit';

const SETTINGS: MachineCacheSettings = { ttlMs: 5 * 60_000, failureTtlMs: 60_000, maxEntries: 3 };

class FakeClock implements Clock {
  ms = T0;
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A Defender port that counts its calls per machine and fails while told to. */
class CountingMde {
  readonly machineCalls: string[] = [];
  readonly logonCalls: string[] = [];
  failing = false;
  version = 1;

  getMachine = async (id: string): Promise<Machine> => {
    this.machineCalls.push(id);
    if (this.failing) throw Object.assign(new Error('Defender is down'), { code: 'ECONNREFUSED' });
    return makeMachine({ id, name: `${id}.contoso.com`, osVersion: `v${this.version}` });
  };

  getMachineLogonUsers = async (id: string): Promise<MachineLogonUser[]> => {
    this.logonCalls.push(id);
    if (this.failing) throw new Error('Defender is down');
    return [{ name: `user-of-${id}`, domain: 'CONTOSO' }, { name: `v${this.version}` }];
  };
}

function setup(settings: MachineCacheSettings = SETTINGS) {
  const clock = new FakeClock();
  const mde = new CountingMde();
  const logger = recordingLogger();
  const cache = createMachineCache(mde, clock, logger, settings);
  return { clock, mde, logger, cache };
}

describe('createMachineCache', () => {
  describe('lookup', () => {
    it('should ask Defender once per machine within ttlMs and return the same machine', async () => {
      const { clock, mde, cache } = setup();
      const first = await cache.lookup('m-1');
      clock.advance(SETTINGS.ttlMs - 1);
      mde.version = 2;
      const second = await cache.lookup('m-1');
      assert.deepEqual(mde.machineCalls, ['m-1']);
      assert.equal(first?.name, 'm-1.contoso.com');
      assert.equal(second?.osVersion, 'v1');
    });

    it('should ask Defender again once ttlMs has passed, and return the new answer', async () => {
      const { clock, mde, cache } = setup();
      await cache.lookup('m-1');
      clock.advance(SETTINGS.ttlMs);
      mde.version = 2;
      const again = await cache.lookup('m-1');
      assert.deepEqual(mde.machineCalls, ['m-1', 'm-1']);
      assert.equal(again?.osVersion, 'v2');
    });

    it('should cache each machine on its own', async () => {
      const { mde, cache } = setup();
      const one = await cache.lookup('m-1');
      const two = await cache.lookup('m-2');
      await cache.lookup('m-1');
      await cache.lookup('m-2');
      assert.deepEqual(mde.machineCalls, ['m-1', 'm-2']);
      assert.equal(one?.id, 'm-1');
      assert.equal(two?.id, 'm-2');
    });

    it('should return undefined on a failure, log a warning, and not ask again within failureTtlMs', async () => {
      const { clock, mde, logger, cache } = setup();
      mde.failing = true;
      assert.equal(await cache.lookup('m-1'), undefined);
      clock.advance(SETTINGS.failureTtlMs - 1);
      mde.failing = false;
      assert.equal(await cache.lookup('m-1'), undefined);
      assert.deepEqual(mde.machineCalls, ['m-1']);
      const warnings = logger.lines.filter((line) => line.level === 'warn');
      assert.equal(warnings.length, 1);
      assert.equal(warnings[0]?.fields.machineId, 'm-1');
      assert.deepEqual(warnings[0]?.fields.error, {
        name: 'Error',
        message: 'Defender is down',
        code: 'ECONNREFUSED',
      });
      assert.match(warnings[0]?.message ?? '', /machine/);
    });

    it('should ask again once failureTtlMs has passed, sooner than ttlMs', async () => {
      const { clock, mde, cache } = setup();
      mde.failing = true;
      await cache.lookup('m-1');
      clock.advance(SETTINGS.failureTtlMs);
      mde.failing = false;
      const machine = await cache.lookup('m-1');
      assert.deepEqual(mde.machineCalls, ['m-1', 'm-1']);
      assert.equal(machine?.id, 'm-1');
    });

    it('should keep a good answer for ttlMs even after a failure of another machine', async () => {
      const { clock, mde, cache } = setup();
      await cache.lookup('m-1');
      mde.failing = true;
      assert.equal(await cache.lookup('m-2'), undefined);
      clock.advance(SETTINGS.failureTtlMs);
      assert.equal((await cache.lookup('m-1'))?.id, 'm-1');
      assert.deepEqual(mde.machineCalls, ['m-1', 'm-2']);
    });

    it('should evict the oldest machine once more than maxEntries are kept', async () => {
      const { mde, cache } = setup();
      for (const id of ['m-1', 'm-2', 'm-3', 'm-4']) await cache.lookup(id);
      assert.deepEqual(mde.machineCalls, ['m-1', 'm-2', 'm-3', 'm-4']);
      await cache.lookup('m-2');
      await cache.lookup('m-3');
      await cache.lookup('m-4');
      assert.equal(mde.machineCalls.length, 4, 'the three newest are still kept');
      await cache.lookup('m-1');
      assert.deepEqual(mde.machineCalls, ['m-1', 'm-2', 'm-3', 'm-4', 'm-1'], 'the oldest was evicted');
    });

    it('should count a machine asked again as the newest when choosing the oldest', async () => {
      const { clock, mde, cache } = setup();
      mde.failing = true;
      await cache.lookup('m-1');
      mde.failing = false;
      await cache.lookup('m-2');
      await cache.lookup('m-3');
      clock.advance(SETTINGS.failureTtlMs);
      await cache.lookup('m-1'); // its failure is forgotten: asked again and kept as the newest
      await cache.lookup('m-4'); // one too many: m-2 is the oldest now
      mde.machineCalls.length = 0;
      for (const id of ['m-1', 'm-3', 'm-4']) await cache.lookup(id);
      assert.deepEqual(mde.machineCalls, []);
      await cache.lookup('m-2');
      assert.deepEqual(mde.machineCalls, ['m-2']);
    });
  });

  it('should ask Defender once for lookups of the same machine made at the same time', async () => {
    const { mde, logger, cache } = setup();
    const machines = await Promise.all([cache.lookup('m-1'), cache.lookup('m-1'), cache.lookup('m-2')]);
    const users = await Promise.all([cache.logonUsers('m-1'), cache.logonUsers('m-1')]);
    assert.deepEqual(mde.machineCalls, ['m-1', 'm-2']);
    assert.deepEqual(mde.logonCalls, ['m-1']);
    assert.deepEqual(
      machines.map((machine) => machine?.id),
      ['m-1', 'm-1', 'm-2'],
    );
    assert.deepEqual(users[0], users[1]);
    mde.failing = true;
    const failed = await Promise.all([cache.lookup('m-3'), cache.lookup('m-3')]);
    assert.deepEqual(failed, [undefined, undefined]);
    assert.deepEqual(mde.machineCalls, ['m-1', 'm-2', 'm-3']);
    assert.equal(logger.lines.filter((line) => line.level === 'warn').length, 1);
  });

  describe('logonUsers', () => {
    it('should ask Defender once per machine within ttlMs, apart from the machine lookups', async () => {
      const { clock, mde, cache } = setup();
      const users = await cache.logonUsers('m-1');
      await cache.lookup('m-1');
      clock.advance(SETTINGS.ttlMs - 1);
      mde.version = 2;
      assert.deepEqual(await cache.logonUsers('m-1'), users);
      assert.deepEqual(users, [{ name: 'user-of-m-1', domain: 'CONTOSO' }, { name: 'v1' }]);
      assert.deepEqual(mde.logonCalls, ['m-1']);
      assert.deepEqual(mde.machineCalls, ['m-1']);
      clock.advance(1);
      assert.deepEqual(await cache.logonUsers('m-1'), [
        { name: 'user-of-m-1', domain: 'CONTOSO' },
        { name: 'v2' },
      ]);
      assert.deepEqual(mde.logonCalls, ['m-1', 'm-1']);
    });

    it('should remember a failure for failureTtlMs and log a warning about the logged-on users', async () => {
      const { clock, mde, logger, cache } = setup();
      mde.failing = true;
      assert.equal(await cache.logonUsers('m-1'), undefined);
      mde.failing = false;
      clock.advance(SETTINGS.failureTtlMs - 1);
      assert.equal(await cache.logonUsers('m-1'), undefined);
      assert.deepEqual(mde.logonCalls, ['m-1']);
      clock.advance(1);
      assert.equal((await cache.logonUsers('m-1'))?.length, 2);
      assert.deepEqual(mde.logonCalls, ['m-1', 'm-1']);
      const warnings = logger.lines.filter((line) => line.level === 'warn');
      assert.equal(warnings.length, 1);
      assert.equal(warnings[0]?.fields.machineId, 'm-1');
      assert.match(warnings[0]?.message ?? '', /logged-on users/);
    });

    it('should keep a machine lookup failure apart from its logged-on users', async () => {
      const { mde, cache } = setup();
      mde.failing = true;
      await cache.lookup('m-1');
      mde.failing = false;
      assert.equal((await cache.logonUsers('m-1'))?.length, 2);
    });

    it('should evict the oldest logged-on users past maxEntries', async () => {
      const { mde, cache } = setup();
      for (const id of ['m-1', 'm-2', 'm-3', 'm-4', 'm-1']) await cache.logonUsers(id);
      assert.deepEqual(mde.logonCalls, ['m-1', 'm-2', 'm-3', 'm-4', 'm-1']);
    });

    it('should return undefined without asking when the port cannot list logged-on users', async () => {
      const mde = new CountingMde();
      const logger = recordingLogger();
      const cache = createMachineCache({ getMachine: mde.getMachine }, new FakeClock(), logger, SETTINGS);
      assert.equal(await cache.logonUsers('m-1'), undefined);
      assert.equal((await cache.lookup('m-1'))?.id, 'm-1');
      assert.deepEqual(mde.logonCalls, []);
      assert.deepEqual(logger.lines, []);
    });

    it('should call the port as a method, keeping its this', async () => {
      const calls: string[] = [];
      const port = {
        prefix: 'seen-',
        async getMachine(id: string): Promise<Machine> {
          calls.push(`${this.prefix}${id}`);
          return makeMachine({ id });
        },
        async getMachineLogonUsers(id: string): Promise<MachineLogonUser[]> {
          calls.push(`${this.prefix}${id}`);
          return [];
        },
      };
      const cache = createMachineCache(port, new FakeClock(), recordingLogger(), SETTINGS);
      await cache.lookup('m-1');
      assert.deepEqual(await cache.logonUsers('m-2'), []);
      assert.deepEqual(calls, ['seen-m-1', 'seen-m-2']);
    });
  });

  it('should use a five minute cache and a one minute failure memory by default', async () => {
    const clock = new FakeClock();
    const mde = new CountingMde();
    const cache = createMachineCache(mde, clock, recordingLogger());
    await cache.lookup('m-1');
    clock.advance(5 * 60_000 - 1);
    await cache.lookup('m-1');
    assert.equal(mde.machineCalls.length, 1);
    clock.advance(1);
    await cache.lookup('m-1');
    assert.equal(mde.machineCalls.length, 2);
    mde.failing = true;
    await cache.lookup('m-2');
    clock.advance(60_000 - 1);
    await cache.lookup('m-2');
    assert.equal(mde.machineCalls.length, 3);
    clock.advance(1);
    await cache.lookup('m-2');
    assert.equal(mde.machineCalls.length, 4);
  });
});
