import assert from 'node:assert/strict';
import { raiseAlert, startAlertRaiser } from '../../../../src/simulator/mde/raise-alerts';
import type { MdeAlert } from '../../../../src/simulator/model/mde-types';
import { TestSimulator } from '../../../helpers/sim-client';

describe('the alert raiser', () => {
  it('should raise a deterministic sequence of alerts on machines that fit them', async () => {
    const first = await TestSimulator.start();
    const second = await TestSimulator.start();
    try {
      const raised = (sim: TestSimulator) =>
        Array.from({ length: 12 }, (_, n) => raiseAlert(sim.sim.ctx, n) as MdeAlert);
      const a = raised(first);
      const b = raised(second);
      assert.deepEqual(
        a.map((x) => [x.title, x.computerDnsName]),
        b.map((x) => [x.title, x.computerDnsName]),
      );
      assert.ok(new Set(a.map((x) => x.title)).size >= 8);
      const machines = first.sim.ctx.state.machines;
      for (const alert of a) {
        const machine = machines.get(alert.machineId ?? '');
        assert.ok(machine, alert.title);
        const unix = ['Linux', 'macOS'].includes(machine.osPlatform);
        if (/reverse shell/i.test(alert.title)) assert.ok(unix, alert.computerDnsName ?? '');
        if (/ransomware|mimikatz|powershell/i.test(alert.title))
          assert.ok(!unix, alert.computerDnsName ?? '');
        assert.equal(machine.onboardingStatus, 'onboarded');
        assert.equal(alert.status, 'New');
        assert.ok(first.sim.ctx.state.alerts.has(alert.id));
      }
      assert.equal(new Set(a.map((x) => x.id)).size, 12);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('should raise new alerts every alertEveryS seconds that a lastUpdateTime poll sees', async () => {
    const sim = await TestSimulator.start({ alertEveryS: 0.05 });
    try {
      const since = new Date(Date.now() - 5).toISOString();
      await new Promise((resolve) => setTimeout(resolve, 400));
      const result = await sim.call<{ value: MdeAlert[] }>(
        'GET',
        `/api/alerts?$filter=${encodeURIComponent(`lastUpdateTime gt ${since}`)}`,
        { token: 'all' },
      );
      assert.ok(result.body.value.length >= 2, `raised ${result.body.value.length}`);
    } finally {
      await sim.stop();
    }
  });

  it('should raise nothing with 0 and stop when asked', async () => {
    const sim = await TestSimulator.start({ alertEveryS: 0 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(sim.sim.ctx.state.alerts.size, 7);
      const stop = startAlertRaiser(sim.sim.ctx, 0.02);
      await new Promise((resolve) => setTimeout(resolve, 150));
      stop();
      const count = sim.sim.ctx.state.alerts.size;
      assert.ok(count > 7);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(sim.sim.ctx.state.alerts.size, count);
    } finally {
      await sim.stop();
    }
  });
});
