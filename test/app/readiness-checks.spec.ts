import assert from 'node:assert/strict';
import { runReadiness } from '../../src/adapters/http/readiness';
import { createPollTracker, readinessChecks } from '../../src/app/readiness-checks';
import type { Store } from '../../src/services/ports/store.port';
import type { SocChannel } from '../../src/services/teams/soc-channel';

function setup(options: { channel?: string; storeFails?: boolean } = {}) {
  let now = 1_000_000;
  const clock = { now: () => now };
  const store = {
    repos: {
      settings: {
        get: async () => {
          if (options.storeFails) throw new Error('SQLITE_CANTOPEN');
          return undefined;
        },
      },
    },
  } as unknown as Store;
  const socChannel: SocChannel = { get: async () => options.channel, set: async () => undefined };
  const mdePolls = createPollTracker(clock);
  const checks = readinessChecks({ store, socChannel, mdePolls, clock, pollIntervalS: 30 });
  return { checks, mdePolls, advance: (ms: number) => (now += ms) };
}

describe('readinessChecks', () => {
  it('should be ready when the store answers, a SOC channel is known and MDE was polled recently', async () => {
    const { checks, mdePolls, advance } = setup({ channel: '19:soc' });
    mdePolls.succeeded();
    advance(10_000);
    const report = await runReadiness(checks);
    assert.equal(report.ready, true);
    assert.deepEqual(report.checks, [
      { name: 'store', ok: true, detail: 'answers' },
      { name: 'socChannel', ok: true, detail: '19:soc' },
      { name: 'mdePoll', ok: true, detail: 'last succeeded 10 s ago' },
    ]);
  });

  it('should not be ready before the first poll, without a SOC channel, or when the store fails', async () => {
    const report = await runReadiness(setup({ storeFails: true }).checks);
    assert.equal(report.ready, false);
    assert.deepEqual(
      report.checks.map((c) => [c.name, c.ok, c.detail]),
      [
        ['store', false, 'SQLITE_CANTOPEN'],
        ['socChannel', false, 'not chosen yet: install Vigil in a team, or type `channel here` in one'],
        ['mdePoll', false, 'no successful poll yet'],
      ],
    );
  });

  it('should call a poll stale after three intervals (at least a minute)', async () => {
    const { checks, mdePolls, advance } = setup({ channel: '19:soc' });
    mdePolls.succeeded();
    advance(90_000);
    assert.equal((await runReadiness(checks)).ready, true);
    advance(1_000);
    const report = await runReadiness(checks);
    assert.equal(report.ready, false);
    assert.equal(report.checks[2]?.detail, 'last succeeded 91 s ago');
  });
});
