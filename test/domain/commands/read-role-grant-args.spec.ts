import assert from 'node:assert/strict';
import { type RoleGrantArgs, readRoleGrantArgs } from '../../../src/domain/commands/read-role-grant-args';
import { argsAfter, assertRejects } from './command-test-helpers';
import { readsAnyTextSafely } from './command-text-arbitrary';

const GUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('readRoleGrantArgs', () => {
  const valid: [string, RoleGrantArgs][] = [
    [
      'role grant <at>Alice Smith</at> responder',
      {
        user: { kind: 'mention', name: 'Alice Smith', markup: '<at>Alice Smith</at>' },
        role: 'responder',
      },
    ],
    [`role grant ${GUID} ADMIN`, { user: { kind: 'objectId', objectId: GUID }, role: 'admin' }],
    [`Role&nbsp;Grant ${GUID} "viewer"`, { user: { kind: 'objectId', objectId: GUID }, role: 'viewer' }],
  ];
  for (const [text, args] of valid) {
    it(`should read ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readRoleGrantArgs(argsAfter(text, 2)), args);
    });
  }

  const malformed: [string, number, RegExp][] = [
    ['role grant', 10, /a mention \(@Name\) or an Entra object id/],
    ['role grant Alice admin', 11, /a mention \(@Name\) or an Entra object id/],
    ['role grant <at>Alice</at>', 25, /a role \(viewer, responder or admin\)/],
    ['role grant <at>Alice</at> owner', 26, /a role \(viewer, responder or admin\)/],
    ['role grant <at>Alice</at> <at>admin</at>', 26, /a role \(viewer, responder or admin\)/],
    ['role grant <at>Alice</at> admin now', 32, /the end of the command/],
  ];
  for (const [text, position, expected] of malformed) {
    it(`should reject ${JSON.stringify(text)} at ${position}`, () => {
      const error = assertRejects(readRoleGrantArgs, text, 2, position, expected);
      assert.match(error.friendlyMessage, /`role grant @user viewer\|responder\|admin`/);
    });
  }

  it('should only ever fail with the parse error, and quickly, on any text', () => {
    readsAnyTextSafely(readRoleGrantArgs, 'role grant');
  });
});
