import assert from 'node:assert/strict';
import { generate } from 'selfsigned';
import {
  createDefenderClients,
  type DefenderClients,
} from '../../../src/adapters/defender/create-defender-clients';
import type { DefenderSettings } from '../../../src/adapters/defender/defender-settings';
import { isVigilError } from '../../../src/domain/errors/vigil-error';
import { TestSimulator } from '../../helpers/sim-client';

const SCALE = 0.02;
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ALL_ROLES = [
  'Alert.ReadWrite.All',
  'Machine.ReadWrite.All',
  'Machine.Isolate',
  'Machine.Scan',
  'User.Read.All',
  'AdvancedQuery.Read.All',
];

interface Warning {
  fields: Record<string, unknown>;
  message: string;
}

describe('Defender clients against the simulator', () => {
  let sim: TestSimulator;
  let cert: { cert: string; private: string };
  const opened: DefenderClients[] = [];

  before(async () => {
    cert = await generate([{ name: 'commonName', value: 'vigil-cert-app' }], {
      keySize: 2048,
      algorithm: 'sha256',
    });
    sim = await TestSimulator.start({
      settings: { rateTimeScale: SCALE, actionDelayMs: 60_000 },
      clients: [
        { clientId: 'vigil-cert-app', certificatePem: cert.cert, roles: ALL_ROLES },
        { clientId: 'vigil-reader', secret: 'reader-secret', roles: ['Alert.Read.All'] },
      ],
    });
  });
  beforeEach(() => sim.call('POST', '/_sim/reset'));
  after(async () => {
    for (const clients of opened) clients.close();
    await sim.stop();
  });

  function settings(overrides: Partial<DefenderSettings> = {}): DefenderSettings {
    return {
      tenantId: TENANT,
      clientId: 'vigil-demo',
      credential: { kind: 'secret', secret: 'vigil-demo-secret' },
      authorityHost: sim.sim.authUrl,
      mdeBaseUrl: sim.url,
      mdeScope: 'https://api.securitycenter.microsoft.com/.default',
      mcas: { baseUrl: `${sim.url}/mcas`, token: 'vigil-demo-secret' },
      trustedCaPem: sim.sim.caCertPem,
      timeoutMs: 2_000,
      maxRetries: 4,
      rateTimeScale: SCALE,
      ...overrides,
    };
  }

  function clients(overrides: Partial<DefenderSettings> = {}, warnings: Warning[] = []): DefenderClients {
    const created = createDefenderClients(settings(overrides), {
      baseDelayMs: 50,
      log: { warn: (fields, message) => warnings.push({ fields, message }) },
    });
    opened.push(created);
    return created;
  }

  async function someMachineId(defender: DefenderClients): Promise<string> {
    const [machine] = await defender.mde.findMachines({ maxMachines: 1 });
    assert.ok(machine, 'the estate has machines');
    return machine.id;
  }

  const stats = async () =>
    (await sim.call<{ requests: Record<string, number> }>('GET', '/_sim/stats')).body.requests;

  it('should get a real msal token with the client secret and read alerts', async () => {
    const defender = clients();
    const token = await defender.tokens.getToken();
    assert.equal(token.split('.').length, 3);
    assert.equal(await defender.tokens.getToken(), token, "the token comes from msal's cache");
    const alerts = await defender.mde.listAlerts({ statuses: ['new', 'inProgress'] });
    assert.ok(alerts.length > 0);
    assert.ok(alerts.every((alert) => alert.source === 'mde' && alert.status !== 'resolved'));
    assert.ok(
      alerts.some((alert) => alert.evidence.length > 0),
      'evidence is expanded',
    );
  });

  it('should get a real msal token with a certificate', async () => {
    const defender = clients({
      clientId: 'vigil-cert-app',
      credential: { kind: 'certificate', certificatePem: cert.cert, privateKeyPem: cert.private },
    });
    const machineId = await someMachineId(defender);
    const machine = await defender.mde.getMachine(machineId);
    assert.equal(machine.id, machineId);
    const byShortName = await defender.mde.getMachine(machine.name.split('.')[0] ?? '');
    assert.equal(byShortName.id, machineId);
  });

  it('should turn invalid_client into DEFENDER.AUTH_FAILED without the secret', async () => {
    const defender = clients({ credential: { kind: 'secret', secret: 'not-the-secret' } });
    await assert.rejects(defender.mde.listAlerts({ maxAlerts: 1 }), (error) => {
      assert.ok(isVigilError(error, 'DEFENDER.AUTH_FAILED'), String(error));
      assert.match(
        error.friendlyMessage,
        /^Vigil could not sign in to Defender as app vigil-demo: the client secret is wrong or expired \(invalid_client\)/,
      );
      assert.doesNotMatch(JSON.stringify({ m: error.message, d: error.details }), /not-the-secret/);
      return true;
    });
  });

  it("should say AUTH_FAILED when the sign-in host's certificate is not trusted", async () => {
    const defender = clients({ trustedCaPem: undefined });
    await assert.rejects(defender.mde.listAlerts({ maxAlerts: 1 }), (error) => {
      assert.ok(isVigilError(error, 'DEFENDER.AUTH_FAILED'), String(error));
      assert.match(error.friendlyMessage, /could not be reached or is not trusted/);
      return true;
    });
  });

  it('should name the missing permission when the app lacks a role', async () => {
    const admin = clients();
    const machineId = await someMachineId(admin);
    const reader = clients({
      clientId: 'vigil-reader',
      credential: { kind: 'secret', secret: 'reader-secret' },
    });
    await assert.rejects(reader.mde.isolate(machineId, 'Full', 'test'), (error) => {
      assert.ok(isVigilError(error, 'DEFENDER.FORBIDDEN'), String(error));
      assert.equal(
        error.friendlyMessage,
        'Defender refused: the Vigil app needs the Machine.Isolate application permission (WindowsDefenderATP API) with admin consent.',
      );
      assert.equal(error.details.status, 403);
      assert.equal(error.details.route, 'POST /api/machines/{id}/isolate');
      return true;
    });
  });

  it('should ride out injected 429s (with and without Retry-After) and 500s', async () => {
    const warnings: Warning[] = [];
    const defender = clients({}, warnings);
    await defender.tokens.getToken();
    await sim.call('POST', '/_sim/faults', {
      body: { method: 'GET', path: '/api/alerts', status: 429, retryAfter: 1, times: 1 },
    });
    await sim.call('POST', '/_sim/faults', {
      body: { method: 'GET', path: '/api/machines', status: 429, times: 2 },
    });
    await sim.call('POST', '/_sim/faults', {
      body: { method: 'GET', path: '/api/machineactions', status: 500, times: 2 },
    });
    const started = Date.now();
    await defender.mde.listAlerts({ maxAlerts: 5 });
    assert.ok(Date.now() - started >= 1000, 'waited for Retry-After: 1');
    await defender.mde.findMachines({ maxMachines: 5 });
    await defender.mde.listMachineActions({ maxActions: 5 });
    assert.deepEqual(
      warnings.map((w) => w.fields.failure),
      [
        'HTTP 429 TooManyRequests',
        'HTTP 429 TooManyRequests',
        'HTTP 429 TooManyRequests',
        'HTTP 500 InternalServerError',
        'HTTP 500 InternalServerError',
      ],
    );
  });

  it('should repeat a read that outlives the timeout', async () => {
    const defender = clients({ timeoutMs: 300 });
    await defender.tokens.getToken();
    await sim.call('POST', '/_sim/faults', {
      body: { method: 'GET', path: '/api/alerts', latencyMs: 800, times: 1 },
    });
    const alerts = await defender.mde.listAlerts({ maxAlerts: 3 });
    assert.equal(alerts.length, 3);
    assert.equal((await stats())['GET /api/alerts'], 2);
  });

  it('should not repeat an isolation that outlives the timeout', async () => {
    const defender = clients({ timeoutMs: 300 });
    const machineId = await someMachineId(defender);
    await sim.call('POST', '/_sim/faults', {
      body: { method: 'POST', path: '/api/machines/', latencyMs: 700, times: 1 },
    });
    await assert.rejects(
      defender.mde.isolate(machineId, 'Full', 'slow'),
      (error) => isVigilError(error, 'DEFENDER.TIMEOUT') && error.details.maybeActed === true,
    );
    assert.equal((await stats())['POST /api/machines/{id}/isolate'], 1, 'Vigil did not ask twice');
    const actions = await defender.mde.listMachineActions({ machineId, type: 'Isolate' });
    assert.ok(actions.length <= 1);
  });

  it('should answer a timed-out isolation with the isolation MDE already has open', async () => {
    const defender = clients({ timeoutMs: 300 });
    const machineId = await someMachineId(defender);
    const first = await defender.mde.isolate(machineId, 'Full', 'first click');
    await sim.call('POST', '/_sim/faults', {
      body: { method: 'POST', path: '/api/machines/', latencyMs: 700, times: 1 },
    });
    const second = await defender.mde.isolate(machineId, 'Full', 'second click');
    assert.equal(second.id, first.id);
    assert.equal((await stats())['POST /api/machines/{id}/isolate'], 2);
  });

  it('should keep a burst of 150 alert reads under the scaled rate limit with no 429', async () => {
    await sim.call('POST', '/_sim/config', { body: { rateTimeScale: SCALE } });
    const warnings: Warning[] = [];
    const defender = clients({}, warnings);
    await defender.tokens.getToken();
    const results = await Promise.all(
      Array.from({ length: 150 }, () => defender.mde.listAlerts({ maxAlerts: 1, includeEvidence: false })),
    );
    assert.equal(results.length, 150);
    assert.equal(
      warnings.length,
      0,
      `the client saw: ${JSON.stringify(warnings.map((w) => w.fields.failure))}`,
    );
    assert.equal((await stats())['GET /api/alerts'], 150, 'each call sent once: no 429 and no repeat');
  });

  it('should isolate a machine and refuse a duplicate as ACTION_ALREADY_PENDING', async () => {
    const defender = clients();
    const machineId = await someMachineId(defender);
    const action = await defender.mde.isolate(machineId, 'Selective', 'Vigil test');
    assert.equal(action.type, 'Isolate');
    assert.equal(action.status, 'Pending');
    assert.equal(action.machineId, machineId);
    assert.equal(action.scope, 'Selective');
    assert.equal(action.comment, 'Vigil test');
    assert.match(action.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await assert.rejects(defender.mde.isolate(machineId, 'Full', 'again'), (error) =>
      isVigilError(error, 'DEFENDER.ACTION_ALREADY_PENDING'),
    );
    assert.equal((await defender.mde.getMachineAction(action.id)).id, action.id);
    const cancelled = await defender.mde.cancelMachineAction(action.id, 'undo', 'Isolate');
    assert.equal(cancelled.status, 'Cancelled');
  });

  it('should send every other machine action MDE knows, on its own route', async () => {
    const defender = clients();
    const machines = await defender.mde.findMachines({ maxMachines: 5 });
    const [a, b, c, d] = machines.map((machine) => machine.id);
    assert.ok(a && b && c && d);
    const sha1 = 'ff836cfb1af40252bd2a2ea843032e99a5b262ed';
    const created = [
      await defender.mde.runAntivirusScan(a, 'Quick', 'scan'),
      await defender.mde.collectInvestigationPackage(b, 'collect'),
      await defender.mde.restrictCodeExecution(c, 'restrict'),
      await defender.mde.stopAndQuarantineFile(d, sha1, 'quarantine'),
    ];
    assert.deepEqual(
      created.map((action) => [action.type, action.machineId, action.status]),
      [
        ['RunAntiVirusScan', a, 'Pending'],
        ['CollectInvestigationPackage', b, 'Pending'],
        ['RestrictCodeExecution', c, 'Pending'],
        ['StopAndQuarantineFile', d, 'Pending'],
      ],
    );
    assert.equal(created[0]?.scope, 'Quick');
    await assert.rejects(defender.mde.getInvestigationPackageUri(created[1]?.id ?? ''), (error) =>
      isVigilError(error, 'DEFENDER.NOT_FOUND'),
    );
    const listed = await defender.mde.listMachineActions({ status: 'Pending' });
    assert.equal(listed.length, 4);
  });

  it("should read an alert's machine and user, and batch-update alerts", async () => {
    const defender = clients();
    const alerts = await defender.mde.listAlerts({
      statuses: ['new'],
      maxAlerts: 20,
      includeEvidence: false,
    });
    const withBoth = alerts.find((alert) => alert.machine && alert.user);
    assert.ok(withBoth, 'an open alert names a machine and a user');
    const machine = await defender.mde.getAlertMachine(withBoth.id);
    assert.equal(machine.id, withBoth.machine?.id);
    const user = await defender.mde.getAlertUser(withBoth.id);
    assert.equal(user.name.toLowerCase(), withBoth.user?.name.toLowerCase());
    const machineAlerts = await defender.mde.listMachineAlerts(machine.id);
    assert.ok(machineAlerts.some((alert) => alert.id === withBoth.id));
    const ids = alerts.slice(0, 3).map((alert) => alert.id);
    await defender.mde.updateAlerts(ids, { status: 'inProgress', assignedTo: 'secops@contoso.com' });
    const after = await defender.mde.getAlert(ids[0] ?? '');
    assert.equal(after.status, 'inProgress');
    assert.equal(after.assignedTo, 'secops@contoso.com');
  });

  it("should read a machine's logged-on users, and name User.Read.All when the app lacks it", async () => {
    const defender = clients();
    const jump = await defender.mde.getMachine('jump01');
    const users = await defender.mde.getMachineLogonUsers(jump.id);
    assert.deepEqual(
      users.map((user) => [user.name, user.domain, user.isDomainAdmin]),
      [
        ['bob', 'contoso', true],
        ['grace', 'contoso', false],
      ],
    );
    assert.ok(users.every((user) => user.lastSeen?.endsWith('Z')));
    await assert.rejects(defender.mde.getMachineLogonUsers('f'.repeat(40)), (error) =>
      isVigilError(error, 'DEFENDER.NOT_FOUND'),
    );
    const reader = clients({
      clientId: 'vigil-reader',
      credential: { kind: 'secret', secret: 'reader-secret' },
    });
    await assert.rejects(reader.mde.getMachineLogonUsers(jump.id), (error) => {
      assert.ok(isVigilError(error, 'DEFENDER.FORBIDDEN'), String(error));
      assert.match(error.friendlyMessage, /User\.Read\.All/);
      assert.equal(error.details.route, 'GET /api/machines/{id}/logonusers');
      return true;
    });
  });

  it('should resolve an MDE alert and read the change back', async () => {
    const defender = clients();
    const [open] = await defender.mde.listAlerts({ statuses: ['new'], maxAlerts: 1 });
    assert.ok(open);
    const updated = await defender.mde.updateAlert(open.id, {
      status: 'resolved',
      classification: 'truePositive',
      determination: 'Malware',
      comment: 'Resolved by the Vigil tests',
    });
    assert.equal(updated.status, 'resolved');
    assert.equal(updated.classification, 'truePositive');
    assert.ok(updated.comments.some((c) => c.text === 'Resolved by the Vigil tests'));
    assert.equal((await defender.mde.getAlert(open.id)).status, 'resolved');
  });

  it('should list MCAS alerts and close one as benign', async () => {
    const defender = clients();
    const mcas = defender.mcas;
    assert.ok(mcas);
    const alerts = await mcas.listAlerts({ openOnly: true });
    assert.ok(alerts.length > 0);
    assert.ok(alerts.every((alert) => alert.source === 'mcas' && alert.status === 'new' && !alert.machine));
    const target = alerts[0];
    assert.ok(target);
    await mcas.closeBenign(target.id, { comment: 'expected activity', reasonId: 6 });
    const closed = await mcas.getAlert(target.id);
    assert.equal(closed.status, 'resolved');
    assert.equal(closed.classification, 'informationalExpectedActivity');
    assert.equal(closed.comments[0]?.text, 'expected activity');
  });

  it('should close MCAS alerts as true and false positive, mark them read, and know an unknown id', async () => {
    const mcas = clients().mcas;
    assert.ok(mcas);
    const [first, second] = await mcas.listAlerts({ openOnly: true });
    assert.ok(first && second);
    await mcas.markRead(first.id);
    await mcas.markUnread(first.id);
    await mcas.closeTruePositive(first.id, 'confirmed with the user');
    await mcas.closeFalsePositive(second.id, { comment: 'VPN', reasonId: 3 });
    assert.equal((await mcas.getAlert(first.id)).classification, 'truePositive');
    assert.equal((await mcas.getAlert(second.id)).classification, 'falsePositive');
    await assert.rejects(mcas.closeTruePositive('ffffffffffffffffffffffff', 'x'), (error) =>
      isVigilError(error, 'DEFENDER.NOT_FOUND'),
    );
    await assert.rejects(mcas.getAlert('ffffffffffffffffffffffff'), (error) =>
      isVigilError(error, 'DEFENDER.NOT_FOUND'),
    );
  });

  it("should find the machines of an MCAS alert's user and run a hunting query", async () => {
    const defender = clients();
    const alerts = (await defender.mcas?.listAlerts({})) ?? [];
    const upn = alerts.find((alert) => alert.user?.upn)?.user?.upn;
    assert.ok(upn, 'an MCAS alert names a user');
    const machines = await defender.mde.getUserMachines(upn);
    assert.ok(machines.length > 0, `${upn} logs on to some machine`);
    const result = await defender.mde.runHuntingQuery('DeviceInfo | take 3');
    assert.ok(result.schema.some((column) => column.name === 'DeviceName'));
    assert.ok(result.rows.length > 0 && result.rows.length <= 3);
  });
});
