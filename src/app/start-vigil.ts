import { randomUUID } from 'node:crypto';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Request } from 'botbuilder';
import { sha256Hex } from '../adapters/audit/sha256-hex';
import { createDefenderClients, type DefenderClients } from '../adapters/defender/create-defender-clients';
import { createAlertWebhook } from '../adapters/http/alert-webhook';
import { createHttpServer } from '../adapters/http/create-http-server';
import { listen } from '../adapters/http/listen';
import { createLogger } from '../adapters/logging/create-logger';
import { redactText } from '../adapters/logging/redact-secrets';
import { createPrometheusMetrics, type PrometheusMetrics } from '../adapters/metrics/prometheus-metrics';
import { openStore } from '../adapters/store/open-store';
import { bootstrapAdmins } from '../adapters/teams/bootstrap-admins';
import { createBotFrameworkMessenger } from '../adapters/teams/bot-framework-messenger';
import { createCardActions } from '../adapters/teams/card-actions/create-card-actions';
import { templateCardRenderer } from '../adapters/teams/cards/template-card-renderer';
import type { RuleCommandServices } from '../adapters/teams/commands/rule-command-services';
import { createTurnErrorHandler } from '../adapters/teams/turn-error-handler';
import { createVigilBot } from '../adapters/teams/vigil-bot';
import { botFrameworkOptions } from '../config/bot-framework-options';
import type { Config } from '../config/load-config';
import type { Alert } from '../domain/alerts/alert';
import { createActionRequests } from '../services/actions/action-requests';
import { ACTION_DEFAULTS, type ActionSettings } from '../services/actions/action-settings';
import { createActionWorker } from '../services/actions/action-worker';
import { readDefenderIsolation } from '../services/actions/read-defender-isolation';
import { type AuditLog, createAuditLog } from '../services/audit/audit-log';
import { type AlertIngestor, createAlertIngestor } from '../services/ingest/alert-ingestor';
import { createMcasPoller } from '../services/ingest/mcas-poller';
import { createMdePoller } from '../services/ingest/mde-poller';
import type { Poller } from '../services/ingest/source-poller';
import { createMachineCache, type MachineCache } from '../services/outbox/machine-cache';
import { createOutboxWorker, type OutboxWorker } from '../services/outbox/outbox-worker';
import { type Clock, systemClock } from '../services/ports/clock.port';
import type { Logger } from '../services/ports/logger.port';
import type { Store } from '../services/ports/store.port';
import { createRoleService } from '../services/roles/role-service';
import { installSeedRule } from '../services/rules/install-seed-rule';
import { replayRule } from '../services/rules/replay-rule';
import { createRuleEngine } from '../services/rules/rule-engine';
import { createRuleService } from '../services/rules/rule-service';
import { createSocChannel, type SocChannel } from '../services/teams/soc-channel';
import { countDefenderCalls, defenderMetricsLog, mdeMethodFamily } from './instrument-defender';
import { createPollTracker, type PollTracker, readinessChecks } from './readiness-checks';

export interface StartVigilOptions {
  /** The logger; built from `LOG_LEVEL` if omitted. */
  readonly log?: Logger;
  /** The clock of every service (tests). Default: the system clock. */
  readonly clockOverride?: Clock;
  /** A CA to trust for Defender and sign-in calls besides `DEFENDER_CA_PATH` (demo: the simulator's). */
  readonly trustedCaPem?: string;
}

/** Vigil, running. */
export interface RunningVigil {
  /** `http://<host>:<port>` of the bot. */
  readonly url: string;
  readonly port: number;
  /** Stops the pollers, the outbox worker, the HTTP server and the store, in that order; safe twice. */
  stop(): Promise<void>;
}

/** What the services were built from and what they are. */
interface Core {
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly prom: PrometheusMetrics;
  readonly store: Store;
  readonly defender: DefenderClients;
  /** The MDE client, its calls counted in the metrics. */
  readonly mde: DefenderClients['mde'];
  readonly socChannel: SocChannel;
  readonly mdePolls: PollTracker;
  readonly audit: AuditLog;
  readonly machineCache: MachineCache;
  readonly actionSettings: ActionSettings;
  /** The tenant Vigil serves (rules act in it). */
  readonly tenantId: string;
}

/** Response actions: the requests the card buttons make, and the worker that sends and follows them. */
function buildResponse(core: Core, kickOutbox: () => void) {
  const { store, clock, log, audit, actionSettings: settings } = core;
  const isAdmin = bootstrapAdmins(core.config);
  const roles = createRoleService({
    store,
    audit,
    clock,
    isConfiguredAdmin: (tenantId, aadObjectId) => isAdmin({ tenantId, aadObjectId }),
  });
  const worker = createActionWorker({
    mde: core.mde,
    ...(core.defender.mcas ? { mcas: core.defender.mcas } : {}),
    store,
    clock,
    settings,
    audit,
    logger: log.child({ component: 'actions' }),
    onCardChanged: kickOutbox,
  });
  const requests = createActionRequests({
    store,
    audit,
    roles,
    clock,
    settings,
    lookupMachine: (machineId) => core.machineCache.lookup(machineId),
    newId: randomUUID,
    readIsolation: (machineId) => readDefenderIsolation(core.mde, machineId),
    approvalPolicy: (alert) => rules.approvalPolicy(alert),
    onQueued: () => {
      worker.kick();
      kickOutbox();
    },
  });
  const lookupMachine = (machineId: string) => core.machineCache.lookup(machineId);
  const rules = createRuleEngine({
    store,
    audit,
    clock,
    logger: log.child({ component: 'rules' }),
    actions: requests,
    tenantId: core.tenantId,
    lookupMachine,
    autoIsolationsPerHour: core.config.actions.autoIsolationsPerHour,
    userMachines: (userName) => core.mde.getUserMachines(userName),
    onQueued: kickOutbox,
  });
  const ruleCommands: RuleCommandServices = {
    service: createRuleService({ store, audit, roles, clock }),
    replay: (rule, days) =>
      replayRule(rule, days, { alerts: store.repos.alerts, lookupMachine, nowMs: clock.now() }),
  };
  return {
    worker,
    requests,
    rules,
    ruleCommands,
    cardActions: createCardActions({ actions: requests, audit }),
  };
}

/** Installs the seed rule on the very first start (enabled in demo mode), unless `SEED_RULE=off`. */
async function seedRules(core: Core): Promise<void> {
  if (core.config.actions.seedRule === 'off') return;
  const demo = core.config.mode === 'demo';
  const rule = await installSeedRule({
    store: core.store,
    audit: core.audit,
    clock: core.clock,
    enabled: demo,
    tenantId: core.tenantId,
  });
  if (rule === undefined) return;
  if (demo)
    core.log.info(
      { ruleId: rule.id },
      `Seed rule ${rule.id} installed and enabled: ${rule.definition.source}`,
    );
  else {
    core.log.warn(
      { ruleId: rule.id },
      `Seed rule ${rule.id} installed DISABLED: ${rule.definition.source}. An admin enables it with \`rule enable ${rule.id}\` in Teams.`,
    );
  }
}

function buildBot(core: Core, response: ReturnType<typeof buildResponse>) {
  const { config, log, clock, store, socChannel } = core;
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(botFrameworkOptions(config.bot)),
  );
  adapter.onTurnError = createTurnErrorHandler(log);
  const bot = createVigilBot({
    store,
    socChannel,
    isAdmin: bootstrapAdmins(config),
    mode: config.mode,
    logger: log,
    clock,
    cardActions: response.cardActions,
    audit: core.audit,
    actions: response.requests,
    machines: core.mde,
    rules: response.ruleCommands,
  });
  const messenger = createBotFrameworkMessenger({
    adapter,
    appId: config.bot.appId ?? '',
    logger: log,
    clock,
  });
  return { adapter, bot, messenger };
}

function buildIngest(core: Core, onQueued: () => void, onNewAlert: (alert: Alert) => Promise<void>) {
  const { config, log: logger, clock, store, defender, mde, mdePolls } = core;
  const metrics = core.prom.metrics;
  const ingestor: AlertIngestor = createAlertIngestor({
    store,
    clock,
    logger,
    metrics,
    storms: { windowMs: config.storms.windowS * 1000, threshold: config.storms.threshold },
    filters: { minSeverity: config.ingest.minSeverity, statuses: config.ingest.statuses },
    onQueued,
    onNewAlert,
  });
  const polled = {
    listAlerts: async (query: Parameters<typeof mde.listAlerts>[0]) => {
      const alerts = await mde.listAlerts(query);
      mdePolls.succeeded();
      return alerts;
    },
  };
  const common = { store, ingestor, clock, logger, metrics, config: config.ingest };
  const pollers: Poller[] = [createMdePoller({ ...common, mde: polled })];
  if (defender.mcas) {
    const mcas = countDefenderCalls(defender.mcas, () => 'mcas', metrics);
    pollers.push(createMcasPoller({ ...common, mcas }));
  }
  const webhook = createAlertWebhook({ config: config.webhook, ingestor, mde, clock, logger, metrics });
  return { pollers, webhook };
}

async function openCore(config: Config, options: StartVigilOptions, stoppers: (() => Promise<void>)[]) {
  const log = options.log ?? createLogger({ level: config.logLevel });
  const clock = options.clockOverride ?? systemClock;
  const store = await openStore(config.store.url);
  stoppers.push(() => store.close());
  const prom = createPrometheusMetrics();
  const trustedCaPem = options.trustedCaPem ?? config.defender.trustedCaPem;
  const defender = createDefenderClients(
    { ...config.defender, ...(trustedCaPem ? { trustedCaPem } : {}) },
    { log: defenderMetricsLog(log, prom.metrics) },
  );
  stoppers.push(async () => defender.close());
  const socChannel = createSocChannel({
    settings: store.repos.settings,
    ...(config.teams.socChannelId ? { configuredId: config.teams.socChannelId } : {}),
  });
  const mde = countDefenderCalls(defender.mde, mdeMethodFamily, prom.metrics);
  const core: Core = {
    config,
    log,
    clock,
    prom,
    store,
    defender,
    mde,
    socChannel,
    mdePolls: createPollTracker(clock),
    audit: createAuditLog({ store, clock, hash: sha256Hex }),
    machineCache: createMachineCache(mde, clock, log),
    tenantId: config.bot.appTenantId ?? config.defender.tenantId,
    actionSettings: {
      ...ACTION_DEFAULTS,
      protection: { tags: config.actions.protectedTags, namePatterns: config.actions.protectedNamePatterns },
      approvalTtlMs: config.actions.approvalExpiryMin * 60_000,
    },
  };
  return core;
}

function buildWorker(core: Core, messenger: ReturnType<typeof buildBot>['messenger']): OutboxWorker {
  return createOutboxWorker({
    store: core.store,
    messenger,
    renderer: templateCardRenderer,
    machines: core.mde,
    machineCache: core.machineCache,
    protection: core.actionSettings.protection,
    socChannel: () => core.socChannel.get(),
    clock: core.clock,
    logger: core.log,
    metrics: core.prom.metrics,
  });
}

/** Runs `stoppers` newest first, each once, logging (not throwing) a failure so the others still run. */
async function stopAll(stoppers: (() => Promise<void>)[], log: Logger | undefined): Promise<void> {
  for (const stop of stoppers.splice(0).reverse()) {
    await stop().catch((error: unknown) =>
      log?.error({ err: error }, 'a part of Vigil did not stop cleanly'),
    );
  }
}

/**
 * The composition root of the bot: config → logger → store → Defender clients → services (ingestion,
 * pollers, outbox) → bot → HTTP server, then the background work once the server listens. A failure on
 * the way stops what had started and is thrown (a port in use names the port and `PORT`).
 */
export async function startVigil(config: Config, options: StartVigilOptions = {}): Promise<RunningVigil> {
  const stoppers: (() => Promise<void>)[] = [];
  let core: Core | undefined;
  try {
    core = await openCore(config, options, stoppers);
    for (const warning of config.warnings) {
      core.log.warn({ setting: warning.slice(0, Math.max(0, warning.indexOf(':'))) }, warning);
    }
    let outbox: OutboxWorker | undefined;
    const response = buildResponse(core, () => outbox?.kick());
    await seedRules(core);
    const { adapter, bot, messenger } = buildBot(core, response);
    const worker = buildWorker(core, messenger);
    outbox = worker;
    const ingest = buildIngest(
      core,
      () => worker.kick(),
      (alert) => response.rules.onNewAlert(alert),
    );
    const http = createHttpServer({
      // `req.body` is whatever JSON was sent; `process` checks it is an activity (400 otherwise).
      processActivity: (req, res) => adapter.process(req as Request, res, (ctx) => bot.run(ctx)),
      alertWebhook: ingest.webhook,
      readiness: readinessChecks({ ...core, pollIntervalS: config.ingest.pollIntervalS }),
      metrics: core.prom,
      logger: core.log,
    });
    const { host, port: asked } = config.bot;
    const port = await listen(http.server, { port: asked, host, variable: 'PORT', what: 'the bot' });
    stoppers.push(() => http.close());
    worker.start();
    stoppers.push(() => worker.stop());
    response.worker.start();
    stoppers.push(() => response.worker.stop());
    for (const poller of ingest.pollers) poller.start();
    stoppers.push(async () => void (await Promise.all(ingest.pollers.map((p) => p.stop()))));
    const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
    core.log.info({ url, mode: config.mode, store: redactText(config.store.url) }, 'Vigil is listening');
    const log = core.log;
    return { url, port, stop: () => stopAll(stoppers, log) };
  } catch (error) {
    await stopAll(stoppers, core?.log);
    throw error;
  }
}
