import assert from 'node:assert/strict';
import {
  formatAge,
  formatCardSpan,
  formatCardTime,
  formatCardTimeWithAge,
} from '../../../src/domain/cards/format-card-time';

describe('card times', () => {
  it('should write a time in UTC, day first', () => {
    assert.equal(formatCardTime('2021-01-26T20:33:57.7220239Z'), '26 Jan 2021 20:33 UTC');
    assert.equal(formatCardTime('2021-01-26T22:03:00+02:00'), '26 Jan 2021 20:03 UTC');
  });

  it('should give back text that is not a time unchanged', () => {
    assert.equal(formatCardTime('yesterday-ish'), 'yesterday-ish');
  });

  it('should tell the age of a time against the given now', () => {
    const now = '2021-01-26T20:45:57Z';
    assert.equal(formatAge('2021-01-26T20:45:30Z', now), 'just now');
    assert.equal(formatAge('2021-01-26T20:33:57Z', now), '12 min ago');
    assert.equal(formatAge('2021-01-26T17:00:00Z', now), '3 h ago');
    assert.equal(formatAge('2021-01-20T20:45:57Z', now), '6 d ago');
    assert.equal(formatAge('2021-01-26T20:55:57Z', now), 'in 10 min');
    assert.equal(formatAge('garbage', now), undefined);
  });

  it('should put a time and its age together', () => {
    assert.equal(
      formatCardTimeWithAge('2021-01-26T20:33:57Z', '2021-01-26T20:45:57Z'),
      '26 Jan 2021 20:33 UTC (12 min ago)',
    );
  });

  it('should write a span within a day with one date', () => {
    assert.equal(
      formatCardSpan('2021-01-26T20:31:00Z', '2021-01-26T20:51:00Z'),
      '26 Jan 2021 20:31 – 20:51 UTC',
    );
    assert.equal(
      formatCardSpan('2021-01-26T20:31:00Z', '2021-01-27T01:00:00Z'),
      '26 Jan 2021 20:31 UTC – 27 Jan 2021 01:00 UTC',
    );
    assert.equal(formatCardSpan('2021-01-26T20:31:00Z', '2021-01-26T20:31:00Z'), '26 Jan 2021 20:31 UTC');
  });
});
