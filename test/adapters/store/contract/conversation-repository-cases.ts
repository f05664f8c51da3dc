import assert from 'node:assert/strict';
import type { ConversationRecord } from '../../../../src/services/ports/store.port';
import type { StoreContractContext } from './store-contract-context';
import { at } from './store-fixtures';

const channel: ConversationRecord = {
  id: '19:soc@thread.tacv2',
  kind: 'channel',
  tenantId: 'tenant-1',
  teamId: '19:team@thread.tacv2',
  name: 'SOC alerts',
  reference: {
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversation: { id: '19:soc@thread.tacv2' },
  },
  updatedAt: at(1),
};

/** The contract of `ConversationRepository`. */
export function conversationRepositoryCases(ctx: StoreContractContext): void {
  describe('conversations', () => {
    it('should keep a conversation and list them all', async () => {
      const { conversations } = ctx.store().repos;
      const chat: ConversationRecord = {
        id: 'a:1personal',
        kind: 'personal',
        tenantId: 'tenant-1',
        reference: { serviceUrl: 'https://smba.trafficmanager.net/emea/' },
        updatedAt: at(2),
      };
      await conversations.upsert(channel);
      await conversations.upsert(chat);
      assert.deepEqual(await conversations.get(channel.id), channel);
      assert.deepEqual(await conversations.get(chat.id), chat);
      assert.deepEqual((await conversations.list()).map((c) => c.id).sort(), [channel.id, chat.id].sort());
      assert.equal(await conversations.get('nope'), undefined);
    });

    it('should refresh the reference on an upsert, keeping names the activity did not give', async () => {
      const { conversations } = ctx.store().repos;
      await conversations.upsert(channel);
      const reference = { serviceUrl: 'https://smba.trafficmanager.net/amer/' };
      await conversations.upsert({
        id: channel.id,
        kind: 'channel',
        tenantId: 'tenant-1',
        reference,
        updatedAt: at(5),
      });
      assert.deepEqual(await conversations.get(channel.id), { ...channel, reference, updatedAt: at(5) });
      assert.equal((await conversations.list()).length, 1);
    });
  });
}
