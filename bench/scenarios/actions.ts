import { sha256Hex } from '../../src/adapters/audit/sha256-hex';
import type { MachineAction } from '../../src/domain/machines/machine-action';
import type { ActionMde } from '../../src/services/actions/action-defender';
import { createActionRequests } from '../../src/services/actions/action-requests';
import { ACTION_DEFAULTS } from '../../src/services/actions/action-settings';
import { createActionWorker } from '../../src/services/actions/action-worker';
import { createAuditLog } from '../../src/services/audit/audit-log';
import { silentLogger } from '../../src/services/ports/logger.port';
import { createRoleService } from '../../src/services/roles/role-service';
import { addLatencies, nowMs, resultsOf, type Scenario } from '../bench-kit';
import { benchAlert } from './bench-alerts';
import { openIngestRig } from './ingest-store';

/** Alerts (each on its own machine) clicked once each. */
const CLICKS = 500;
/** Clicks on one machine's Isolate at the same moment. */
const DOUBLE_CLICKS = 50;

const TENANT = '00000000-0000-4000-8000-0000000000aa';
const ANALYST = {
  tenantId: TENANT,
  aadObjectId: '00000000-0000-4000-8000-0000000000bb',
  name: 'Bench Analyst',
};

/** An MDE that answers at once: every action is created Pending and reads back Succeeded. */
function instantMde(): ActionMde & { readonly created: number } {
  let created = 0;
  const action = (machineId: string, type: MachineAction['type'], status: MachineAction['status']) => ({
    id: `${machineId}-${type}`,
    type,
    status,
    machineId,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  });
  const create = async (machineId: string, type: MachineAction['type']) => {
    created += 1;
    return action(machineId, type, 'Pending');
  };
  return {
    get created() {
      return created;
    },
    isolate: (machineId) => create(machineId, 'Isolate'),
    unisolate: (machineId) => create(machineId, 'Unisolate'),
    runAntivirusScan: (machineId) => create(machineId, 'RunAntiVirusScan'),
    getMachineAction: async (id) => action(id.split('-')[0] ?? id, 'Isolate', 'Succeeded'),
    listMachineActions: async () => [],
    updateAlert: async () => {
      throw new Error('not used');
    },
    getAlert: async () => {
      throw new Error('not used');
    },
  };
}

/**
 * Response actions on a real SQLite file: how fast a click is answered (checked, recorded with its
 * audit entry and card update), that simultaneous clicks on one machine make one action, and how fast
 * the worker sends and settles a backlog against a Defender that answers at once.
 */
export const actionsScenario: Scenario = {
  name: 'actions',
  async run() {
    const out = resultsOf('actions');
    let now = Date.UTC(2026, 2, 2, 9);
    const clock = { now: () => now };
    const rig = await openIngestRig(clock);
    try {
      const at = new Date(now).toISOString();
      // Distinct titles, so nothing folds: each alert is its own card on its own machine.
      const alerts = Array.from({ length: CLICKS + 1 }, (_, n) => benchAlert(n, `Bench action ${n}`, n, at));
      for (const alert of alerts) await rig.ingestor.ingest(alert);
      const audit = createAuditLog({ store: rig.store, clock, hash: sha256Hex });
      const roles = createRoleService({ store: rig.store, audit, clock, isConfiguredAdmin: () => true });
      let ids = 0;
      const requests = createActionRequests({
        store: rig.store,
        audit,
        roles,
        clock,
        settings: ACTION_DEFAULTS,
        lookupMachine: async (id) => ({
          id,
          name: id,
          osPlatform: 'Windows11',
          riskScore: 'low',
          exposureLevel: 'low',
          healthStatus: 'Active',
          tags: [],
        }),
        newId: () => `bench-${++ids}`,
        onQueued: () => undefined,
      });
      const ask = (n: number) => {
        const alert = alerts[n];
        if (alert?.machine === undefined) throw new Error('bench alert without a machine');
        return requests.request({
          kind: 'isolate',
          origin: 'card',
          by: ANALYST,
          alertId: alert.id,
          machineId: alert.machine.id,
          params: { isolationType: 'Full', reason: 'bench' },
        });
      };

      const latencies: number[] = [];
      for (let n = 0; n < CLICKS; n += 1) {
        const started = nowMs();
        await ask(n);
        latencies.push(nowMs() - started);
      }
      addLatencies(out, 'click answered (checked, recorded, audited)', latencies);

      const outcomes = await Promise.all(Array.from({ length: DOUBLE_CLICKS }, () => ask(CLICKS)));
      out.add(
        `actions recorded for ${DOUBLE_CLICKS} simultaneous clicks`,
        outcomes.filter((o) => o.status === 'accepted').length,
        'actions',
      );

      const mde = instantMde();
      const worker = createActionWorker({
        mde,
        store: rig.store,
        clock,
        settings: { ...ACTION_DEFAULTS, batchSize: 100 },
        audit,
        logger: silentLogger,
        onCardChanged: () => undefined,
      });
      const started = nowMs();
      let settled = 0;
      for (let round = 0; round < 200 && settled < CLICKS + 1; round += 1) {
        await worker.runOnce();
        now += 10_000;
        settled = (await rig.store.repos.actions.list({ states: ['succeeded'], limit: 10_000 })).length;
      }
      const elapsed = nowMs() - started;
      out.add('actions sent and followed to Succeeded', settled, 'actions');
      out.add('Defender requests made', mde.created, 'requests');
      out.add('worker throughput (send + one status check each)', (settled / elapsed) * 1000, 'actions/s');
      return out.results;
    } finally {
      await rig.close();
    }
  },
};
