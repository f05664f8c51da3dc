import assert from 'node:assert/strict';
import { MdeClient } from '../../../src/adapters/defender/mde-client';
import { isVigilError } from '../../../src/domain/errors/vigil-error';
import {
  mdeAlertWire,
  mdeLogonUserWire,
  mdeMachineActionWire,
  mdeMachineWire,
} from './helpers/defender-fixtures';
import { type StubReply, type StubRequest, type StubServer, startStubServer } from './helpers/stub-server';
import { createTestHttp } from './helpers/test-http';

const MACHINE_ID = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';

describe('MdeClient', () => {
  let server: StubServer;
  let route: (req: StubRequest) => StubReply;
  let client: MdeClient;
  beforeEach(async () => {
    route = () => ({ status: 404 });
    server = await startStubServer((req) => route(req));
    client = new MdeClient(createTestHttp(server.url, { timeoutMs: 200 }).http, { pageSize: 2 });
  });
  afterEach(() => server.close());

  it('should page alerts with $top/$skip until a short page, with evidence and a safe filter', async () => {
    const pages = [
      [mdeAlertWire({ id: 'a1' }), mdeAlertWire({ id: 'a2' })],
      [mdeAlertWire({ id: 'a2' }), mdeAlertWire({ id: 'a3' })],
      [mdeAlertWire({ id: 'a4' })],
    ];
    route = (req) => ({ body: { value: pages[Number(req.query.get('$skip')) / 2] ?? [] } });
    const alerts = await client.listAlertsUpdatedSince('2024-05-01T10:00:00.000Z');
    assert.deepEqual(
      alerts.map((a) => a.id),
      ['a1', 'a2', 'a3', 'a4'],
    );
    assert.equal(server.requests.length, 3);
    const first = server.requests[0];
    assert.equal(first?.query.get('$filter'), 'lastUpdateTime ge 2024-05-01T10:00:00.000Z');
    assert.equal(first?.query.get('$expand'), 'evidence');
    assert.deepEqual(
      server.requests.map((r) => [r.query.get('$top'), r.query.get('$skip')]),
      [
        ['2', '0'],
        ['2', '2'],
        ['2', '4'],
      ],
    );
    assert.equal(alerts[0]?.evidence.length, 2);
  });

  it('should patch an alert with a camelCase body and PascalCase values', async () => {
    route = () => ({ body: mdeAlertWire({ status: 'Resolved', classification: 'FalsePositive' }) });
    const alert = await client.updateAlert('a1', {
      status: 'resolved',
      classification: 'falsePositive',
      determination: 'Other',
      comment: 'Closed from Teams',
    });
    assert.equal(server.requests[0]?.method, 'PATCH');
    assert.deepEqual(server.requests[0]?.body, {
      status: 'Resolved',
      classification: 'FalsePositive',
      determination: 'Other',
      comment: 'Closed from Teams',
    });
    assert.equal(alert.status, 'resolved');
  });

  it('should find a machine by its short name and not by a longer one', async () => {
    const machines = [
      mdeMachineWire({ id: 'b'.repeat(40), computerDnsName: 'ws-0421.contoso.com' }),
      mdeMachineWire({ id: 'c'.repeat(40), computerDnsName: 'ws-042.contoso.com' }),
    ];
    route = (req) => ({ body: { value: req.query.get('$skip') === '0' ? machines : [] } });
    const machine = await client.getMachine('WS-042');
    assert.equal(machine.id, 'c'.repeat(40));
    assert.equal(server.requests[0]?.query.get('$filter'), "startswith(computerDnsName,'ws-042')");
  });

  it('should get a machine by id and say NOT_FOUND for an unknown name', async () => {
    route = (req) =>
      req.path === `/api/machines/${MACHINE_ID}` ? { body: mdeMachineWire() } : { body: { value: [] } };
    assert.equal((await client.getMachine(MACHINE_ID)).name, 'mymachine1.contoso.com');
    await assert.rejects(client.getMachine('nope'), (error) => isVigilError(error, 'DEFENDER.NOT_FOUND'));
  });

  it("should ask for a user's machines by the bare user name", async () => {
    route = () => ({ body: { value: [mdeMachineWire()] } });
    await client.getUserMachines('alice@contoso.com');
    await client.getUserMachines('CONTOSO\\alice');
    assert.deepEqual(
      server.requests.map((r) => r.path),
      ['/api/users/alice/machines', '/api/users/alice/machines'],
    );
  });

  it("should read a machine's logged-on users, most recently seen first", async () => {
    route = (req) =>
      req.path === `/api/machines/${MACHINE_ID}/logonusers`
        ? {
            body: {
              '@odata.context': 'https://api.securitycenter.microsoft.com/api/$metadata#Users',
              value: [
                mdeLogonUserWire({ accountName: 'user1', lastSeen: '2020-01-06T08:01:48Z' }),
                mdeLogonUserWire({
                  id: 'contoso\\user2',
                  accountName: 'user2',
                  lastSeen: '2020-01-07T09:00:00Z',
                  isDomainAdmin: false,
                }),
              ],
            },
          }
        : { status: 404 };
    const users = await client.getMachineLogonUsers(MACHINE_ID);
    assert.deepEqual(users, [
      { name: 'user2', domain: 'contoso', lastSeen: '2020-01-07T09:00:00.000Z', isDomainAdmin: false },
      { name: 'user1', domain: 'contoso', lastSeen: '2020-01-06T08:01:48.000Z', isDomainAdmin: true },
    ]);
    assert.equal(server.requests[0]?.method, 'GET');
  });

  it('should say NOT_FOUND for an unknown machine and INVALID_RESPONSE for a malformed user', async () => {
    route = () => ({ status: 404, body: { error: { code: 'NotFound', message: 'Machine not found' } } });
    await assert.rejects(client.getMachineLogonUsers('f'.repeat(40)), (error) => {
      assert.ok(isVigilError(error, 'DEFENDER.NOT_FOUND'), String(error));
      assert.equal(error.details.route, 'GET /api/machines/{id}/logonusers');
      return true;
    });
    route = () => ({ body: { value: [mdeLogonUserWire({ accountName: 42 })] } });
    await assert.rejects(client.getMachineLogonUsers(MACHINE_ID), (error) =>
      isVigilError(error, 'DEFENDER.INVALID_RESPONSE'),
    );
  });

  it('should send machine actions with PascalCase bodies and map the reply', async () => {
    route = () => ({ status: 201, body: mdeMachineActionWire() });
    const action = await client.isolate(MACHINE_ID, 'Selective', 'Alert 1234');
    await client.runAntivirusScan(MACHINE_ID, 'Quick', 'scan');
    await client.stopAndQuarantineFile(MACHINE_ID, 'ff836cfb1af40252bd2a2ea843032e99a5b262ed', 'stop');
    assert.equal(action.type, 'Isolate');
    assert.deepEqual(
      server.requests.map((r) => [r.path, r.body]),
      [
        [`/api/machines/${MACHINE_ID}/isolate`, { Comment: 'Alert 1234', IsolationType: 'Selective' }],
        [`/api/machines/${MACHINE_ID}/runAntiVirusScan`, { Comment: 'scan', ScanType: 'Quick' }],
        [
          `/api/machines/${MACHINE_ID}/StopAndQuarantineFile`,
          { Comment: 'stop', Sha1: 'ff836cfb1af40252bd2a2ea843032e99a5b262ed' },
        ],
      ],
    );
  });

  it('should not repeat an isolation that timed out, but find the action MDE opened', async () => {
    route = (req) =>
      req.method === 'POST'
        ? { delayMs: 400, status: 201, body: mdeMachineActionWire() }
        : { body: { value: [mdeMachineActionWire({ id: 'found', status: 'InProgress' })] } };
    const action = await client.isolate(MACHINE_ID, 'Full', 'x');
    assert.equal(action.id, 'found');
    assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1);
    assert.equal(
      server.requests[1]?.query.get('$filter'),
      `machineId eq '${MACHINE_ID}' and type eq 'Isolate'`,
    );
  });

  it('should report a timed-out isolation as maybe acted when no open action is found', async () => {
    route = (req) => (req.method === 'POST' ? { delayMs: 400 } : { body: { value: [] } });
    await assert.rejects(
      client.isolate(MACHINE_ID, 'Full', 'x'),
      (error) => isVigilError(error, 'DEFENDER.TIMEOUT') && error.details.maybeActed === true,
    );
    assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1);
  });

  it('should not take an open quarantine of another file for a timed-out one', async () => {
    const other = { fileIdentifier: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', fileIdentifierType: 'Sha1' };
    route = (req) =>
      req.method === 'POST'
        ? { delayMs: 400 }
        : {
            body: {
              value: [mdeMachineActionWire({ type: 'StopAndQuarantineFile', relatedFileInfo: other })],
            },
          };
    await assert.rejects(
      client.stopAndQuarantineFile(MACHINE_ID, 'ff836cfb1af40252bd2a2ea843032e99a5b262ed', 'x'),
      (error) => isVigilError(error, 'DEFENDER.TIMEOUT'),
    );
  });

  it('should say ACTION_ALREADY_PENDING for a duplicate action', async () => {
    route = () => ({
      status: 400,
      body: { error: { code: 'ActiveRequestAlreadyExists', message: 'Action is already in progress' } },
    });
    await assert.rejects(client.unisolate(MACHINE_ID, 'x'), (error) =>
      isVigilError(error, 'DEFENDER.ACTION_ALREADY_PENDING'),
    );
  });

  it('should name the permission of the cancelled action on a 403', async () => {
    route = () => ({ status: 403 });
    await assert.rejects(
      client.cancelMachineAction('id', 'x', 'RunAntiVirusScan'),
      (error) => isVigilError(error, 'DEFENDER.FORBIDDEN') && /Machine\.Scan/.test(error.friendlyMessage),
    );
  });

  it('should run a hunting query and map its schema, rows and stats', async () => {
    route = () => ({
      body: {
        Stats: { ExecutionTime: 0.53, dataset_statistics: [{ table_row_count: 1, table_size: 102 }] },
        Schema: [{ Name: 'DeviceName', Type: 'String' }],
        Results: [{ DeviceName: 'ws-042' }],
      },
    });
    const result = await client.runHuntingQuery('DeviceInfo | take 1');
    assert.deepEqual(server.requests[0]?.body, { Query: 'DeviceInfo | take 1' });
    assert.deepEqual(result, {
      schema: [{ name: 'DeviceName', type: 'String' }],
      rows: [{ DeviceName: 'ws-042' }],
      stats: { rowCount: 1, executionTimeS: 0.53 },
    });
  });
});
