import type { DefenderRoute } from './defender-route';

const get = (template: string, subject: string): DefenderRoute => ({
  method: 'GET',
  template,
  family: 'mde',
  retry: 'safe',
  subject,
});

const action = (name: string): DefenderRoute => ({
  method: 'POST',
  template: `/api/machines/{id}/${name}`,
  family: 'mde',
  retry: 'if-not-acted',
  subject: 'machine',
});

/** Every MDE route Vigil calls (defender-api.md §2–§5). */
export const MDE_ROUTES = {
  listAlerts: get('/api/alerts', 'alert'),
  getAlert: get('/api/alerts/{id}', 'alert'),
  updateAlert: {
    method: 'PATCH',
    template: '/api/alerts/{id}',
    family: 'mde',
    retry: 'safe',
    subject: 'alert',
  },
  batchUpdateAlerts: {
    method: 'POST',
    template: '/api/alerts/batchUpdate',
    family: 'mde-batch',
    retry: 'safe',
    subject: 'alert',
  },
  alertMachine: get('/api/alerts/{id}/machine', 'alert or its machine'),
  alertUser: get('/api/alerts/{id}/user', 'alert or its user'),
  listMachines: get('/api/machines', 'machine'),
  getMachine: get('/api/machines/{id}', 'machine'),
  machineAlerts: get('/api/machines/{id}/alerts', 'machine'),
  machineLogonUsers: get('/api/machines/{id}/logonusers', 'machine'),
  userMachines: get('/api/users/{id}/machines', 'user'),
  isolate: action('isolate'),
  unisolate: action('unisolate'),
  runAntiVirusScan: action('runAntiVirusScan'),
  collectInvestigationPackage: action('collectInvestigationPackage'),
  restrictCodeExecution: action('restrictCodeExecution'),
  unrestrictCodeExecution: action('unrestrictCodeExecution'),
  stopAndQuarantineFile: action('StopAndQuarantineFile'),
  listMachineActions: get('/api/machineactions', 'machine action'),
  getMachineAction: get('/api/machineactions/{id}', 'machine action'),
  cancelMachineAction: {
    method: 'POST',
    template: '/api/machineactions/{id}/cancel',
    family: 'mde',
    retry: 'if-not-acted',
    subject: 'machine action',
  },
  getPackageUri: get('/api/machineactions/{id}/getPackageUri', 'investigation package'),
  runHuntingQuery: {
    method: 'POST',
    template: '/api/advancedqueries/run',
    family: 'hunting',
    retry: 'safe',
    subject: 'hunting query',
  },
} as const satisfies Record<string, DefenderRoute>;
