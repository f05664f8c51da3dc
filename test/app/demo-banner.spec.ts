import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/load-config';
import { demoBanner } from '../../src/demo/run-demo';

describe('demoBanner', () => {
  const urls = {
    bot: 'http://127.0.0.1:3978',
    simulator: 'http://127.0.0.1:3979',
    playground: 'http://127.0.0.1:56150',
  };

  it('should show the three URLs, how to raise an alert, and how to stop', () => {
    const banner = demoBanner(loadConfig({}), urls);
    assert.match(banner, /Teams \(Agents Playground\)\s+http:\/\/127\.0\.0\.1:56150 .*SOC Alerts/);
    assert.match(banner, /Vigil bot\s+http:\/\/127\.0\.0\.1:3978 /);
    assert.match(banner, /Defender simulator\s+http:\/\/127\.0\.0\.1:3979 /);
    assert.match(banner, /a new simulated alert every 45 s \(SIM_ALERT_EVERY_S\)/);
    assert.ok(
      banner.includes(
        `curl -X POST http://127.0.0.1:3979/_sim/mde/alerts -H 'content-type: application/json' -d '{"title":"Test","severity":"High"}'`,
      ),
    );
    assert.match(banner, /MDE polled every 5 s\. Ctrl-C stops all three\./);
    assert.match(banner, /keeps no history/);
    assert.match(banner, /fold into one card/);
  });

  it('should show the simulated sign-in service when it is known', () => {
    assert.doesNotMatch(demoBanner(loadConfig({}), urls), /sign-in/);
    const banner = demoBanner(loadConfig({}), { ...urls, signIn: 'https://127.0.0.1:3980' });
    assert.match(banner, /Simulated Entra sign-in\s+https:\/\/127\.0\.0\.1:3980 /);
  });

  it('should say when the simulator raises no alerts by itself', () => {
    assert.match(demoBanner(loadConfig({ SIM_ALERT_EVERY_S: '0' }), urls), /no automatic alerts/);
  });

  it('should never show a password in the store URL', () => {
    const banner = demoBanner(loadConfig({ VIGIL_DB: 'postgres://vigil:hunter2@db/vigil' }), urls);
    assert.equal(banner.includes('hunter2'), false);
  });
});
