import assert from 'node:assert/strict';
import {
  NOT_YET_AVAILABLE_MESSAGE,
  notYetAvailable,
} from '../../../../src/adapters/teams/cards/not-yet-available';

describe('notYetAvailable', () => {
  it('should answer a click with a clear message rather than a changed card', () => {
    assert.deepEqual(notYetAvailable(), {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: "This action is not available yet: it arrives with Vigil's card actions.",
    });
    assert.equal(notYetAvailable().value, NOT_YET_AVAILABLE_MESSAGE);
  });
});
