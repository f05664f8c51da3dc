import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { ListenError } from '../../src/adapters/http/listen';
import { ensurePortsFree } from '../../src/demo/ensure-ports-free';

describe('ensurePortsFree', () => {
  let holder: Server;
  let taken: number;

  before(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    taken = (holder.address() as { port: number }).port;
  });
  after(() => new Promise<void>((resolve) => holder.close(() => resolve())));

  it('should pass when every port is free or any-port (0)', async () => {
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as { port: number }).port;
    await new Promise<void>((resolve) => free.close(() => resolve()));
    await ensurePortsFree([
      { port, host: '127.0.0.1', variable: 'PORT' },
      { port: 0, host: '127.0.0.1', variable: 'SIM_PORT' },
    ]);
  });

  it('should name a taken port and the variable that sets it', async () => {
    await assert.rejects(
      ensurePortsFree([
        { port: 0, host: '127.0.0.1', variable: 'PORT' },
        { port: taken, host: '127.0.0.1', variable: 'PLAYGROUND_PORT', what: 'the Agents Playground' },
      ]),
      (error: unknown) => {
        assert.ok(error instanceof ListenError);
        assert.equal(error.code, 'HTTP.PORT_IN_USE');
        assert.match(error.friendlyMessage, new RegExp(`Port ${taken} .*set PLAYGROUND_PORT to a free port`));
        return true;
      },
    );
  });
});
