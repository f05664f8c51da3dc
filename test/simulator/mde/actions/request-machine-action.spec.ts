import assert from 'node:assert/strict';
import { type ActionBody, ActionSim, type ErrorBody } from './helpers/action-sim';

const MDE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;
const SHA1 = '87662bc3d60e4200ceaf7aae249d1c343f4b83c9';

const ACTION_FIELDS = [
  'id',
  'type',
  'scope',
  'title',
  'requestor',
  'requestorComment',
  'requestSource',
  'externalID',
  'status',
  'machineId',
  'computerDnsName',
  'creationDateTimeUtc',
  'lastUpdateDateTimeUtc',
  'cancellationRequestor',
  'cancellationComment',
  'cancellationDateTimeUtc',
  'relatedFileInfo',
  'commands',
];

const HAPPY_PATHS: Array<{ segment: string; body: object; type: string; scope: string | null }> = [
  { segment: 'isolate', body: { IsolationType: 'Selective' }, type: 'Isolate', scope: 'Selective' },
  { segment: 'unisolate', body: {}, type: 'Unisolate', scope: null },
  { segment: 'runAntiVirusScan', body: { ScanType: 'Full' }, type: 'RunAntiVirusScan', scope: 'Full' },
  { segment: 'collectInvestigationPackage', body: {}, type: 'CollectInvestigationPackage', scope: null },
  { segment: 'restrictCodeExecution', body: {}, type: 'RestrictCodeExecution', scope: null },
  { segment: 'unrestrictCodeExecution', body: {}, type: 'UnrestrictCodeExecution', scope: null },
  { segment: 'StopAndQuarantineFile', body: { Sha1: SHA1 }, type: 'StopAndQuarantineFile', scope: null },
];

describe('POST /api/machines/{id}/<action>', () => {
  let env: ActionSim;
  before(async () => {
    env = await ActionSim.start();
  });
  after(() => env.stop());
  beforeEach(() => env.reset());

  for (const happy of HAPPY_PATHS) {
    it(`should answer ${happy.segment} with 201 and a Pending ${happy.type} MachineAction`, async () => {
      const result = await env.act(happy.segment, { Comment: 'from the SOC', ...happy.body });
      assert.equal(result.status, 201);
      const action = result.body;
      assert.deepEqual(Object.keys(action).sort(), ['@odata.context', ...ACTION_FIELDS].sort());
      assert.match(action['@odata.context'], /\/api\/\$metadata#MachineActions\/\$entity$/);
      assert.match(action.id, /^[0-9a-f-]{36}$/);
      assert.equal(action.type, happy.type);
      assert.equal(action.scope, happy.scope);
      assert.equal(action.status, 'Pending');
      assert.equal(action.requestor, 'vigil-demo');
      assert.equal(action.requestorComment, 'from the SOC');
      assert.equal(action.requestSource, 'PublicApi');
      assert.equal(action.machineId, env.machine.id);
      assert.equal(action.computerDnsName, env.machine.computerDnsName);
      assert.ok(action.title?.includes(env.machine.computerDnsName));
      assert.equal(action.creationDateTimeUtc, '2024-05-01T10:00:00.0000000Z');
      assert.match(action.lastUpdateDateTimeUtc, MDE_TIME);
      assert.equal(action.cancellationRequestor, null);
      assert.deepEqual(action.commands, []);
    });
  }

  it('should default IsolationType to Full', async () => {
    const result = await env.act('isolate', { Comment: 'contain' });
    assert.equal(result.status, 201);
    assert.equal(result.body.scope, 'Full');
  });

  it('should accept UnManagedDevice and an enum value in another case', async () => {
    const unmanaged = await env.act('isolate', { Comment: 'c', IsolationType: 'UnManagedDevice' });
    assert.equal(unmanaged.body.scope, 'UnManagedDevice');
    const quick = await env.act('runAntiVirusScan', { Comment: 'c', ScanType: 'quick' });
    assert.equal(quick.status, 201);
    assert.equal(quick.body.scope, 'Quick');
  });

  it('should set relatedFileInfo on StopAndQuarantineFile', async () => {
    const result = await env.act('StopAndQuarantineFile', { Comment: 'c', Sha1: SHA1.toUpperCase() });
    assert.deepEqual(result.body.relatedFileInfo, { fileIdentifier: SHA1, fileIdentifierType: 'Sha1' });
  });

  it('should find the machine by its DNS name and answer with its 40-hex id', async () => {
    const result = await env.act('isolate', { Comment: 'c' }, { machine: env.machine.computerDnsName });
    assert.equal(result.status, 201);
    assert.equal(result.body.machineId, env.machine.id);
  });

  describe('refusals', () => {
    async function refused(segment: string, body: unknown, status = 400) {
      const result = await env.act<ErrorBody>(segment, body);
      assert.equal(result.status, status, result.text);
      assert.deepEqual(await env.simActions(), [], 'a refused request creates no action');
      return result.body.error;
    }

    it('should refuse an IsolationType outside its values, naming them', async () => {
      const error = await refused('isolate', { Comment: 'c', IsolationType: 'Partial' });
      assert.equal(error.code, 'InvalidRequestBody');
      assert.match(error.message, /IsolationType/);
      assert.match(error.message, /Full, Selective, UnManagedDevice/);
      assert.match(error.target, /^[0-9a-f-]{36}$/);
    });

    it('should refuse a ScanType outside Quick and Full', async () => {
      const error = await refused('runAntiVirusScan', { Comment: 'c', ScanType: 'Deep' });
      assert.equal(error.code, 'InvalidRequestBody');
      assert.match(error.message, /Quick, Full/);
    });

    it('should refuse a wrong-case parameter name, naming the expected one', async () => {
      const error = await refused('isolate', { Comment: 'c', isolationType: 'Full' });
      assert.equal(error.code, 'InvalidRequestBody');
      assert.match(error.message, /'isolationType'/);
      assert.match(error.message, /'IsolationType'/);
      const scan = await refused('runAntiVirusScan', { Comment: 'c', scantype: 'Quick' });
      assert.match(scan.message, /'ScanType'/);
    });

    it('should refuse a lower-case comment', async () => {
      const error = await refused('unisolate', { comment: 'c' });
      assert.equal(error.code, 'InvalidRequestBody');
      assert.match(error.message, /'Comment'/);
    });

    it('should refuse a missing Comment with MissingRequiredParameter', async () => {
      const error = await refused('isolate', { IsolationType: 'Full' });
      assert.equal(error.code, 'MissingRequiredParameter');
      assert.match(error.message, /'Comment'/);
      const noBody = await refused('collectInvestigationPackage', undefined);
      assert.equal(noBody.code, 'MissingRequiredParameter');
    });

    it('should refuse a scan without ScanType', async () => {
      const error = await refused('runAntiVirusScan', { Comment: 'c' });
      assert.equal(error.code, 'MissingRequiredParameter');
      assert.match(error.message, /'ScanType'/);
    });

    it('should refuse a Sha1 that is not 40 hex characters with InvalidHashValue', async () => {
      const error = await refused('StopAndQuarantineFile', { Comment: 'c', Sha1: 'not-a-hash' });
      assert.equal(error.code, 'InvalidHashValue');
      const missing = await refused('StopAndQuarantineFile', { Comment: 'c' });
      assert.equal(missing.code, 'MissingRequiredParameter');
    });

    it('should refuse a body that is not an object or a Comment that is not a string', async () => {
      assert.equal((await refused('isolate', ['Comment'])).code, 'InvalidRequestBody');
      assert.equal((await refused('isolate', { Comment: 42 })).code, 'InvalidRequestBody');
      assert.equal((await refused('isolate', { Comment: '  ' })).code, 'InvalidRequestBody');
    });

    it('should answer 404 ResourceNotFound for an unknown machine', async () => {
      const result = await env.act<ErrorBody>('isolate', { Comment: 'c' }, { machine: 'f'.repeat(40) });
      assert.equal(result.status, 404);
      assert.equal(result.body.error.code, 'ResourceNotFound');
      assert.equal(result.body.error.message, `Machine ${'f'.repeat(40)} was not found`);
    });

    it('should answer 403 when the token lacks the action role', async () => {
      const token = await env.sim.token(['Machine.Scan']);
      const result = await env.act<ErrorBody>('isolate', { Comment: 'c' }, { token });
      assert.equal(result.status, 403);
      assert.equal(result.body.error.code, 'Forbidden');
      const scan = await env.act('runAntiVirusScan', { Comment: 'c', ScanType: 'Quick' }, { token });
      assert.equal(scan.status, 201);
    });

    it('should answer 401 without a token', async () => {
      const result = await env.sim.call<ErrorBody>('POST', `/api/machines/${env.machine.id}/isolate`, {
        body: { Comment: 'c' },
      });
      assert.equal(result.status, 401);
      assert.equal(result.body.error.code, 'Unauthorized');
      assert.deepEqual(await env.simActions(), []);
    });
  });

  describe('a request while one is active', () => {
    async function expectAlreadyInProgress(segment: string, body: object) {
      const result = await env.act<ErrorBody>(segment, { Comment: 'again', ...body });
      assert.equal(result.status, 400);
      assert.equal(result.body.error.code, 'ActiveRequestAlreadyExists');
      assert.equal(result.body.error.message, 'Action is already in progress');
    }

    it('should refuse a second isolate while the first is pending, and keep one action', async () => {
      assert.equal((await env.act('isolate', { Comment: 'first' })).status, 201);
      await expectAlreadyInProgress('isolate', { IsolationType: 'Selective' });
      const actions = await env.simActions();
      assert.equal(actions.length, 1);
      assert.equal(actions[0]?.requestorComment, 'first');
    });

    it('should refuse an unisolate while an isolate is in progress', async () => {
      await env.act('isolate', { Comment: 'first' });
      env.advance(2000);
      await expectAlreadyInProgress('unisolate', {});
      assert.equal((await env.get((await env.simActions())[0]?.id ?? '')).body.status, 'InProgress');
    });

    it('should refuse unrestrict while restrict is pending, and a second scan of any type', async () => {
      await env.act('restrictCodeExecution', { Comment: 'c' });
      await expectAlreadyInProgress('unrestrictCodeExecution', {});
      await env.act('runAntiVirusScan', { Comment: 'c', ScanType: 'Quick' });
      await expectAlreadyInProgress('runAntiVirusScan', { ScanType: 'Full' });
      await env.act('collectInvestigationPackage', { Comment: 'c' });
      await expectAlreadyInProgress('collectInvestigationPackage', {});
      assert.equal((await env.simActions()).length, 3);
    });

    it('should refuse quarantining the same file twice but allow another file', async () => {
      await env.act('StopAndQuarantineFile', { Comment: 'c', Sha1: SHA1 });
      await expectAlreadyInProgress('StopAndQuarantineFile', { Sha1: SHA1.toUpperCase() });
      const other = await env.act('StopAndQuarantineFile', { Comment: 'c', Sha1: 'a'.repeat(40) });
      assert.equal(other.status, 201);
    });

    it('should allow other families and other machines meanwhile', async () => {
      await env.act('isolate', { Comment: 'c' });
      assert.equal((await env.act('runAntiVirusScan', { Comment: 'c', ScanType: 'Quick' })).status, 201);
      const elsewhere = await env.act('isolate', { Comment: 'c' }, { machine: env.other.id });
      assert.equal(elsewhere.status, 201);
    });

    it('should allow the same action again once the first is final', async () => {
      await env.act('isolate', { Comment: 'c' });
      env.advance(3000);
      const again = await env.act<ActionBody>('isolate', { Comment: 'again' });
      assert.equal(again.status, 201);
      assert.equal((await env.simActions()).length, 2);
    });
  });
});
