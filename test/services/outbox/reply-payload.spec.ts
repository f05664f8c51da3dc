import assert from 'node:assert/strict';
import { toReplyMessage } from '../../../src/services/outbox/reply-payload';

describe('toReplyMessage', () => {
  it('should send the text of a text reply', () => {
    assert.deepEqual(toReplyMessage({ text: 'Status: New → Resolved', alertId: 'da-1' }), {
      kind: 'text',
      text: 'Status: New → Resolved',
    });
  });

  it('should send a card with its fallback text', () => {
    const card = { type: 'AdaptiveCard', version: '1.5' };
    assert.deepEqual(toReplyMessage({ card, fallbackText: 'Alert resolved' }), {
      kind: 'card',
      card,
      fallbackText: 'Alert resolved',
    });
  });

  it('should cut a very long text', () => {
    const message = toReplyMessage({ text: 'x'.repeat(10_000) });
    assert.equal(message?.kind === 'text' && message.text.length, 4000);
  });

  it('should refuse a payload with nothing to say', () => {
    assert.equal(toReplyMessage({}), undefined);
    assert.equal(toReplyMessage({ text: '   ' }), undefined);
    assert.equal(toReplyMessage({ card: 'not a card', fallbackText: 'x' }), undefined);
  });
});
