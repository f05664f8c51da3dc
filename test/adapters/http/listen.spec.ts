import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { ListenError, listen } from '../../../src/adapters/http/listen';

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('listen', () => {
  it('should resolve with the port it got (0 = a free one)', async () => {
    const server = createServer();
    const port = await listen(server, { port: 0, host: '127.0.0.1', variable: 'PORT' });
    assert.ok(port > 0);
    assert.equal(server.listening, true);
    await close(server);
  });

  it('should refuse a port in use, naming the port and its variable', async () => {
    const holder = createServer();
    const port = await listen(holder, { port: 0, host: '127.0.0.1', variable: 'PORT' });
    const second = createServer();
    await assert.rejects(
      listen(second, { port, host: '127.0.0.1', variable: 'SIM_PORT', what: 'the Defender simulator' }),
      (error: unknown) => {
        assert.ok(error instanceof ListenError);
        assert.equal(error.code, 'HTTP.PORT_IN_USE');
        assert.equal(
          error.friendlyMessage,
          `Port ${port} is already in use, so the Defender simulator cannot listen on it. ` +
            'Stop what holds it, or set SIM_PORT to a free port.',
        );
        assert.equal(error.details.variable, 'SIM_PORT');
        return true;
      },
    );
    assert.equal(second.listening, false);
    await close(holder);
  });
});
