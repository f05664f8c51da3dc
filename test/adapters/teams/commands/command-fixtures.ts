import type { Activity } from 'botbuilder';
import type { Alert } from '../../../../src/domain/alerts/alert';
import type { Machine } from '../../../../src/domain/machines/machine';
import { buildAlert, buildMachine } from '../../../domain/cards/build-alert';
import { type BotHarness, personalMessage } from '../bot-test-kit';

export { buildAlert, buildMachine };

/** The harness's clock: 2 Mar 2026 09:00 UTC. */
export const NOW = '2026-03-02T09:00:00.000Z';
/** A responder (granted in `withResponder`). */
export const BOB = {
  id: '29:bob',
  name: 'Bob Responder',
  aadObjectId: '33333333-3333-4333-8333-333333333333',
};
export const WS042: Machine = buildMachine({ lastSeen: '2026-03-02T08:30:00Z' });
export const MACHINE_ID = WS042.id;

/** An alert on ws-042, three hours old, open. */
export function alertOn(overrides: Partial<Alert> = {}): Alert {
  return buildAlert({
    id: 'da-1',
    createdAt: '2026-03-02T06:00:00Z',
    updatedAt: '2026-03-02T06:00:00Z',
    machine: { id: MACHINE_ID, name: WS042.name },
    ...overrides,
  });
}

/** Stores the alerts as if Vigil had seen them. */
export async function seed(h: BotHarness, ...alerts: Alert[]): Promise<void> {
  for (const alert of alerts) await h.store.repos.alerts.save(alert, alert.createdAt);
}

/** Grants BOB the responder role (as the configured admin). */
export async function withResponder(h: BotHarness): Promise<void> {
  await h.send(personalMessage(`role grant ${BOB.aadObjectId} responder`));
}

/** The text of the bot's one answer. */
export async function ask(h: BotHarness, text: string, from?: typeof BOB): Promise<string> {
  const replies: Partial<Activity>[] = await h.send(personalMessage(text, from));
  if (replies.length !== 1) throw new Error(`expected one answer, got ${replies.length}`);
  return replies[0]?.text ?? '';
}

/** A title written to inject a link, emphasis, HTML and a code span. */
export const HOSTILE_TITLE = 'Phish [click here](https://evil.example/x) *now* <b>hi</b> `x`_y_';
export const HOSTILE_ESCAPED =
  'Phish \\[click here\\]\\(https://evil.example/x\\) \\*now\\* \\<b\\>hi\\</b\\> \\`x\\`\\_y\\_';

/** Whether markdown text holds an unescaped link (`](`). */
export function hasLink(text: string): boolean {
  return /(?<!\\)\]\s*(?<!\\)\(/.test(text);
}
