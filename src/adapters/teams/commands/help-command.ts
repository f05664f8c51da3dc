import { COMMAND_USAGE } from '../../../domain/commands/command-usage';
import { suggestCommand } from '../../../domain/commands/suggest-command';
import { escapeMarkdown } from './markdown-text';
import type { TeamsCommand } from './teams-command';

/** The rule language in a few lines, for `help rule add`. */
const RULE_HELP = [
  'A rule: `rule add <name> when <condition> then <action>[, <action>…] [order n] [stop] [for 7d] [dry-run]`.',
  '- conditions: `severity >= medium`, `category = Ransomware`, `title ~ "mimikatz"` or `title ~ /regex/i`, `source = mcas`, `machine = dc*`, `machine.tag = "tier0"`, `user = alice`, `mitre = T1003`, joined with `and`, `or`, `not` and parentheses;',
  '- actions: `isolate [full|selective]`, `unisolate`, `scan [quick|full]` (`… on user machines` for Cloud Apps alerts), `resolve as truepositive|falsepositive|informational`, `assign <address|me>`, `notify channel`, `notify <address>`, `require approval`;',
  '- e.g. `rule add "High sev isolate" when severity = high then isolate full, notify channel`.',
];

/** How one command is typed, for `help <command>`. */
function usageOf(command: TeamsCommand): string {
  const usage = (COMMAND_USAGE as Readonly<Record<string, string>>)[command.name];
  return usage ?? command.name;
}

/** `help [command]`: the commands, generated from the registry, or how one of them is typed. */
export const helpCommand: TeamsCommand = {
  name: 'help',
  summary: 'show what Vigil understands; help <command> for one command',
  takesArguments: true,
  async handle({ commands, args }) {
    const asked = (args ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
    if (asked !== '') {
      const command = commands.find((candidate) => candidate.name === asked);
      if (command === undefined) {
        const closest = suggestCommand(
          asked,
          commands.map((candidate) => candidate.name),
        );
        const hint =
          closest.length > 0 ? ` Did you mean ${closest.map((name) => `\`${name}\``).join(' or ')}?` : '';
        return `There is no command "${escapeMarkdown(asked)}".${hint} Type \`help\` to see them all.`;
      }
      return [
        `\`${usageOf(command)}\`: ${command.summary}.`,
        ...(command.name === 'rule add' ? ['', ...RULE_HELP] : []),
      ].join('\n');
    }
    const lines = commands.map((command) => `- \`${command.name}\`: ${command.summary}`);
    return [
      'Vigil posts Defender alerts here as cards, one thread per alert. You can type:',
      '',
      ...lines,
      '',
      'In a channel, mention me first (@Vigil help). `help <command>` says how to type one. Hunting and the shift digest arrive in a later release.',
    ].join('\n');
  },
};
