import assert from 'node:assert/strict';
import {
  mapMachineLogonUser,
  mapMachineLogonUsers,
} from '../../../src/adapters/defender/machine-logon-user.mapper';
import { mdeLogonUserSchema } from '../../../src/adapters/defender/mde-schemas';
import { mdeLogonUserWire } from './helpers/defender-fixtures';

const parse = (overrides: Record<string, unknown> = {}) =>
  mdeLogonUserSchema.parse(mdeLogonUserWire(overrides));

describe('mapMachineLogonUser', () => {
  it('should map the name, domain, last logon (ISO) and domain admin flag', () => {
    assert.deepEqual(mapMachineLogonUser(parse()), {
      name: 'user1',
      domain: 'contoso',
      lastSeen: '2020-01-06T08:01:48.123Z',
      isDomainAdmin: true,
    });
  });

  it('should leave out what MDE does not say', () => {
    assert.deepEqual(
      mapMachineLogonUser(parse({ accountDomain: null, lastSeen: null, isDomainAdmin: null })),
      { name: 'user1' },
    );
    assert.deepEqual(mapMachineLogonUser(parse({ accountDomain: '', isDomainAdmin: false })), {
      name: 'user1',
      lastSeen: '2020-01-06T08:01:48.123Z',
      isDomainAdmin: false,
    });
  });

  it('should refuse a user without a name or with an unreadable lastSeen', () => {
    assert.throws(() => parse({ accountName: undefined }));
    assert.throws(() => parse({ lastSeen: 'yesterday' }));
    assert.throws(() => parse({ isDomainAdmin: 'yes' }));
  });
});

describe('mapMachineLogonUsers', () => {
  it('should put the most recently seen first and those never seen last, in MDE order', () => {
    const users = mapMachineLogonUsers([
      parse({ accountName: 'old', lastSeen: '2020-01-01T00:00:00Z' }),
      parse({ accountName: 'unknown1', lastSeen: null }),
      parse({ accountName: 'new', lastSeen: '2020-03-01T00:00:00Z' }),
      parse({ accountName: 'unknown2', lastSeen: undefined }),
      parse({ accountName: 'mid', lastSeen: '2020-02-01T00:00:00.0000001Z' }),
    ]);
    assert.deepEqual(
      users.map((user) => user.name),
      ['new', 'mid', 'old', 'unknown1', 'unknown2'],
    );
  });
});
