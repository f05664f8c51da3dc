/** The demo credentials the simulator accepts (contract.md). */
export const DEMO_CLIENT_ID = 'vigil-demo';
export const DEMO_CLIENT_SECRET = 'vigil-demo-secret';
export const DEMO_MCAS_TOKEN = 'vigil-demo-secret';
export const SIM_TENANT_ID = '00000000-0000-0000-0000-000000000001';

/** The audiences an MDE token may carry: the resource of each documented scope. */
export const MDE_AUDIENCES = [
  'https://api.securitycenter.microsoft.com',
  'https://api.security.microsoft.com',
  'https://securitycenter.onmicrosoft.com/windowsatpservice',
] as const;

/** The audience of an Entra token for the Cloud Apps API (scope `05a65629-…/.default`). */
export const MCAS_AUDIENCES = ['05a65629-4c1b-48c1-a78b-804c4abdd4af'] as const;

/** Every MDE application role the simulator knows; a demo token carries all of them. */
export const ALL_MDE_ROLES = [
  'Alert.Read.All',
  'Alert.ReadWrite.All',
  'Machine.Read.All',
  'Machine.ReadWrite.All',
  'Machine.Isolate',
  'Machine.Scan',
  'Machine.CollectForensics',
  'Machine.RestrictExecution',
  'Machine.StopAndQuarantine',
  'User.Read.All',
  'AdvancedQuery.Read.All',
] as const;

/** The Cloud Apps API's application roles (defender-api.md §7): read, and read plus close. */
export const MCAS_ROLES = ['Investigation.read', 'Investigation.manage'] as const;
