import assert from 'node:assert/strict';
import { callJson, type E2eStack, e2eStack, isNewCard } from './e2e-stack';

describe('e2e: operations endpoints', function () {
  this.timeout(40_000);
  let stack: E2eStack;

  before(async () => {
    stack = await e2eStack();
    const title = `E2E ops ${Date.now()}`;
    await callJson(`${stack.simUrl}/_sim/mde/alerts`, 'POST', { title, severity: 'High' });
    await stack.driver.messages.waitFor(isNewCard(title), 10_000);
  });

  it('should be alive and ready once an alert went through', async () => {
    assert.deepEqual((await callJson(`${stack.botUrl}/healthz`, 'GET')).body, { status: 'ok' });
    const ready = await callJson<{ ready: boolean; checks: { name: string; ok: boolean }[] }>(
      `${stack.botUrl}/readyz`,
      'GET',
    );
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.equal(ready.body.ready, true);
    assert.ok(ready.body.checks.length >= 3);
  });

  it('should count what went through on /metrics', async () => {
    const response = await fetch(`${stack.botUrl}/metrics`);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await response.text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);
    assert.ok(value(/^vigil_alerts_ingested_total\{source="mde",outcome="new"\} (\d+)/m) >= 1);
    assert.ok(value(/^vigil_cards_posted_total (\d+)/m) >= 1);
    assert.ok(value(/^vigil_teams_sends_total\{operation="post",outcome="ok"\} (\d+)/m) >= 1);
    assert.ok(value(/^vigil_outbox_depth (\d+)/m) >= 0);
    assert.match(text, /^vigil_poll_lag_seconds\{source="mde"\} /m);
    assert.match(text, /^process_resident_memory_bytes /m);
  });
});
