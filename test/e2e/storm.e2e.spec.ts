import assert from 'node:assert/strict';
import type { PlaygroundMessage } from '../helpers/playground-driver';
import { callJson, cardsMentioning, E2E_POLL_INTERVAL_S, type E2eStack, e2eStack, pause } from './e2e-stack';

/** How many alerts a card stands for: its "×N similar alerts" counter, or 1. */
function countOf(card: PlaygroundMessage): number {
  const counter = /×([\d,]+) similar alerts/.exec(JSON.stringify(card.attachments));
  return counter ? Number(counter[1]?.replace(/,/g, '')) : 1;
}

describe('e2e: an alert storm', function () {
  this.timeout(40_000);
  let stack: E2eStack;

  before(async () => {
    stack = await e2eStack();
  });

  it('should fold 200 similar alerts on 50 machines into a handful of cards, one with a counter', async () => {
    const title = `E2E storm ${Date.now()}`;
    const created = await callJson<{ ids: string[] }>(`${stack.simUrl}/_sim/mde/alerts/bulk`, 'POST', {
      count: 200,
      machines: 50,
      template: { title, severity: 'Medium', category: 'Malware' },
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.ids.length, 200);
    const total = () => cardsMentioning(stack.driver, title).reduce((sum, card) => sum + countOf(card), 0);
    for (const deadline = Date.now() + 25_000; total() < 200 && Date.now() < deadline; ) await pause(200);
    await pause(E2E_POLL_INTERVAL_S * 1000 * 4 + 1000);

    const cards = cardsMentioning(stack.driver, title);
    const threshold = stack.demo.botConfig.storms.threshold;
    assert.ok(cards.length >= 1 && cards.length <= threshold, `${cards.length} cards for the storm`);
    assert.equal(total(), 200, 'the cards stand for the 200 alerts, each counted once');
    const biggest = Math.max(...cards.map(countOf));
    assert.ok(biggest > 100, `one card folds most of the storm (×${biggest})`);
  });
});
