import { randomBytes } from 'node:crypto';
import type { MdeMachine } from '../../../../../src/simulator/model/mde-types';

/** An onboarded Windows machine with a random 40-hex id; `overrides` replace any field. */
export function buildTestMachine(overrides: Partial<MdeMachine> = {}): MdeMachine {
  const id = randomBytes(20).toString('hex');
  return {
    id,
    computerDnsName: `test-${id.slice(0, 6)}.contoso.test`,
    firstSeen: '2024-01-01T00:00:00.0000000Z',
    lastSeen: '2024-05-01T00:00:00.0000000Z',
    osPlatform: 'Windows11',
    version: '23H2',
    osProcessor: 'x64',
    osArchitecture: '64-bit',
    osBuild: 22631,
    lastIpAddress: '10.0.0.10',
    lastExternalIpAddress: '203.0.113.10',
    healthStatus: 'Active',
    onboardingStatus: 'onboarded',
    deviceValue: 'Normal',
    rbacGroupId: 1,
    rbacGroupName: 'Test',
    riskScore: 'Low',
    exposureLevel: 'Low',
    isAadJoined: true,
    aadDeviceId: null,
    machineTags: [],
    ipAddresses: [],
    ...overrides,
  };
}
