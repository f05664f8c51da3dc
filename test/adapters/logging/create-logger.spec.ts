import assert from 'node:assert/strict';
import { createLogger } from '../../../src/adapters/logging/create-logger';

function capture(level: Parameters<typeof createLogger>[0]['level'] = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => lines.push(line) } });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

const SECRET = 's3cr3t-value-that-must-not-leak';

describe('createLogger', () => {
  it('should write one JSON object per line with the level name, time and message', () => {
    const { logger, records } = capture();
    logger.info({ alertId: 'da-1' }, 'alert stored');
    const [record] = records();
    assert.equal(record?.level, 'info');
    assert.equal(record?.msg, 'alert stored');
    assert.equal(record?.alertId, 'da-1');
    assert.equal(record?.app, 'vigil');
    assert.match(String(record?.time), /^\d{4}-\d\d-\d\dT/);
  });

  it('should honour the level', () => {
    const { logger, lines } = capture('warn');
    logger.info({}, 'quiet');
    logger.debug({}, 'quieter');
    logger.warn({}, 'loud');
    assert.equal(lines.length, 1);
    const silent = capture('silent');
    silent.logger.error({}, 'nothing');
    assert.equal(silent.lines.length, 0);
  });

  it('should never write a secret given in fields, at any depth', () => {
    const { logger, lines } = capture();
    logger.error(
      {
        password: SECRET,
        dbPassword: SECRET,
        clientSecret: SECRET,
        client_secret: SECRET,
        access_token: SECRET,
        MicrosoftAppPassword: SECRET,
        MCAS_API_TOKEN: SECRET,
        webhook: { secret: SECRET, nested: { refreshToken: SECRET } },
        req: {
          headers: {
            authorization: `Bearer ${SECRET}`,
            Authorization: `Token ${SECRET}`,
            cookie: `session=${SECRET}`,
            'x-vigil-signature': `sha256=${SECRET}`,
            'set-cookie': [SECRET],
          },
        },
        list: [{ token: SECRET }],
      },
      'something failed',
    );
    const output = lines.join('');
    assert.equal(output.includes(SECRET), false, output);
    assert.match(output, /\[redacted\]/);
  });

  it('should mask credentials written inside text and errors', () => {
    const { logger, lines } = capture();
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ2aWdpbCJ9.c2lnbmF0dXJl';
    const error = Object.assign(new Error(`request failed with Authorization: Bearer ${jwt}`), {
      config: { headers: { Authorization: `Bearer ${jwt}` } },
    });
    logger.warn({ err: error, note: `sent Token ${jwt}` }, 'call failed');
    const output = lines.join('');
    assert.equal(output.includes(jwt), false, output);
    const record = JSON.parse(lines[0]!) as { err: { type: string; message: string; stack: string } };
    assert.equal(record.err.type, 'Error');
    assert.match(record.err.message, /Bearer \[redacted\]/);
    assert.ok(record.err.stack.length > 0);
  });

  it('should keep secrets out of child logger bindings too', () => {
    const { logger, records } = capture();
    logger.child({ activityId: 'a-1', token: SECRET }).info({ verb: 'isolate' }, 'turn');
    const [record] = records();
    assert.equal(record?.activityId, 'a-1');
    assert.equal(record?.verb, 'isolate');
    assert.equal(record?.token, '[redacted]');
  });

  it('should survive circular fields', () => {
    const { logger, records } = capture();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    logger.info({ loop }, 'circular');
    assert.deepEqual(records()[0]?.loop, { name: 'loop', self: '[circular]' });
  });
});
