import type { Activity } from 'botbuilder';
import { TestAdapter } from 'botbuilder';
import { sha256Hex } from '../../../src/adapters/audit/sha256-hex';
import { openSqliteStore } from '../../../src/adapters/store/sqlite-store';
import { bootstrapAdmins } from '../../../src/adapters/teams/bootstrap-admins';
import { createCardActions } from '../../../src/adapters/teams/card-actions/create-card-actions';
import { createTurnErrorHandler } from '../../../src/adapters/teams/turn-error-handler';
import { createVigilBot, type VigilBotDeps } from '../../../src/adapters/teams/vigil-bot';
import type { Mode } from '../../../src/config/load-config';
import { VigilError } from '../../../src/domain/errors/vigil-error';
import type { Machine } from '../../../src/domain/machines/machine';
import { createActionRequests } from '../../../src/services/actions/action-requests';
import { ACTION_DEFAULTS } from '../../../src/services/actions/action-settings';
import { createAuditLog } from '../../../src/services/audit/audit-log';
import type { MdePort } from '../../../src/services/ports/defender.port';
import type { Store } from '../../../src/services/ports/store.port';
import { createRoleService } from '../../../src/services/roles/role-service';
import { createSocChannel, type SocChannel } from '../../../src/services/teams/soc-channel';
import { type LogLine, recordingLogger } from '../../helpers/recording-logger';

export const TENANT = '00000000-0000-0000-0000-000000000001';
export const TEAM = '19:soc-team@thread.tacv2';
export const SOC = '19:soc-alerts@thread.tacv2';
export const GENERAL = TEAM;
export const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
/** An admin of `VIGIL_ADMINS` in these tests. */
export const ADMIN = { id: '29:ana', name: 'Ana Admin', aadObjectId: '11111111-1111-4111-8111-111111111111' };
/** Someone with no role, whose display name is the admin's. */
export const IMPOSTOR = {
  id: '29:eve',
  name: 'Ana Admin',
  aadObjectId: '22222222-2222-4222-8222-222222222222',
};
export const BOT = { id: '28:vigil', name: 'Vigil' };

export type { LogLine };
export { recordingLogger };

/** Teams `channelData` of the SOC channel (a thread's messages carry the same). */
export function socChannelData(channel = { id: SOC, name: 'SOC Alerts' }): Record<string, unknown> {
  return {
    tenant: { id: TENANT },
    team: { id: TEAM, name: 'SOC' },
    channel,
    teamsChannelId: channel.id,
    teamsTeamId: TEAM,
  };
}

/** A message mentioning Vigil in a thread of the SOC channel. */
export function channelMessage(
  text: string,
  from = ADMIN,
  fields: Partial<Activity> = {},
): Partial<Activity> {
  const mention = `<at>${BOT.name}</at>`;
  return {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from,
    recipient: BOT,
    conversation: {
      id: `${SOC};messageid=1700000000001`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT,
      name: '',
    },
    channelData: socChannelData(),
    text: `${mention} ${text}`,
    entities: [{ type: 'mention', text: mention, mentioned: BOT }],
    ...fields,
  };
}

/** A message in the 1:1 chat with Vigil. */
export function personalMessage(text: string, from = ADMIN): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from,
    recipient: BOT,
    conversation: {
      id: 'a:personal-chat-1',
      conversationType: 'personal',
      tenantId: TENANT,
      isGroup: false,
      name: '',
    },
    channelData: { tenant: { id: TENANT } },
    text,
  };
}

/** The `installationUpdate` Teams sends when Vigil is added to `channel` of the SOC team. */
export function installation(
  channel = { id: SOC, name: 'SOC Alerts' },
  conversationId = channel.id,
): Partial<Activity> {
  return {
    type: 'installationUpdate',
    action: 'add',
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: ADMIN,
    recipient: BOT,
    conversation: {
      id: conversationId,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT,
      name: '',
    },
    channelData: { ...socChannelData(channel), settings: { selectedChannel: channel } },
  };
}

/** An `Action.Execute` click on a card in the SOC channel. */
export function cardInvoke(value: unknown, from = ADMIN): Partial<Activity> {
  return {
    ...channelMessage('', from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    entities: [],
    replyToId: '1700000000001',
    value,
  };
}

/**
 * Defender's machines as the bot's `machines` sees them: by 40-hex id (any case), DNS name or short
 * name; anything else is Defender's `NOT_FOUND`. An `Error` in the list is thrown for every lookup.
 */
export function fakeMachines(machines: readonly Machine[] | Error = []): Pick<MdePort, 'getMachine'> {
  return {
    async getMachine(idOrName) {
      if (machines instanceof Error) throw machines;
      const wanted = idOrName.toLowerCase();
      const found = machines.find(
        (machine) =>
          machine.id.toLowerCase() === wanted ||
          machine.name.toLowerCase() === wanted ||
          machine.name.toLowerCase().split('.')[0] === wanted,
      );
      if (found === undefined) {
        throw new VigilError('DEFENDER.NOT_FOUND', `Defender has no machine named ${idOrName}.`);
      }
      return found;
    },
  };
}

/** A bot on a botbuilder `TestAdapter`, over an in-memory store. */
export interface BotHarness {
  readonly adapter: TestAdapter;
  readonly store: Store;
  readonly socChannel: SocChannel;
  readonly logger: ReturnType<typeof recordingLogger>;
  /** Sends an activity to the bot and returns what it sent back during that turn. */
  send(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
}

/** Starts a bot in `mode`, `ADMIN` configured as an admin; `configuredSocChannel` plays `SOC_CHANNEL_ID`. */
export async function botHarness(
  options: {
    mode?: Mode;
    configuredSocChannel?: string;
    deps?: Partial<VigilBotDeps>;
    /** What `machines.getMachine` finds (see `fakeMachines`); none by default. */
    machines?: readonly Machine[] | Error;
  } = {},
): Promise<BotHarness> {
  const store = await openSqliteStore(':memory:');
  const logger = recordingLogger();
  const mode = options.mode ?? 'production';
  const socChannel = createSocChannel({
    settings: store.repos.settings,
    ...(options.configuredSocChannel ? { configuredId: options.configuredSocChannel } : {}),
  });
  const isAdmin = bootstrapAdmins({
    mode,
    teams: { admins: [ADMIN.aadObjectId] },
    bot: { appType: 'SingleTenant', appTenantId: TENANT, host: '127.0.0.1', port: 3978 },
    defender: { tenantId: TENANT } as never,
  });
  const clock = { now: () => Date.UTC(2026, 2, 2, 9) };
  const audit = createAuditLog({ store, clock, hash: sha256Hex });
  const roles = createRoleService({
    store,
    audit,
    clock,
    isConfiguredAdmin: (tenantId, aadObjectId) => isAdmin({ tenantId, aadObjectId }),
  });
  let ids = 0;
  const actions = createActionRequests({
    store,
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
    newId: () => `action-${++ids}`,
    onQueued: () => undefined,
  });
  const bot = createVigilBot({
    store,
    socChannel,
    isAdmin,
    mode,
    logger,
    clock,
    cardActions: createCardActions({ actions, audit }),
    audit,
    actions,
    machines: fakeMachines(options.machines),
    ...options.deps,
  });
  const adapter = new TestAdapter(async (ctx) => bot.run(ctx));
  adapter.onTurnError = createTurnErrorHandler(logger);
  return {
    adapter,
    store,
    socChannel,
    logger,
    async send(activity) {
      const before = adapter.activeQueue.length;
      await adapter.processActivity(structuredClone(activity));
      return adapter.activeQueue.splice(before);
    },
  };
}
