import assert from 'node:assert/strict';
import {
  callJson,
  cardsMentioning,
  E2E_POLL_INTERVAL_S,
  type E2eStack,
  e2eStack,
  isNewCard,
  pause,
} from './e2e-stack';

describe('e2e: the alert webhook', function () {
  this.timeout(40_000);
  let stack: E2eStack;

  before(async () => {
    stack = await e2eStack();
  });

  it('should refuse an unsigned push with 401 and store nothing', async () => {
    const title = `E2E unsigned ${Date.now()}`;
    const storedBefore = await stack.storedAlerts();
    const answer = await callJson(`${stack.botUrl}/api/webhooks/alerts`, 'POST', {
      _id: `e2e-unsigned-${Date.now()}`,
      title,
      severityValue: 2,
      timestamp: Date.now(),
    });
    assert.equal(answer.status, 401);
    await pause(E2E_POLL_INTERVAL_S * 1000 * 2 + 500);
    assert.equal(await stack.storedAlerts(), storedBefore);
    assert.equal(cardsMentioning(stack.driver, title).length, 0);
  });

  it('should post one card for a Cloud Apps alert the simulator pushes, signed', async () => {
    const title = `E2E impossible travel ${Date.now()}`;
    const created = await callJson(`${stack.simUrl}/_sim/mcas/alerts`, 'POST', { title });
    assert.equal(created.status, 201);
    await stack.driver.messages.waitFor(isNewCard(title), 10_000);
    await pause(E2E_POLL_INTERVAL_S * 1000 * 4 + 1000);
    assert.equal(cardsMentioning(stack.driver, title).length, 1);
  });
});
