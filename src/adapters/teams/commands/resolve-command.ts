import { readResolveArgs } from '../../../domain/commands/read-resolve-args';
import { personOf } from './command-security';
import { codeSpan } from './markdown-text';
import { withCommandArgs } from './read-command-args';
import { ACTIONS_OFF, outcomeAnswer } from './request-action';
import type { TeamsCommand } from './teams-command';

/**
 * `resolve <alertId> truepositive|falsepositive|informational [comment]` (responders): resolves an alert
 * in Defender with a classification, as the card's Resolve… button does.
 */
export const resolveCommand: TeamsCommand = {
  name: 'resolve',
  summary:
    'resolve alertId truepositive|falsepositive|informational [comment]: resolve an alert (responders)',
  takesArguments: true,
  handle: ({ turn, services, args }) =>
    withCommandArgs(args, readResolveArgs, async ({ alertId, classification, comment }) => {
      if (classification === undefined) {
        return `How should alert ${codeSpan(alertId)} be resolved? A classification is required: truepositive (tp), falsepositive (fp) or informational. Type \`resolve <alert id> truepositive|falsepositive|informational [comment]\`.`;
      }
      if (services.actions === undefined) return ACTIONS_OFF;
      const outcome = await services.actions.request({
        kind: 'resolve',
        origin: 'command',
        by: personOf(turn.user),
        alertId,
        params: { classification, ...(comment === undefined ? {} : { comment }) },
      });
      turn.log.info({ kind: 'resolve', alertId, status: outcome.status }, 'Typed action request');
      const stored =
        outcome.status === 'accepted' || outcome.status === 'duplicate'
          ? await services.store.repos.alerts.get(alertId)
          : undefined;
      return outcomeAnswer(outcome, stored);
    }),
};
