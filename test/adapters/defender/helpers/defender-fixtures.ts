/** Wire samples as Defender sends them (defender-api.md), for mapper and client tests. */

const NULL_EVIDENCE = {
  entityType: 'File',
  evidenceCreationTime: '2021-01-26T20:33:58.42Z',
  detectionStatus: null,
  sha1: null,
  sha256: null,
  fileName: null,
  filePath: null,
  processId: null,
  processCommandLine: null,
  processCreationTime: null,
  parentProcessId: null,
  parentProcessCreationTime: null,
  parentProcessFileName: null,
  parentProcessFilePath: null,
  ipAddress: null,
  url: null,
  registryKey: null,
  registryHive: null,
  registryValueType: null,
  registryValue: null,
  accountName: null,
  domainName: null,
  userSid: null,
  aadUserId: null,
  userPrincipalName: null,
};

/** An MDE alert with two evidence items (every key present, unused ones null). */
export function mdeAlertWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'da637472900382838869_1364969609',
    incidentId: 1126093,
    investigationId: null,
    assignedTo: null,
    severity: 'High',
    status: 'New',
    classification: null,
    determination: null,
    investigationState: 'Queued',
    detectionSource: 'WindowsDefenderAtp',
    detectorId: '17e10bbc-3a68-474a-8aad-faef14d43952',
    category: 'Execution',
    threatFamilyName: null,
    threatName: null,
    title: 'Low-reputation arbitrary code executed by signed executable',
    description: 'Binaries signed by Microsoft can be used to run low-reputation arbitrary code.',
    alertCreationTime: '2021-01-26T20:33:57.7220239Z',
    firstEventTime: '2021-01-26T20:31:32.9562661Z',
    lastEventTime: '2021-01-26T20:31:33.0577322Z',
    lastUpdateTime: '2021-01-26T20:33:59.2Z',
    resolvedTime: null,
    machineId: '111e6dd8c833c8a052ea231ec1b19adaf497b625',
    computerDnsName: 'temp123.middleeast.corp.microsoft.com',
    rbacGroupName: 'A',
    aadTenantId: 'a839b112-1253-6432-9bf6-94542403f21c',
    mitreTechniques: ['T1064', 'T1085', 'T1220'],
    relatedUser: { userName: 'temp123', domainName: 'MIDDLEEAST' },
    comments: [
      {
        comment: 'test comment for docs',
        createdBy: 'secop123@contoso.com',
        createdTime: '2021-01-26T01:00:37.8404534Z',
      },
    ],
    evidence: [
      {
        ...NULL_EVIDENCE,
        entityType: 'User',
        accountName: 'temp123',
        domainName: 'MIDDLEEAST',
        userSid: 'S-1-5-21-11111607-1111760036-109187956-75141',
        aadUserId: '11118379-2a59-1111-ac3c-a51eb4a3c627',
        userPrincipalName: 'temp123@microsoft.com',
      },
      {
        ...NULL_EVIDENCE,
        entityType: 'Process',
        detectionStatus: 'Detected',
        sha1: 'ff836cfb1af40252bd2a2ea843032e99a5b262ed',
        sha256: 'a4efa2c9a0d8b0e0c4ba0a1d5e6c4d5fa4b6a5c7f1e3d2b4a6c8e0f2a4b6c8d0',
        fileName: 'rundll32.exe',
        filePath: 'C:\\Windows\\SysWOW64',
        processId: 3276,
        processCommandLine: 'rundll32.exe  c:\\temp\\suspicious.dll,RepeatAfterMeNow',
        processCreationTime: '2021-01-26T20:31:32.9581596Z',
      },
    ],
    ...overrides,
  };
}

/** An MDE machine. */
export function mdeMachineWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07',
    computerDnsName: 'mymachine1.contoso.com',
    firstSeen: '2018-08-02T14:55:03.7791856Z',
    lastSeen: '2021-01-25T07:27:36.052313Z',
    osPlatform: 'Windows10',
    version: '1901',
    osProcessor: 'x64',
    osArchitecture: '64-bit',
    osBuild: 18209,
    lastIpAddress: '10.166.113.46',
    lastExternalIpAddress: '167.220.203.175',
    healthStatus: 'Active',
    onboardingStatus: 'onboarded',
    deviceValue: 'Normal',
    rbacGroupId: 140,
    rbacGroupName: 'The-A-Team',
    riskScore: 'Low',
    exposureLevel: 'Medium',
    isAadJoined: true,
    aadDeviceId: '80fe8ff8-2624-418e-9591-41f0491218f9',
    machineTags: ['test tag 1', 'test tag 2'],
    ipAddresses: [{ ipAddress: '10.166.113.46', macAddress: '001B21A4C1B2', operationalStatus: 'Up' }],
    ...overrides,
  };
}

/** A logged-on user of a machine (`GET /api/machines/{id}/logonusers`), as MDE documents it. */
export function mdeLogonUserWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'contoso\\user1',
    accountName: 'user1',
    accountDomain: 'contoso',
    accountSid: 'S-1-5-21-1004336348-1177238915-682003330-1107',
    firstSeen: '2019-12-18T08:02:54Z',
    lastSeen: '2020-01-06T08:01:48.1234567Z',
    logonTypes: 'Interactive',
    logOnMachinesCount: 1,
    isDomainAdmin: true,
    isOnlyNetworkUser: null,
    ...overrides,
  };
}

/** An MDE machine action (`lastUpdateDateTimeUtc`, as the single GET spells it). */
export function mdeMachineActionWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'b89eb834-4578-496c-8be0-03f004061435',
    type: 'Isolate',
    scope: 'Full',
    title: null,
    requestor: 'Analyst@TestPrd.onmicrosoft.com',
    requestorComment: 'Isolate machine due to alert 1234',
    requestSource: 'PublicApi',
    externalID: null,
    status: 'Pending',
    machineId: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07',
    computerDnsName: 'desktop-test',
    creationDateTimeUtc: '2019-01-02T14:39:38.2262283Z',
    lastUpdateDateTimeUtc: '2019-01-02T14:40:44.6596267Z',
    cancellationRequestor: null,
    cancellationComment: null,
    cancellationDateTimeUtc: null,
    relatedFileInfo: null,
    commands: [],
    ...overrides,
  };
}

/** An MCAS alert (epoch milliseconds, integer enums). */
export function mcasAlertWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: '603f704aaf7417985bbf3b22',
    contextId: '206e2965-5c5e-4b1e-8a59-5d7d0bcfbe8a',
    idValue: 15795464,
    title: 'Impossible travel activity',
    description: 'The user alice signed in from two distant countries within 40 minutes.',
    isMarkdown: false,
    timestamp: 1714557600000,
    severityValue: 2,
    statusValue: 0,
    resolutionStatusValue: 0,
    stories: [0],
    intent: [2],
    threatScore: 34,
    isSystemAlert: false,
    comment: '',
    handledByUser: null,
    resolveTime: null,
    entities: [
      {
        type: 'account',
        entityRole: 'Source',
        entityType: 2,
        id: '6204bdaf-ad46-4e19-a1c8-d5ccce6f3b4a',
        inst: 0,
        label: 'alice',
        pa: 'alice@contoso.com',
        saas: 11161,
      },
      { type: 'service', id: 11161, label: 'Office 365' },
      { type: 'ip', id: '203.0.113.7', label: '203.0.113.7' },
      { type: 'policyRule', id: '5bfd0e4e', label: 'Impossible travel', policyType: 'ANOMALY_DETECTION' },
    ],
    URL: 'https://contoso.portal.cloudappsecurity.com/#/alerts/603f704aaf7417985bbf3b22',
    ...overrides,
  };
}
