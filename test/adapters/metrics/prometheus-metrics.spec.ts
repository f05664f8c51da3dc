import assert from 'node:assert/strict';
import { createPrometheusMetrics } from '../../../src/adapters/metrics/prometheus-metrics';

describe('createPrometheusMetrics', () => {
  it('should expose every Vigil metric with its labels in the Prometheus text format', async () => {
    const prom = createPrometheusMetrics({ processMetrics: false });
    prom.metrics.alertIngested('mde', 'new');
    prom.metrics.alertIngested('mde', 'new');
    prom.metrics.alertIngested('mcas', 'folded');
    prom.metrics.cardPosted();
    prom.metrics.teamsSend('post', 'throttled');
    prom.metrics.outboxDepth(7);
    prom.metrics.defenderCall('mde', 'retry');
    prom.metrics.pollLag('mde', 4.5);
    const text = await prom.render();
    assert.match(text, /^vigil_alerts_ingested_total\{source="mde",outcome="new"\} 2$/m);
    assert.match(text, /^vigil_alerts_ingested_total\{source="mcas",outcome="folded"\} 1$/m);
    assert.match(text, /^vigil_cards_posted_total 1$/m);
    assert.match(text, /^vigil_teams_sends_total\{operation="post",outcome="throttled"\} 1$/m);
    assert.match(text, /^vigil_outbox_depth 7$/m);
    assert.match(text, /^vigil_defender_calls_total\{family="mde",outcome="retry"\} 1$/m);
    assert.match(text, /^vigil_poll_lag_seconds\{source="mde"\} 4.5$/m);
    assert.match(text, /# TYPE vigil_cards_posted_total counter/);
    assert.match(text, /# TYPE vigil_outbox_depth gauge/);
    assert.match(prom.contentType, /^text\/plain/);
  });

  it('should keep two instances apart (no shared global registry)', async () => {
    const first = createPrometheusMetrics();
    const second = createPrometheusMetrics();
    first.metrics.cardPosted();
    assert.match(await first.render(), /^vigil_cards_posted_total 1$/m);
    assert.match(await second.render(), /^vigil_cards_posted_total 0$/m);
  });

  it("should include Node's process metrics by default", async () => {
    const text = await createPrometheusMetrics().render();
    assert.match(text, /^process_cpu_user_seconds_total /m);
    assert.match(text, /^nodejs_heap_size_used_bytes /m);
  });

  it('should never report a negative poll lag', async () => {
    const prom = createPrometheusMetrics({ processMetrics: false });
    prom.metrics.pollLag('mcas', -3);
    assert.match(await prom.render(), /^vigil_poll_lag_seconds\{source="mcas"\} 0$/m);
  });
});
