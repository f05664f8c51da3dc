import type { TeamsCommand } from './teams-command';

/** `help`: lists the commands, generated from the registry. */
export const helpCommand: TeamsCommand = {
  name: 'help',
  summary: 'show what Vigil understands',
  async handle({ commands }) {
    const lines = commands.map((command) => `- \`${command.name}\`: ${command.summary}`);
    return [
      'Vigil posts Defender alerts here as cards, one thread per alert. You can type:',
      '',
      ...lines,
      '',
      'In a channel, mention me first (@Vigil help). More commands arrive in a later release.',
    ].join('\n');
  },
};
