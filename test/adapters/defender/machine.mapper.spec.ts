import assert from 'node:assert/strict';
import { mapMachine } from '../../../src/adapters/defender/machine.mapper';
import { mdeMachineSchema } from '../../../src/adapters/defender/mde-schemas';
import { mdeMachineWire } from './helpers/defender-fixtures';

describe('mapMachine', () => {
  it('should map an MDE machine into the domain Machine', () => {
    assert.deepEqual(mapMachine(mdeMachineSchema.parse(mdeMachineWire())), {
      id: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07',
      name: 'mymachine1.contoso.com',
      osPlatform: 'Windows10',
      osVersion: '1901',
      riskScore: 'low',
      exposureLevel: 'medium',
      healthStatus: 'Active',
      tags: ['test tag 1', 'test tag 2'],
      firstSeen: '2018-08-02T14:55:03.779Z',
      lastSeen: '2021-01-25T07:27:36.052Z',
      lastIpAddress: '10.166.113.46',
      deviceValue: 'Normal',
      rbacGroupName: 'The-A-Team',
    });
  });

  it('should read an unknown risk or exposure as unknown', () => {
    const machine = mapMachine(
      mdeMachineSchema.parse(mdeMachineWire({ riskScore: 'Severe', exposureLevel: null })),
    );
    assert.equal(machine.riskScore, 'unknown');
    assert.equal(machine.exposureLevel, 'unknown');
  });
});
