import assert from 'node:assert/strict';
import { conversationOf, createTeamsRateGate } from '../../../src/services/outbox/teams-rate-gate';

/** Sends as fast as the gate allows, from `0`; returns the send times. */
function sendTimes(gate: ReturnType<typeof createTeamsRateGate>, conversations: readonly string[]): number[] {
  let now = 0;
  return conversations.map((conversation) => {
    now += gate.delayMs(conversation, now);
    gate.record(conversation, now);
    return now;
  });
}

describe('createTeamsRateGate', () => {
  it('should let the first send to a conversation go at once', () => {
    assert.equal(createTeamsRateGate().delayMs('c1', 5000), 0);
  });

  it('should allow one send per second per conversation', () => {
    assert.deepEqual(sendTimes(createTeamsRateGate(), ['c1', 'c1', 'c1']), [0, 1000, 2000]);
  });

  it('should let other conversations go meanwhile', () => {
    assert.deepEqual(sendTimes(createTeamsRateGate(), ['c1', 'c2', 'c1']), [0, 0, 1000]);
  });

  it('should allow at most 7 sends per second for the whole app', () => {
    const times = sendTimes(
      createTeamsRateGate(),
      Array.from({ length: 15 }, (_, i) => `c${i}`),
    );
    assert.deepEqual(times, [0, 0, 0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 2000]);
  });

  it('should hold a throttled conversation until the time given', () => {
    const gate = createTeamsRateGate();
    gate.holdUntil('c1', 30_000);
    assert.equal(gate.delayMs('c1', 10_000), 20_000);
    assert.equal(gate.delayMs('c2', 10_000), 0);
    assert.equal(gate.delayMs('c1', 30_000), 0);
  });

  it('should follow other limits when given', () => {
    const gate = createTeamsRateGate({
      perConversation: { count: 2, windowMs: 1000 },
      app: { count: 100, windowMs: 1000 },
    });
    assert.deepEqual(sendTimes(gate, ['c1', 'c1', 'c1', 'c1']), [0, 0, 1000, 1000]);
  });
});

describe('conversationOf', () => {
  it('should count a thread against its channel', () => {
    assert.equal(conversationOf('19:a@thread.tacv2;messageid=123'), '19:a@thread.tacv2');
    assert.equal(conversationOf('19:a@thread.tacv2'), '19:a@thread.tacv2');
    assert.equal(conversationOf('a:personal-chat'), 'a:personal-chat');
  });
});
