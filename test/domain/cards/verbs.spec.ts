import assert from 'node:assert/strict';
import { isVerb, VERBS, Verb } from '../../../src/domain/cards/verbs';

describe('Verb', () => {
  it('should hold exactly the verbs of the contract', () => {
    assert.deepEqual([...VERBS].sort(), [
      'approve',
      'assign',
      'isolate',
      'reject',
      'resolve',
      'scan',
      'unisolate',
    ]);
  });

  it('should name each verb in lower case', () => {
    assert.equal(Verb.Isolate, 'isolate');
    assert.equal(Verb.Unisolate, 'unisolate');
  });

  it('should tell a verb from anything else', () => {
    assert.equal(isVerb('scan'), true);
    assert.equal(isVerb('Scan'), false);
    assert.equal(isVerb('delete'), false);
    assert.equal(isVerb(undefined), false);
  });
});
