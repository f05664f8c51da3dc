import assert from 'node:assert/strict';
import { compareAlertVersions } from '../../../src/services/ingest/compare-alert-versions';
import { at, testAlert } from './helpers/ingest-fixtures';

describe('compareAlertVersions', () => {
  it('should call an alert equal in every field the same, whatever its key order or undefined keys', () => {
    const stored = testAlert();
    const reordered = Object.fromEntries(Object.entries(testAlert()).reverse()) as typeof stored;
    assert.equal(compareAlertVersions(stored, reordered), 'same');
    assert.equal(compareAlertVersions(stored, { ...testAlert(), assignedTo: undefined }), 'same');
  });

  it('should call an earlier update older, even if it differs', () => {
    const stored = testAlert({ updatedAt: at(10) });
    assert.equal(compareAlertVersions(stored, testAlert({ updatedAt: at(5), status: 'resolved' })), 'older');
  });

  it('should call any difference at the same or a later update changed', () => {
    const stored = testAlert();
    assert.equal(compareAlertVersions(stored, testAlert({ evidence: [] })), 'changed');
    assert.equal(compareAlertVersions(stored, testAlert({ updatedAt: at(1) })), 'changed');
    assert.equal(
      compareAlertVersions(stored, testAlert({ mitreTechniques: ['T1059.001', 'T1027'] })),
      'changed',
    );
  });
});
