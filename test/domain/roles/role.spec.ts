import assert from 'node:assert/strict';
import { parseEntraObjectId } from '../../../src/domain/roles/entra-object-id';
import { can, requiredRole } from '../../../src/domain/roles/permissions';
import { isAtLeast, parseRole, ROLES } from '../../../src/domain/roles/role';

describe('roles', () => {
  it('should order viewer < responder < admin', () => {
    assert.deepEqual(ROLES, ['viewer', 'responder', 'admin']);
    assert.ok(isAtLeast('admin', 'responder'));
    assert.ok(isAtLeast('responder', 'responder'));
    assert.ok(!isAtLeast('viewer', 'responder'));
  });

  it('should parse a role in any case and nothing else', () => {
    assert.equal(parseRole(' Responder '), 'responder');
    assert.equal(parseRole('ADMIN'), 'admin');
    assert.equal(parseRole('owner'), undefined);
    assert.equal(parseRole(''), undefined);
  });

  it('should give each role its permissions and everything below', () => {
    assert.ok(can('viewer', 'alert.read'));
    assert.ok(!can('viewer', 'alert.act'));
    assert.ok(!can('viewer', 'audit.read'));
    assert.ok(can('responder', 'alert.act'));
    assert.ok(can('responder', 'audit.read'));
    assert.ok(!can('responder', 'role.manage'));
    assert.ok(!can('responder', 'rule.manage'));
    assert.ok(!can('responder', 'channel.choose'));
    for (const permission of [
      'alert.act',
      'audit.read',
      'role.manage',
      'rule.manage',
      'channel.choose',
    ] as const) {
      assert.ok(can('admin', permission), permission);
    }
    assert.equal(requiredRole('role.manage'), 'admin');
  });

  it('should take only a GUID as an Entra object id, in lower case', () => {
    assert.equal(
      parseEntraObjectId(' 11111111-AAAA-4111-8111-111111111111 '),
      '11111111-aaaa-4111-8111-111111111111',
    );
    assert.equal(parseEntraObjectId('Ana Admin'), undefined);
    assert.equal(parseEntraObjectId('29:1abc'), undefined);
  });
});
