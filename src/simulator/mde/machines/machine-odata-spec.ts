import type { MdeMachine } from '../../model/mde-types';
import type { ODataSpec } from '../../odata/apply-odata-query';

const filterable = true;

/**
 * How `GET /api/machines` answers OData: `$filter` on the properties MDE documents (computerDnsName, id,
 * version, deviceValue, aadDeviceId, machineTags, lastSeen, exposureLevel, onboardingStatus,
 * lastIpAddress, healthStatus, osPlatform, riskScore, rbacGroupId); `machineTags/any(t: t eq 'x')`.
 */
export const MACHINE_ODATA_SPEC: ODataSpec<MdeMachine> = {
  entityType: 'Machine',
  entitySet: 'Machines',
  fields: {
    id: { type: 'string', filterable },
    computerDnsName: { type: 'string', filterable },
    firstSeen: { type: 'datetime' },
    lastSeen: { type: 'datetime', filterable },
    osPlatform: { type: 'string', filterable },
    version: { type: 'string', filterable },
    osProcessor: { type: 'string' },
    osArchitecture: { type: 'string' },
    osBuild: { type: 'number' },
    lastIpAddress: { type: 'string', filterable },
    lastExternalIpAddress: { type: 'string' },
    healthStatus: {
      type: 'enum',
      filterable,
      values: [
        'Active',
        'Inactive',
        'ImpairedCommunication',
        'NoSensorData',
        'NoSensorDataImpairedCommunication',
        'Unknown',
      ],
    },
    onboardingStatus: {
      type: 'enum',
      filterable,
      values: ['onboarded', 'CanBeOnboarded', 'Unsupported', 'InsufficientInfo'],
    },
    deviceValue: { type: 'enum', filterable, values: ['Low', 'Normal', 'High'] },
    rbacGroupId: { type: 'number', filterable },
    rbacGroupName: { type: 'string' },
    riskScore: { type: 'enum', filterable, values: ['None', 'Informational', 'Low', 'Medium', 'High'] },
    exposureLevel: { type: 'enum', filterable, values: ['None', 'Low', 'Medium', 'High'] },
    isAadJoined: { type: 'boolean' },
    aadDeviceId: { type: 'string', filterable },
    machineTags: { type: 'stringArray', filterable },
    ipAddresses: { type: 'object' },
  },
};
