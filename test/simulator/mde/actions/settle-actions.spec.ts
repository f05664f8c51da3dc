import assert from 'node:assert/strict';
import { ACTION_KINDS, type ActionKind } from '../../../../src/simulator/mde/actions/action-kinds';
import { applyActionEffect } from '../../../../src/simulator/mde/actions/apply-action-effect';
import { createMachineAction } from '../../../../src/simulator/mde/actions/create-machine-action';
import { settleActions } from '../../../../src/simulator/mde/actions/settle-actions';
import type { MdeMachineAction } from '../../../../src/simulator/model/mde-types';
import { DEFAULT_SETTINGS, type SimSettings, SimState } from '../../../../src/simulator/state/sim-state';
import { buildTestMachine } from './helpers/build-test-machine';

const T0 = Date.parse('2024-05-01T10:00:00.000Z');

function kind(type: string): ActionKind {
  const found = ACTION_KINDS.find((k) => k.type === type);
  if (!found) throw new Error(`no kind ${type}`);
  return found;
}

describe('settleActions', () => {
  let state: SimState;
  const machine = buildTestMachine();

  beforeEach(() => {
    state = new SimState(() => ({ machines: [machine], users: [], alerts: [], mcasAlerts: [] }));
  });

  function create(type: string, scope: string | null, settings: Partial<SimSettings> = {}, atMs = T0) {
    const action = createMachineAction({
      kind: kind(type),
      machine,
      requestor: 'app',
      comment: 'c',
      scope,
      nowMs: atMs,
      settings: { ...DEFAULT_SETTINGS, actionDelayMs: 1000, ...settings },
    });
    state.actions.set(action.id, action);
    return action;
  }

  const machineState = () => state.machineState.get(machine.id);

  it('should move Pending to InProgress at half the delay and to Succeeded at the full delay', () => {
    const action = create('Isolate', 'Selective');
    settleActions(state, T0 + 499);
    assert.equal(action.status, 'Pending');
    assert.equal(machineState()?.isolated, false);
    settleActions(state, T0 + 500);
    assert.equal(action.status, 'InProgress');
    assert.equal(action.lastUpdateDateTimeUtc, '2024-05-01T10:00:00.5000000Z');
    assert.equal(machineState()?.isolated, false);
    settleActions(state, T0 + 1000);
    assert.equal(action.status, 'Succeeded');
    assert.equal(action.lastUpdateDateTimeUtc, '2024-05-01T10:00:01.0000000Z');
    assert.deepEqual(
      { isolated: machineState()?.isolated, type: machineState()?.isolationType },
      { isolated: true, type: 'Selective' },
    );
  });

  it('should jump straight to the final status when time has passed both steps', () => {
    const action = create('RestrictCodeExecution', null);
    settleActions(state, T0 + 60_000);
    assert.equal(action.status, 'Succeeded');
    assert.equal(action.lastUpdateDateTimeUtc, '2024-05-01T10:00:01.0000000Z');
    assert.equal(machineState()?.codeExecutionRestricted, true);
  });

  it('should end with the outcome captured at creation, not the current setting', () => {
    const failed = create('Isolate', 'Full', { actionOutcome: 'Failed' });
    state.settings = { ...state.settings, actionOutcome: 'Succeeded', actionDelayMs: 99_999 };
    settleActions(state, T0 + 1000);
    assert.equal(failed.status, 'Failed');
    assert.equal(machineState()?.isolated, false, 'a failed isolation changes nothing');
  });

  it('should leave the machine alone on TimeOut', () => {
    const action = create('RestrictCodeExecution', null, { actionOutcome: 'TimeOut' });
    settleActions(state, T0 + 5000);
    assert.equal(action.status, 'TimeOut');
    assert.equal(machineState()?.codeExecutionRestricted, false);
  });

  it('should release isolation and restriction when their opposites succeed', () => {
    const s = machineState();
    if (!s) throw new Error('no machine state');
    Object.assign(s, { isolated: true, isolationType: 'Full', codeExecutionRestricted: true });
    create('Unisolate', null);
    create('UnrestrictCodeExecution', null);
    settleActions(state, T0 + 1000);
    assert.deepEqual([s.isolated, s.isolationType, s.codeExecutionRestricted], [false, null, false]);
  });

  it('should update the scan record of a scan in every status', () => {
    const scan = create('RunAntiVirusScan', 'Quick', { actionOutcome: 'Failed' });
    applyActionEffect(state, scan);
    assert.deepEqual(machineState()?.scans, [
      { actionId: scan.id, scanType: 'Quick', status: 'Pending', time: '2024-05-01T10:00:00.0000000Z' },
    ]);
    settleActions(state, T0 + 500);
    assert.equal(machineState()?.scans[0]?.status, 'InProgress');
    settleActions(state, T0 + 1000);
    assert.deepEqual(machineState()?.scans, [
      { actionId: scan.id, scanType: 'Quick', status: 'Failed', time: '2024-05-01T10:00:01.0000000Z' },
    ]);
  });

  it('should never move a final action', () => {
    const action = create('Isolate', 'Full');
    action.status = 'Cancelled';
    settleActions(state, T0 + 10_000);
    assert.equal(action.status, 'Cancelled');
    assert.equal(machineState()?.isolated, false);
  });

  it('should settle an action it did not create from its creation time and the current settings', () => {
    const seeded: MdeMachineAction = { ...create('Isolate', 'Full'), id: 'seeded' };
    state.actions.clear();
    state.actions.set(seeded.id, seeded);
    state.settings = { ...state.settings, actionDelayMs: 200, actionOutcome: 'TimeOut' };
    settleActions(state, T0 + 100);
    assert.equal(seeded.status, 'InProgress');
    settleActions(state, T0 + 200);
    assert.equal(seeded.status, 'TimeOut');
  });
});
