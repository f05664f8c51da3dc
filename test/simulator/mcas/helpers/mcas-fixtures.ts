import { buildMcasAlert } from '../../../../src/simulator/mcas/build-mcas-alert';
import type { McasAlert } from '../../../../src/simulator/model/mcas-types';

/** The fixed clock of the MCAS tests. */
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Five alerts covering the filter fields:
 * a1 alice High open unread, 1 h old; a2 bob Medium open read, 2 h; a3 carol Low closed as false positive a
 * day ago, 3 days old; a4 alice Informational system alert, 10 days; a5 dave High custom title with an ip.
 */
export function mcasFixtures(): McasAlert[] {
  return [
    buildMcasAlert(
      {
        _id: 'a1',
        title: 'Impossible travel activity',
        user: 'alice',
        severityValue: 2,
        timestamp: NOW - HOUR,
      },
      NOW,
    ),
    buildMcasAlert(
      {
        _id: 'a2',
        title: 'Mass download by a single user',
        user: 'bob',
        severityValue: 1,
        statusValue: 1,
        timestamp: NOW - 2 * HOUR,
      },
      NOW,
    ),
    buildMcasAlert(
      {
        _id: 'a3',
        title: 'Suspicious inbox forwarding',
        user: 'carol@contoso.com',
        severityValue: 0,
        timestamp: NOW - 3 * DAY,
        resolutionStatusValue: 3,
        resolveTime: NOW - DAY,
        comment: 'known forwarding rule',
      },
      NOW,
    ),
    buildMcasAlert(
      {
        _id: 'a4',
        title: 'Activity from infrequent country',
        user: 'alice',
        severityValue: 3,
        timestamp: NOW - 10 * DAY,
        isSystemAlert: true,
        threatScore: 10,
      },
      NOW,
    ),
    buildMcasAlert(
      {
        _id: 'a5',
        title: 'Unusual file deletion activity',
        user: 'dave',
        severityValue: 2,
        timestamp: NOW - HOUR / 2,
        entities: [
          { type: 'ip', id: '203.0.113.9', label: '203.0.113.9' },
          { type: 'service', id: 15600, label: 'Microsoft OneDrive for Business' },
          {
            type: 'policyRule',
            id: 'pol-file-deletion',
            label: 'Unusual file deletion',
            policyType: 'ANOMALY_DETECTION',
          },
        ],
      },
      NOW,
    ),
  ];
}

/** The ids of alerts, in order. */
export const idsOf = (alerts: readonly McasAlert[]) => alerts.map((alert) => alert._id);
