/** Cloud apps as Defender for Cloud Apps names them (`service` entities: app id and label). */
export const MCAS_SERVICES = {
  office365: { id: 11161, label: 'Office 365' },
  exchange: { id: 20893, label: 'Microsoft Exchange Online' },
  sharepoint: { id: 20892, label: 'Microsoft SharePoint Online' },
  oneDrive: { id: 15600, label: 'Microsoft OneDrive for Business' },
} as const;

/** The kind of an MCAS alert: what the policy that raised it is called and what it usually looks like. */
export interface McasAlertKind {
  readonly title: string;
  /** `{user}` is replaced by the account's name. */
  readonly description: string;
  /** `idValue`: the alert type's number (the `alertType` filter). */
  readonly alertType: number;
  readonly policyId: string;
  readonly policyType: string;
  readonly severityValue: number;
  readonly stories: readonly number[];
  readonly intent: readonly number[];
  readonly threatScore: number;
  readonly service: { readonly id: number; readonly label: string };
}

/** Anomaly-detection policies the simulator raises alerts from; the first is the default kind. */
export const MCAS_ALERT_KINDS: readonly McasAlertKind[] = [
  {
    title: 'Impossible travel activity',
    description:
      'The user {user} performed activities from 203.0.113.24 (Lagos, NG) and 198.51.100.7 (Seattle, US) within 41 minutes, faster than travel between the two places allows.',
    alertType: 15728641,
    policyId: '5bfd18bfab73c36ba10d38c1',
    policyType: 'ANOMALY_DETECTION',
    severityValue: 2,
    stories: [0],
    intent: [2],
    threatScore: 64,
    service: MCAS_SERVICES.office365,
  },
  {
    title: 'Mass download by a single user',
    description:
      'The user {user} downloaded 1,342 files from Microsoft SharePoint Online in 9 minutes, far above their usual activity.',
    alertType: 15728642,
    policyId: '5bfd18bfab73c36ba10d38c2',
    policyType: 'ANOMALY_DETECTION',
    severityValue: 1,
    stories: [0],
    intent: [11],
    threatScore: 47,
    service: MCAS_SERVICES.sharepoint,
  },
  {
    title: 'Suspicious inbox forwarding',
    description:
      'The user {user} created an inbox rule that forwards every incoming message to an external address (rx-archive@protonmail.example).',
    alertType: 15728643,
    policyId: '5bfd18bfab73c36ba10d38c3',
    policyType: 'ANOMALY_DETECTION',
    severityValue: 1,
    stories: [0],
    intent: [10],
    threatScore: 39,
    service: MCAS_SERVICES.exchange,
  },
  {
    title: 'Activity from infrequent country',
    description:
      'The user {user} signed in from a country not seen for this user or anyone in the organization recently.',
    alertType: 15728644,
    policyId: '5bfd18bfab73c36ba10d38c4',
    policyType: 'ANOMALY_DETECTION',
    severityValue: 0,
    stories: [0],
    intent: [2],
    threatScore: 21,
    service: MCAS_SERVICES.office365,
  },
];

/** The catalogue kind with this title (ignoring case), if any. */
export function findAlertKind(title: string | undefined): McasAlertKind | undefined {
  const wanted = title?.trim().toLowerCase();
  return MCAS_ALERT_KINDS.find((kind) => kind.title.toLowerCase() === wanted);
}
