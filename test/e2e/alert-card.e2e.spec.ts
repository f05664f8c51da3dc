import assert from 'node:assert/strict';
import {
  callJson,
  cardsMentioning,
  E2E_POLL_INTERVAL_S,
  type E2eStack,
  e2eStack,
  isNewCard,
  pause,
  SOC_ALERTS,
} from './e2e-stack';

/** A few polls and an outbox run: long enough for a duplicate card to show up if there were one. */
const SETTLE_MS = E2E_POLL_INTERVAL_S * 1000 * 4 + 1000;

describe('e2e: a Defender alert becomes a card in SOC Alerts', function () {
  this.timeout(40_000);
  let stack: E2eStack;
  const title = `E2E credential theft ${Date.now()}`;
  let alertId: string;
  let rootId: string;

  before(async () => {
    stack = await e2eStack();
  });

  it('should post exactly one card for a new simulator alert', async () => {
    const created = await callJson<{ id: string }>(`${stack.simUrl}/_sim/mde/alerts`, 'POST', {
      title,
      severity: 'High',
      category: 'CredentialAccess',
    });
    assert.equal(created.status, 201);
    alertId = created.body.id;
    const posted = await stack.driver.messages.waitFor(isNewCard(title), 10_000);
    rootId = posted.message!.messageId;
    assert.equal(posted.message?.attachments[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.match(posted.message?.postConversationId ?? '', new RegExp(`^${SOC_ALERTS};messageid=`));
    await pause(SETTLE_MS);
    assert.equal(cardsMentioning(stack.driver, title).length, 1);
  });

  it('should update that card in place and say what changed in its thread when the alert changes', async () => {
    const token = await callJson<{ access_token: string }>(`${stack.simUrl}/_sim/token`, 'GET');
    const patched = await callJson(
      `${stack.simUrl}/api/alerts/${alertId}`,
      'PATCH',
      { status: 'InProgress', assignedTo: 'secops@contoso.com' },
      { authorization: `Bearer ${token.body.access_token}` },
    );
    assert.equal(patched.status, 200);
    const updated = await stack.driver.messages.waitFor(
      (e) => e.action === 'updateMessage' && e.message?.messageId === rootId,
      10_000,
    );
    assert.equal(updated.actionConversationId, SOC_ALERTS);
    assert.match(JSON.stringify(updated.message?.attachments), /secops@contoso\.com/);
    const threadId = `${SOC_ALERTS};messageid=${rootId}`;
    const reply = await stack.driver.messages.waitFor(
      (e) => e.action === 'createMessage' && e.actionConversationId === threadId,
      10_000,
    );
    assert.match(JSON.stringify(reply.message), /secops@contoso\.com|[Ii]n progress/);
    assert.equal(cardsMentioning(stack.driver, title).length, 1);
  });
});
