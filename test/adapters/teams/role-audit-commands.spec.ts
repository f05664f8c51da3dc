import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { sha256Hex } from '../../../src/adapters/audit/sha256-hex';
import { verifyChain } from '../../../src/domain/audit/chain';
import { ADMIN, BOT, botHarness, channelMessage, IMPOSTOR, personalMessage, TENANT } from './bot-test-kit';

const BOB = { id: '29:bob', name: 'Bob Responder', aadObjectId: '33333333-3333-4333-8333-333333333333' };
const textOf = (replies: Partial<Activity>[]) => replies[0]?.text ?? '';

/** A channel message mentioning Vigil and then `person` (with the object id Teams puts in the entity). */
function withMention(
  text: (mention: string) => string,
  person: { id: string; name: string; aadObjectId?: string },
) {
  const botMention = `<at>${BOT.name}</at>`;
  const mention = `<at>${person.name}</at>`;
  return channelMessage(text(mention), ADMIN, {
    text: `${botMention} ${text(mention)}`,
    entities: [
      { type: 'mention', text: botMention, mentioned: BOT },
      { type: 'mention', text: mention, mentioned: person },
    ],
  });
}

describe('role and audit commands', () => {
  it('should let an admin grant a role to a mentioned user, by their object id, and audit it', async () => {
    const h = await botHarness();
    const replies = await h.send(withMention((m) => `role grant ${m} responder`, BOB));
    assert.equal(textOf(replies), 'Done: Bob Responder is now a responder (was a viewer).');
    assert.equal((await h.store.repos.roles.get(TENANT, BOB.aadObjectId))?.role, 'responder');
    const [entry] = await h.store.repos.audit.all();
    assert.equal(entry?.action, 'role.grant');
    assert.equal(entry?.actor.aadObjectId, ADMIN.aadObjectId);
    assert.equal(entry?.target, BOB.aadObjectId);
    assert.equal(entry?.outcome, 'succeeded');
  });

  it('should take an Entra object id typed in full, in any case', async () => {
    const h = await botHarness();
    const replies = await h.send(personalMessage(`role grant ${BOB.aadObjectId.toUpperCase()} ADMIN`));
    assert.match(textOf(replies), /^Done: 33333333-3333-4333-8333-333333333333 is now an admin/);
    assert.equal((await h.store.repos.roles.get(TENANT, BOB.aadObjectId))?.role, 'admin');
  });

  it('should never go by a display name, and say so plainly', async () => {
    const h = await botHarness();
    const named = await h.send(personalMessage('role grant Bob responder'));
    assert.match(textOf(named), /"Bob" is not a mention or an Entra object id/);
    const unresolved = await h.send(
      withMention((m) => `role grant ${m} responder`, { id: '29:bob', name: 'Bob' }),
    );
    assert.match(textOf(unresolved), /^I could not tell which Entra account Bob is/);
    const noRole = await h.send(personalMessage(`role grant ${BOB.aadObjectId} owner`));
    assert.match(textOf(noRole), /^Which role\?/);
    assert.deepEqual(await h.store.repos.roles.list(TENANT), []);
  });

  it('should politely refuse role changes from a non-admin named like an admin, auditing the refusal', async () => {
    const h = await botHarness();
    const replies = await h.send(personalMessage(`role grant ${IMPOSTOR.aadObjectId} admin`, IMPOSTOR));
    assert.match(textOf(replies), /^Sorry, only a Vigil admin can change roles/);
    await h.send(personalMessage(`role revoke ${ADMIN.aadObjectId}`, IMPOSTOR));
    assert.deepEqual(await h.store.repos.roles.list(TENANT), []);
    const entries = await h.store.repos.audit.all();
    assert.deepEqual(
      entries.map((e) => [e.action, e.actor.aadObjectId, e.outcome]),
      [
        ['role.grant', IMPOSTOR.aadObjectId, 'refused'],
        ['role.revoke', IMPOSTOR.aadObjectId, 'refused'],
      ],
    );
  });

  it('should revoke a role, and refuse to revoke an admin from configuration', async () => {
    const h = await botHarness();
    await h.send(personalMessage(`role grant ${BOB.aadObjectId} responder`));
    assert.match(textOf(await h.send(personalMessage(`role revoke ${BOB.aadObjectId}`))), /is now a viewer/);
    assert.equal(await h.store.repos.roles.get(TENANT, BOB.aadObjectId), undefined);
    const configured = await h.send(personalMessage(`role revoke ${ADMIN.aadObjectId}`));
    assert.match(textOf(configured), /an admin from Vigil's configuration/);
  });

  it('should let a granted admin choose the channel, and anyone list the roles', async () => {
    const h = await botHarness();
    await h.send(personalMessage(`role grant ${BOB.aadObjectId} admin`));
    await h.send(channelMessage('channel here', BOB));
    assert.ok((await h.socChannel.get()) !== undefined);
    const listed = textOf(await h.send(personalMessage('roles', IMPOSTOR)));
    assert.match(listed, /^You are a viewer in Vigil/);
    assert.match(listed, /- admin: `33333333-3333-4333-8333-333333333333`/);
  });

  it('should show the audit log to responders and admins, newest first, by alert', async () => {
    const h = await botHarness();
    await h.send(personalMessage(`role grant ${BOB.aadObjectId} responder`));
    await h.send(personalMessage('channel here', IMPOSTOR));
    const all = textOf(await h.send(personalMessage('audit', BOB)));
    assert.match(all, /^The last 2 audit entries, newest first:/);
    const lines = all.split('\n').filter((line) => line.startsWith('- #'));
    assert.match(lines[0] ?? '', /Ana Admin · channel\.choose · refused \(permission\)$/);
    assert.match(lines[1] ?? '', /Ana Admin · role\.grant 33333333-3333-4333-8333-333333333333 · succeeded$/);
    assert.equal(
      textOf(await h.send(personalMessage('audit da637-ABC', BOB))),
      'Nothing in the audit log about da637-ABC.',
    );
    const chain = await h.store.repos.audit.all();
    assert.equal(verifyChain(chain, sha256Hex), undefined);
    assert.equal(chain.at(-1)?.target, 'da637-ABC');
  });

  it('should politely refuse the audit log to viewers, and audit that', async () => {
    const h = await botHarness();
    const replies = await h.send(personalMessage('audit', IMPOSTOR));
    assert.match(textOf(replies), /^Sorry, the audit log is for responders and admins/);
    const [entry] = await h.store.repos.audit.all();
    assert.deepEqual([entry?.action, entry?.outcome], ['audit.read', 'refused']);
  });

  it('should list the new commands in help', async () => {
    const h = await botHarness();
    const help = textOf(await h.send(personalMessage('help')));
    for (const name of ['roles', 'role grant', 'role revoke', 'audit'])
      assert.match(help, new RegExp(`- \`${name}\`: `));
  });
});
