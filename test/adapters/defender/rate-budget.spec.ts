import assert from 'node:assert/strict';
import sinon from 'sinon';
import { type BudgetClock, RateBudget, type RateSlot } from '../../../src/adapters/defender/rate-budget';
import { DEFENDER_RATE_LIMITS } from '../../../src/adapters/defender/rate-family';

type FakeClock = sinon.SinonFakeTimers;

function budgetClock(clock: FakeClock): BudgetClock {
  return {
    now: () => clock.now,
    setTimeout: (callback, ms) => clock.setTimeout(callback, ms),
    clearTimeout: (handle) => clock.clearTimeout(handle as ReturnType<FakeClock['setTimeout']>),
  };
}

/** Acquires n slots, recording when each was granted; releases each at once unless told not to. */
function burst(
  budget: RateBudget,
  family: 'mde' | 'mde-batch' | 'hunting' | 'mcas',
  n: number,
  clock: FakeClock,
  release = true,
) {
  const grantedAt: number[] = [];
  const slots: RateSlot[] = [];
  for (let i = 0; i < n; i += 1) {
    void budget.acquire(family).then((slot) => {
      grantedAt.push(clock.now);
      slots.push(slot);
      if (release) slot.release();
    });
  }
  return { grantedAt, slots };
}

describe('RateBudget', () => {
  let clock: FakeClock;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: 1_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => clock.restore());

  it("should grant 95 of MDE's 100 calls per minute at once and make the rest wait a minute", async () => {
    const budget = new RateBudget({ clock: budgetClock(clock) });
    const { grantedAt } = burst(budget, 'mde', 150, clock);
    await clock.tickAsync(0);
    assert.equal(grantedAt.length, 95);
    assert.equal(budget.waiting('mde'), 55);
    await clock.tickAsync(60_000);
    assert.equal(grantedAt.length, 95, 'a minute (plus 1% margin) has not passed yet');
    await clock.tickAsync(700);
    assert.equal(grantedAt.length, 150);
    budget.dispose();
  });

  it('should scale the windows with timeScale', async () => {
    const budget = new RateBudget({ clock: budgetClock(clock), timeScale: 0.01 });
    const { grantedAt } = burst(budget, 'mde-batch', 12, clock);
    await clock.tickAsync(0);
    assert.equal(grantedAt.length, 9, 'batchUpdate allows 10/min; 9 after the reserve');
    await clock.tickAsync(607);
    assert.equal(grantedAt.length, 12);
  });

  it('should keep the hourly limit too', async () => {
    const budget = new RateBudget({ clock: budgetClock(clock), timeScale: 0.001 });
    const { grantedAt } = burst(budget, 'hunting', 1500, clock);
    // 42 per 60 ms; the hour (3.6 s scaled) allows 1,425.
    await clock.tickAsync(3_000);
    assert.equal(grantedAt.length, 1425);
    await clock.tickAsync(700);
    assert.equal(grantedAt.length, 1500);
  });

  it('should grant in request order', async () => {
    const budget = new RateBudget({
      clock: budgetClock(clock),
      limits: { ...DEFENDER_RATE_LIMITS, mcas: [{ limit: 2, windowMs: 1000 }] },
      reserve: 0,
    });
    const order: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      void budget.acquire('mcas').then((slot) => {
        order.push(i);
        slot.release();
      });
    }
    await clock.tickAsync(5_000);
    assert.deepEqual(order, [0, 1, 2, 3, 4, 5]);
  });

  it('should count a call until its answer arrives, and in the window from then on', async () => {
    const budget = new RateBudget({
      clock: budgetClock(clock),
      limits: { ...DEFENDER_RATE_LIMITS, mcas: [{ limit: 2, windowMs: 1000 }] },
      reserve: 0,
    });
    const first = burst(budget, 'mcas', 2, clock, false);
    const later = burst(budget, 'mcas', 1, clock);
    await clock.tickAsync(5_000);
    assert.equal(later.grantedAt.length, 0, 'both calls are still under way');
    first.slots[0]?.release();
    await clock.tickAsync(1_009);
    assert.equal(later.grantedAt.length, 0, 'the first call counts in the window from its answer on');
    await clock.tickAsync(2);
    assert.equal(later.grantedAt.length, 1);
  });

  it('should hold a family until a Retry-After has passed', async () => {
    const budget = new RateBudget({ clock: budgetClock(clock) });
    budget.holdUntil('mde', clock.now + 2_000);
    const { grantedAt } = burst(budget, 'mde', 1, clock);
    await clock.tickAsync(1_999);
    assert.equal(grantedAt.length, 0);
    await clock.tickAsync(1);
    assert.deepEqual(grantedAt, [1_002_000]);
  });

  it('should keep families apart', async () => {
    const budget = new RateBudget({ clock: budgetClock(clock) });
    burst(budget, 'mde', 100, clock);
    const hunting = burst(budget, 'hunting', 1, clock);
    await clock.tickAsync(0);
    assert.equal(hunting.grantedAt.length, 1);
  });
});
