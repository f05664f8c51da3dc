import assert from 'node:assert/strict';
import { DETERMINATIONS, fitsClassification } from '../../../src/domain/alerts/determination';

describe('determinations', () => {
  it('should pair each determination with the classifications the portal offers it for', () => {
    assert.equal(fitsClassification('truePositive', 'Malware'), true);
    assert.equal(fitsClassification('informationalExpectedActivity', 'SecurityTesting'), true);
    assert.equal(fitsClassification('falsePositive', 'Clean'), true);
    assert.equal(fitsClassification('truePositive', 'Clean'), false);
    assert.equal(fitsClassification('falsePositive', 'Malware'), false);
    assert.equal(fitsClassification('informationalExpectedActivity', 'Phishing'), false);
  });

  it('should let Other go with every classification, and nothing unknown with any', () => {
    for (const classification of Object.keys(DETERMINATIONS) as (keyof typeof DETERMINATIONS)[]) {
      assert.equal(fitsClassification(classification, 'Other'), true, classification);
      assert.equal(fitsClassification(classification, 'malware'), false, classification);
    }
  });
});
