import assert from 'node:assert/strict';
import { isAlertId, readAlertId } from '../../../src/domain/commands/read-alert-id';
import { argsAfter, assertRejects } from './command-test-helpers';

describe('readAlertId', () => {
  const valid = [
    'da637551234567890_-123456',
    'ed12345678',
    'fa_1',
    '5f1b2c3d4e5f60718293a4b5',
    'a'.repeat(128),
    '"da1"',
  ];
  for (const typed of valid) {
    it(`should read ${typed.slice(0, 40)} as an alert id`, () => {
      assert.equal(readAlertId(argsAfter(`alert ${typed}`, 1), 0, 'alert'), typed.replace(/"/g, ''));
    });
  }

  const read = (args: Parameters<typeof readAlertId>[0]) => readAlertId(args, 0, 'alert');
  const malformed: [string, number][] = [
    ['alert', 5],
    ['alert da1.2', 6],
    ['alert "da 1"', 6],
    ['alert ""', 6],
    [`alert ${'a'.repeat(129)}`, 6],
    ['alert <at>da1</at>', 6],
    ['alert da1/../x', 6],
  ];
  for (const [text, position] of malformed) {
    it(`should reject ${JSON.stringify(text.slice(0, 40))} at ${position}, expecting an alert id`, () => {
      const error = assertRejects(read, text, 1, position, /an alert id/);
      assert.match(error.friendlyMessage, /`alert <alert id>`/);
    });
  }

  it('should tell an alert id by its shape', () => {
    assert.equal(isAlertId('da1'), true);
    assert.equal(isAlertId(''), false);
    assert.equal(isAlertId('da 1'), false);
  });
});
