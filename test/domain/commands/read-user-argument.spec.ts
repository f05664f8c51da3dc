import assert from 'node:assert/strict';
import { readUserArgument } from '../../../src/domain/commands/read-user-argument';
import { argsAfter, assertRejects } from './command-test-helpers';

const GUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('readUserArgument', () => {
  it('should read a mention, keeping its markup', () => {
    assert.deepEqual(readUserArgument(argsAfter('role revoke <at> Alice Smith </at>', 2), 0, 'role revoke'), {
      kind: 'mention',
      name: 'Alice Smith',
      markup: '<at> Alice Smith </at>',
    });
  });

  it('should read an Entra object id in lower case', () => {
    assert.deepEqual(readUserArgument(argsAfter(`role revoke ${GUID.toUpperCase()}`, 2), 0, 'role revoke'), {
      kind: 'objectId',
      objectId: GUID,
    });
  });

  const read = (args: Parameters<typeof readUserArgument>[0]) => readUserArgument(args, 0, 'role revoke');
  const malformed: [string, number][] = [
    ['role revoke', 11],
    ['role revoke Alice', 12],
    ['role revoke "Alice Smith"', 12],
    ['role revoke @Alice', 12],
    [`role revoke ${GUID}0`, 12],
  ];
  for (const [text, position] of malformed) {
    it(`should reject ${JSON.stringify(text)} at ${position}, expecting a mention or an object id`, () => {
      const error = assertRejects(read, text, 2, position, /a mention \(@Name\) or an Entra object id/);
      assert.match(error.friendlyMessage, /`role revoke @user`/);
    });
  }
});
