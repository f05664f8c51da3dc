import assert from 'node:assert/strict';
import {
  callJson,
  E2E_POLL_INTERVAL_S,
  type E2eStack,
  e2eStack,
  isNewCard,
  pause,
  SOC_ALERTS,
} from './e2e-stack';

describe('e2e: a restart of the bot', function () {
  this.timeout(40_000);
  let stack: E2eStack;

  before(async () => {
    stack = await e2eStack();
  });

  it('should post nothing twice, and post what arrived while it was down', async () => {
    const before = `E2E before restart ${Date.now()}`;
    await callJson(`${stack.simUrl}/_sim/mde/alerts`, 'POST', { title: before, severity: 'Medium' });
    await stack.driver.messages.waitFor(isNewCard(before), 10_000);
    await stack.settle();
    const postsBefore = stack.driver.messages.messagesIn(SOC_ALERTS).length;

    await stack.bot.stop();
    const during = `E2E while down ${Date.now()}`;
    await callJson(`${stack.simUrl}/_sim/mde/alerts`, 'POST', { title: during, severity: 'Low' });
    await stack.restartBot();

    await stack.driver.messages.waitFor(isNewCard(during), 10_000);
    await pause(E2E_POLL_INTERVAL_S * 1000 * 6 + 1000);
    const posts = stack.driver.messages.messagesIn(SOC_ALERTS);
    assert.equal(posts.length, postsBefore + 1, 'only the alert raised while the bot was down is new');
    const health = await callJson(`${stack.botUrl}/healthz`, 'GET');
    assert.equal(health.status, 200);
  });
});
