import assert from 'node:assert/strict';
import { McasClient } from '../../../src/adapters/defender/mcas-client';
import { isVigilError } from '../../../src/domain/errors/vigil-error';
import { mcasAlertWire } from './helpers/defender-fixtures';
import { type StubReply, type StubRequest, type StubServer, startStubServer } from './helpers/stub-server';
import { createTestHttp } from './helpers/test-http';

describe('McasClient', () => {
  let server: StubServer;
  let route: (req: StubRequest) => StubReply;
  let client: McasClient;
  beforeEach(async () => {
    route = () => ({ status: 404 });
    server = await startStubServer((req) => route(req));
    client = new McasClient(createTestHttp(server.url, { service: 'mcas' }).http);
  });
  afterEach(() => server.close());

  it('should list alerts 100 at a time with filters until hasNext is false', async () => {
    route = (req) => {
      const skip = (req.body as { skip: number }).skip;
      const data = Array.from({ length: skip === 0 ? 100 : 3 }, (_, i) =>
        mcasAlertWire({ _id: `m${skip + i}` }),
      );
      return { body: { total: 103, hasNext: skip === 0, data } };
    };
    const alerts = await client.listAlerts({
      openOnly: true,
      since: '2024-05-01T10:00:00Z',
      severities: ['high', 'medium'],
    });
    assert.equal(alerts.length, 103);
    assert.equal(alerts[0]?.source, 'mcas');
    assert.deepEqual(
      server.requests.map((r) => r.path),
      ['/api/v1/alerts/', '/api/v1/alerts/'],
    );
    assert.deepEqual(server.requests[1]?.body, {
      filters: { alertOpen: { eq: true }, date: { gte: 1714557600000 }, severity: { eq: [2, 1] } },
      skip: 100,
      limit: 100,
      sortField: 'date',
      sortDirection: 'desc',
    });
  });

  it('should close an alert by id with a comment and a reason', async () => {
    route = () => ({ body: { closed_benign: 1 } });
    await client.closeBenign('603f704aaf7417985bbf3b22', { comment: 'expected', reasonId: 6 });
    assert.equal(server.requests[0]?.path, '/api/v1/alerts/close_benign/');
    assert.deepEqual(server.requests[0]?.body, {
      filters: { id: { eq: ['603f704aaf7417985bbf3b22'] } },
      comment: 'expected',
      reasonId: 6,
    });
  });

  it('should say NOT_FOUND when MCAS lists the id in alertsNotFound', async () => {
    route = () => ({ body: { closed_true_positive: 0, alertsNotFound: ['nope'] } });
    await assert.rejects(client.closeTruePositive('nope', 'x'), (error) =>
      isVigilError(error, 'DEFENDER.NOT_FOUND'),
    );
  });

  it('should send the API token as "Token …"', async () => {
    route = () => ({ body: mcasAlertWire() });
    await client.getAlert('603f704aaf7417985bbf3b22');
    assert.equal(server.requests[0]?.path, '/api/v1/alerts/603f704aaf7417985bbf3b22/');
    assert.equal(server.requests[0]?.headers.authorization, 'Token test-token');
  });
});
