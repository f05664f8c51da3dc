import { readRuleIdArgs } from '../../../domain/commands/read-rule-id-args';
import { readRuleTestArgs } from '../../../domain/commands/read-rule-test-args';
import type { StoredRule } from '../../../services/ports/store.port';
import { personOf } from './command-security';
import { escapeMarkdown } from './markdown-text';
import { withCommandArgs } from './read-command-args';
import type { TeamsCommand } from './teams-command';

const NOT_CONFIGURED = 'Automatic rules are not available in this Vigil.';

/** One line of `rules`. */
function ruleLine(rule: StoredRule, nowMs: number): string {
  const expired = rule.expiresAt !== undefined && Date.parse(rule.expiresAt) <= nowMs;
  const state = !rule.enabled
    ? 'disabled'
    : expired
      ? 'expired'
      : rule.definition.options.dryRun
        ? 'dry run'
        : 'on';
  return `- **${rule.id}** (${state}) ${escapeMarkdown(rule.definition.source)}`;
}

/**
 * A refusal as markdown: its first line as text, what follows (the rule and a caret under the problem)
 * in a code block, where spaces keep the caret in place and nothing is read as markup.
 */
function asAnswer(message: string): string {
  const [first = '', ...rest] = message.split('\n');
  if (rest.length === 0) return escapeMarkdown(first);
  return [escapeMarkdown(first), '```', ...rest.map((line) => line.replaceAll('```', "'''")), '```'].join(
    '\n',
  );
}

/** `rules`: every rule, in running order. */
export const rulesCommand: TeamsCommand = {
  name: 'rules',
  summary: 'list the automatic rules, in the order they run',
  async handle({ services }) {
    if (!services.rules) return NOT_CONFIGURED;
    const rules = await services.rules.service.list();
    if (rules.length === 0)
      return 'There are no automatic rules yet. An admin adds one with `rule add …` (see `help rule add`).';
    const now = services.clock.now();
    return [
      `${rules.length} automatic rule${rules.length === 1 ? '' : 's'}, in running order:`,
      ...rules.map((r) => ruleLine(r, now)),
    ].join('\n');
  },
};

/** `rule add <rule>` (admins). */
export const ruleAddCommand: TeamsCommand = {
  name: 'rule add',
  summary:
    'add an automatic rule: rule add <name> when <condition> then <actions> [order n] [stop] [for 7d] [dry-run]',
  takesArguments: true,
  async handle({ turn, services, args }) {
    if (!services.rules) return NOT_CONFIGURED;
    if (args.trim() === '')
      return 'Write the rule after `rule add`, e.g. `rule add "High sev isolate" when severity = high then isolate full, notify channel`.';
    const signInName = args.toLowerCase().includes('assign me') ? await turn.signInName() : undefined;
    const outcome = await services.rules.service.add(
      personOf(turn.user),
      args,
      signInName ? { signInName } : {},
    );
    return outcome.ok ? escapeMarkdown(outcome.message) : asAnswer(outcome.message);
  },
};

function idCommand(name: 'rule remove' | 'rule enable' | 'rule disable', summary: string): TeamsCommand {
  return {
    name,
    summary,
    takesArguments: true,
    async handle(context) {
      const rules = context.services.rules;
      if (!rules) return NOT_CONFIGURED;
      return withCommandArgs(
        context.args,
        (args) => readRuleIdArgs(args, name),
        async (read) => {
          const by = personOf(context.turn.user);
          const outcome =
            name === 'rule remove'
              ? await rules.service.remove(by, read.ruleId)
              : await rules.service.setEnabled(by, read.ruleId, name === 'rule enable');
          return escapeMarkdown(outcome.message);
        },
      );
    },
  };
}

/** `rule remove <id>` (admins). */
export const ruleRemoveCommand = idCommand('rule remove', 'remove an automatic rule');
/** `rule enable <id>` (admins). */
export const ruleEnableCommand = idCommand('rule enable', 'switch an automatic rule on');
/** `rule disable <id>` (admins). */
export const ruleDisableCommand = idCommand('rule disable', 'switch an automatic rule off');

/** `rule test <id> [days]`: what the rule would have done over the stored alerts; nothing is sent. */
export const ruleTestCommand: TeamsCommand = {
  name: 'rule test',
  summary: 'show what a rule would have done over the last days of alerts (default 7), without acting',
  takesArguments: true,
  async handle(context) {
    const rules = context.services.rules;
    if (!rules) return NOT_CONFIGURED;
    return withCommandArgs(context.args, readRuleTestArgs, async (read) => {
      const rule = (await rules.service.list()).find(
        (candidate) => candidate.id === read.ruleId.toLowerCase(),
      );
      if (rule === undefined)
        return `There is no rule ${escapeMarkdown(read.ruleId)}. Type \`rules\` to see them.`;
      const replay = await rules.replay(rule, read.days);
      const head = `Rule ${rule.id} "${escapeMarkdown(rule.definition.name)}" over the last ${replay.days} day${replay.days === 1 ? '' : 's'}: it matches ${replay.matchedAlertIds.length} of ${replay.alertsSeen} alerts. Nothing was sent.`;
      if (replay.matchedAlertIds.length === 0) return head;
      const machines = replay.machines.slice(0, 10).map(escapeMarkdown).join(', ');
      const more = replay.machines.length > 10 ? ` and ${replay.machines.length - 10} more` : '';
      return [
        head,
        `- machines (${replay.machines.length}): ${machines || 'none'}${more}`,
        ...replay.actions.map((a) => `- would ask for: ${escapeMarkdown(a.action)} ×${a.times}`),
        `- alerts: ${replay.matchedAlertIds.slice(0, 5).map(escapeMarkdown).join(', ')}${replay.matchedAlertIds.length > 5 ? ' …' : ''}`,
      ].join('\n');
    });
  },
};
