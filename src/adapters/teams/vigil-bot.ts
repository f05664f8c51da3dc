import { CardFactory, type InvokeResponse, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { Mode } from '../../config/load-config';
import type { ActionRequests } from '../../services/actions/action-requests';
import type { AuditLog } from '../../services/audit/audit-log';
import type { Clock } from '../../services/ports/clock.port';
import type { MdePort } from '../../services/ports/defender.port';
import type { Logger } from '../../services/ports/logger.port';
import type { Store } from '../../services/ports/store.port';
import type { SocChannel } from '../../services/teams/soc-channel';
import type { AdminCheck } from './bootstrap-admins';
import type { CardActionHandler, CardActionResult } from './card-actions/card-action-handler';
import { parseExecuteValue, parseSubmitValue } from './card-actions/card-action-request';
import { invokeResponseOf, routeCardAction } from './card-actions/route-card-action';
import { routeCommand } from './commands/route-command';
import type { RuleCommandServices } from './commands/rule-command-services';
import { type InstallationDeps, rememberInstallation } from './remember-installation';
import { toConversationRecord } from './to-conversation-record';
import { createTurn, type Turn } from './turn';

/** What the bot dispatches to. */
export interface VigilBotDeps {
  readonly store: Store;
  readonly socChannel: SocChannel;
  /** Who may run admin commands (see `bootstrapAdmins`). */
  readonly isAdmin: AdminCheck;
  readonly mode: Mode;
  readonly logger: Logger;
  readonly clock: Clock;
  /** The card actions by verb (`createCardActions`). */
  readonly cardActions: ReadonlyMap<string, CardActionHandler>;
  /** Where a click refused before any handler (unknown verb, no alert id) is written down. */
  readonly audit?: AuditLog;
  /** Lists a team's channels on install; default `TeamsInfo.getTeamChannels`. */
  readonly listTeamChannels?: InstallationDeps['listTeamChannels'];
  /** Response actions for the typed `isolate`, `unisolate`, `scan` and `resolve` commands. */
  readonly actions?: ActionRequests;
  /** Defender's machines, for the typed `machine` command and machine names typed to actions. */
  readonly machines?: Pick<MdePort, 'getMachine'>;
  /** The automatic rules, for `rules` and `rule …`. */
  readonly rules?: RuleCommandServices;
}

const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/**
 * Vigil's Teams bot. It only dispatches: every activity's conversation is stored (its service URL
 * refreshed), installs go to `rememberInstallation`, messages to the command router (or, for an
 * `Action.Submit`, the card-action router), `adaptiveCard/action` invokes to the card-action router.
 * Unexpected errors go to the adapter's `onTurnError` (`createTurnErrorHandler`).
 */
export class VigilBot extends TeamsActivityHandler {
  constructor(private readonly deps: VigilBotDeps) {
    super();
    this.onTurn(async (ctx, next) => {
      await this.captureConversation(ctx);
      await next();
    });
    this.onInstallationUpdateAdd(async (ctx, next) => {
      await this.installed(ctx);
      await next();
    });
    this.onInstallationUpdateRemove(async (ctx, next) => {
      this.turn(ctx).log.info({}, 'Vigil was removed from a conversation: sends there will fail');
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient?.id;
      if (ctx.activity.membersAdded?.some((member) => member.id === botId)) await this.installed(ctx);
      await next();
    });
    this.onMessage(async (ctx, next) => {
      await this.message(ctx);
      await next();
    });
  }

  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    if (ctx.activity.name !== CARD_ACTION_INVOKE) return super.onInvokeActivity(ctx);
    const turn = this.turn(ctx);
    const routed = await routeCardAction(parseExecuteValue(ctx.activity.value), turn, this.cardActions);
    if (!routed.ok) await this.auditRefusedClick(turn, routed.message);
    const response = invokeResponseOf(routed);
    return { status: response.statusCode, body: response };
  }

  /** A click no handler could take is audited too: who sent what Vigil could not read. */
  private async auditRefusedClick(turn: Turn, message: string): Promise<void> {
    await this.deps.audit?.record({
      tenantId: turn.user.tenantId,
      actor: { aadObjectId: turn.user.aadObjectId?.toLowerCase() ?? '', name: turn.user.name },
      action: 'card.click',
      target: null,
      outcome: 'refused',
      details: { reason: 'invalid', problem: message },
    });
  }

  private get cardActions(): ReadonlyMap<string, CardActionHandler> {
    return this.deps.cardActions;
  }

  private turn(ctx: TurnContext): Turn {
    return createTurn(ctx, this.deps.logger);
  }

  private async captureConversation(ctx: TurnContext): Promise<void> {
    if (!ctx.activity.conversation?.id || !ctx.activity.serviceUrl) return;
    const nowIso = new Date(this.deps.clock.now()).toISOString();
    await this.deps.store.repos.conversations.upsert(toConversationRecord(ctx.activity, nowIso));
  }

  private async installed(ctx: TurnContext): Promise<void> {
    const record = toConversationRecord(ctx.activity, new Date(this.deps.clock.now()).toISOString());
    const deps: InstallationDeps = {
      conversations: this.deps.store.repos.conversations,
      socChannel: this.deps.socChannel,
      mode: this.deps.mode,
      ...(this.deps.listTeamChannels ? { listTeamChannels: this.deps.listTeamChannels } : {}),
    };
    await rememberInstallation(ctx, record, deps, this.turn(ctx));
  }

  private async message(ctx: TurnContext): Promise<void> {
    const turn = this.turn(ctx);
    const submit = parseSubmitValue(ctx.activity.value);
    if (submit !== undefined) {
      const routed = await routeCardAction(submit, turn, this.cardActions);
      if (!routed.ok) await this.auditRefusedClick(turn, routed.message);
      await this.answerSubmit(
        ctx,
        turn,
        routed.ok ? routed.result : `That button did not work: ${routed.message}`,
      );
      return;
    }
    const text = TurnContext.removeRecipientMention(ctx.activity) ?? ctx.activity.text ?? '';
    await turn.reply(await routeCommand(text, turn, this.deps));
  }

  /** An `Action.Submit` has no invoke response: a message goes in the thread, a new card replaces the old. */
  private async answerSubmit(ctx: TurnContext, turn: Turn, result: CardActionResult): Promise<void> {
    if (typeof result === 'string' || !ctx.activity.replyToId) {
      await turn.reply(typeof result === 'string' ? result : 'Done.');
      return;
    }
    const attachments = [CardFactory.adaptiveCard(result.card)];
    await ctx.updateActivity({ type: 'message', id: ctx.activity.replyToId, attachments });
  }
}

/** Creates Vigil's bot; run it with `adapter.process(req, res, (ctx) => bot.run(ctx))`. */
export function createVigilBot(deps: VigilBotDeps): VigilBot {
  return new VigilBot(deps);
}
