import assert from 'node:assert/strict';
import { type RoleRevokeArgs, readRoleRevokeArgs } from '../../../src/domain/commands/read-role-revoke-args';
import { argsAfter, assertRejects } from './command-test-helpers';
import { readsAnyTextSafely } from './command-text-arbitrary';

const GUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('readRoleRevokeArgs', () => {
  const valid: [string, RoleRevokeArgs][] = [
    ['role revoke <at>Bob</at>', { user: { kind: 'mention', name: 'Bob', markup: '<at>Bob</at>' } }],
    [`role revoke ${GUID}`, { user: { kind: 'objectId', objectId: GUID } }],
  ];
  for (const [text, args] of valid) {
    it(`should read ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readRoleRevokeArgs(argsAfter(text, 2)), args);
    });
  }

  const malformed: [string, number, RegExp][] = [
    ['role revoke', 11, /a mention \(@Name\) or an Entra object id/],
    ['role revoke Bob', 12, /a mention \(@Name\) or an Entra object id/],
    ['role revoke <at>Bob</at> admin', 25, /the end of the command/],
  ];
  for (const [text, position, expected] of malformed) {
    it(`should reject ${JSON.stringify(text)} at ${position}`, () => {
      const error = assertRejects(readRoleRevokeArgs, text, 2, position, expected);
      assert.match(error.friendlyMessage, /`role revoke @user`/);
    });
  }

  it('should only ever fail with the parse error, and quickly, on any text', () => {
    readsAnyTextSafely(readRoleRevokeArgs, 'role revoke');
  });
});
