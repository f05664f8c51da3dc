import assert from 'node:assert/strict';
import { ACTION_KINDS } from '../../../src/domain/actions/action-kind';
import { intentKey, releasedKey } from '../../../src/domain/actions/intent-key';
import { ALERT_ID, MACHINE_ID } from './make-action';

describe('intent keys', () => {
  describe('intentKey', () => {
    it('should key an isolation on the machine', () => {
      assert.equal(
        intentKey('isolate', { alertId: ALERT_ID, machineId: MACHINE_ID }),
        `isolation:${MACHINE_ID}`,
      );
    });

    it('should give isolate and unisolate of one machine the same key', () => {
      const target = { alertId: ALERT_ID, machineId: MACHINE_ID };
      assert.equal(intentKey('unisolate', target), intentKey('isolate', target));
    });

    it('should give a scan its own key, apart from isolation', () => {
      const target = { alertId: ALERT_ID, machineId: MACHINE_ID };
      assert.equal(intentKey('scan', target), `scan:${MACHINE_ID}`);
      assert.notEqual(intentKey('scan', target), intentKey('isolate', target));
    });

    it('should compare machine ids in lower case', () => {
      const upper = MACHINE_ID.toUpperCase();
      assert.notEqual(upper, MACHINE_ID);
      assert.equal(intentKey('isolate', { alertId: ALERT_ID, machineId: upper }), `isolation:${MACHINE_ID}`);
      assert.equal(intentKey('scan', { alertId: ALERT_ID, machineId: 'AbC' }), 'scan:abc');
    });

    it('should key a machine action on the machine, whichever alert asked for it', () => {
      const one = intentKey('isolate', { alertId: 'da1', machineId: MACHINE_ID });
      const other = intentKey('isolate', { alertId: 'da2', machineId: MACHINE_ID });
      assert.equal(one, other);
    });

    it('should give different machines different keys', () => {
      assert.notEqual(
        intentKey('isolate', { alertId: ALERT_ID, machineId: 'aaa' }),
        intentKey('isolate', { alertId: ALERT_ID, machineId: 'bbb' }),
      );
    });

    it('should key resolve and assign on the alert, not the machine', () => {
      assert.equal(intentKey('resolve', { alertId: ALERT_ID, machineId: MACHINE_ID }), `resolve:${ALERT_ID}`);
      assert.equal(intentKey('assign', { alertId: ALERT_ID }), `assign:${ALERT_ID}`);
      assert.equal(
        intentKey('resolve', { alertId: ALERT_ID, machineId: 'aaa' }),
        intentKey('resolve', { alertId: ALERT_ID, machineId: 'bbb' }),
      );
      assert.notEqual(intentKey('resolve', { alertId: 'da1' }), intentKey('resolve', { alertId: 'da2' }));
    });

    it('should keep resolving and assigning one alert apart', () => {
      assert.notEqual(
        intentKey('resolve', { alertId: ALERT_ID }),
        intentKey('assign', { alertId: ALERT_ID }),
      );
    });

    it('should keep alert ids as they are (they are not case-folded)', () => {
      assert.equal(intentKey('resolve', { alertId: 'DA-ABC' }), 'resolve:DA-ABC');
    });

    it('should give four distinct keys for one alert and machine (isolate and unisolate shared)', () => {
      const target = { alertId: ALERT_ID, machineId: MACHINE_ID };
      const keys = new Set(ACTION_KINDS.map((kind) => intentKey(kind, target)));
      assert.equal(keys.size, 4);
    });
  });

  describe('releasedKey', () => {
    it('should make the key unique with the action id after a #', () => {
      assert.equal(releasedKey(`isolation:${MACHINE_ID}`, 'act-7'), `isolation:${MACHINE_ID}#act-7`);
    });

    it('should no longer equal the intent key, so the intent is free again', () => {
      const key = intentKey('resolve', { alertId: ALERT_ID });
      const released = releasedKey(key, 'act-1');
      assert.notEqual(released, key);
      assert.ok(released.startsWith(key));
    });

    it('should keep two finished actions of one intent apart', () => {
      assert.notEqual(releasedKey('scan:x', 'act-1'), releasedKey('scan:x', 'act-2'));
    });
  });
});
