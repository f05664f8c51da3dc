import assert from 'node:assert/strict';
import { TURN_ERROR_MESSAGE } from '../../../../src/adapters/teams/turn-error-handler';
import { VigilError } from '../../../../src/domain/errors/vigil-error';
import { botHarness, IMPOSTOR } from '../bot-test-kit';
import {
  alertOn,
  ask,
  BOB,
  HOSTILE_ESCAPED,
  HOSTILE_TITLE,
  hasLink,
  MACHINE_ID,
  seed,
  WS042,
  withResponder,
} from './command-fixtures';

describe('typed read commands', () => {
  describe('alerts', () => {
    it('should list the open alerts newest first, one line each, for a viewer too', async () => {
      const h = await botHarness();
      await seed(
        h,
        alertOn({ id: 'da-old', title: 'Old one', severity: 'low', createdAt: '2026-03-01T09:00:00Z' }),
        alertOn({ id: 'da-new', title: 'New one', createdAt: '2026-03-02T08:50:00Z' }),
        alertOn({ id: 'da-done', title: 'Done', status: 'resolved' }),
      );
      const answer = await ask(h, 'alerts', IMPOSTOR);
      assert.equal(
        answer,
        [
          'The newest open alerts, newest first:',
          '',
          '- 🔴 New one · ws-042.contoso.com · 10 min ago · `da-new`',
          '- 🔵 Old one · ws-042.contoso.com · 1 d ago · `da-old`',
          '',
          'Type `alert <id>` for one of them.',
        ].join('\n'),
      );
    });

    it('should take a minimum severity and all, in any order and case', async () => {
      const h = await botHarness();
      await seed(
        h,
        alertOn({ id: 'da-low', severity: 'low' }),
        alertOn({ id: 'da-med', severity: 'medium', status: 'resolved' }),
        alertOn({ id: 'da-high', severity: 'high' }),
      );
      const answer = await ask(h, 'alerts ALL Medium');
      assert.match(answer, /^The newest alerts of medium severity or higher, newest first:/);
      assert.match(answer, /`da-med` · resolved$/m);
      assert.match(answer, /`da-high`/);
      assert.doesNotMatch(answer, /da-low/);
      assert.equal(await ask(h, 'alerts high open'), await ask(h, 'alerts open high'));
    });

    it('should show 10 and say how many more there are', async () => {
      const h = await botHarness();
      const many = Array.from({ length: 13 }, (_, i) =>
        alertOn({ id: `da-${String(i).padStart(2, '0')}`, createdAt: `2026-03-02T0${i % 9}:00:00Z` }),
      );
      await seed(h, ...many);
      const answer = await ask(h, 'alerts');
      assert.equal(answer.split('\n').filter((line) => line.startsWith('- ')).length, 10);
      assert.match(answer, /…and 3 more — narrow with a severity \(`alerts high`\)\./);
    });

    it('should say when nothing matches', async () => {
      const h = await botHarness();
      assert.equal(await ask(h, 'alerts'), 'No open alerts in Vigil.');
      await seed(h, alertOn({ severity: 'medium' }));
      assert.equal(await ask(h, 'alerts high'), 'No open alerts of high severity in Vigil.');
    });

    it('should answer a word it cannot read with the grammar’s friendly message', async () => {
      const h = await botHarness();
      const answer = await ask(h, 'alerts critical');
      assert.match(answer, /^`critical` is not a severity or open\/all: expected a severity/);
      assert.match(answer, /Type `alerts \[informational\|low\|medium\|high\] \[open\|all\]`\.$/);
      assert.match(await ask(h, 'alerts "high'), /is never closed/);
    });

    it('should escape a hostile title so it cannot inject a link', async () => {
      const h = await botHarness();
      await seed(h, alertOn({ title: HOSTILE_TITLE, machine: { id: MACHINE_ID, name: '[pc](http://x)' } }));
      const answer = await ask(h, 'alerts');
      assert.ok(answer.includes(HOSTILE_ESCAPED), answer);
      assert.ok(answer.includes('\\[pc\\]\\(http://x\\)'), answer);
      assert.equal(hasLink(answer), false);
    });
  });

  describe('alert', () => {
    it("should show the alert's main facts and its last 3 response actions", async () => {
      const h = await botHarness({ machines: [WS042] });
      await withResponder(h);
      await seed(h, alertOn());
      await ask(h, 'scan ws-042', BOB);
      await ask(h, 'resolve da-1 tp confirmed', BOB);
      await ask(h, 'isolate ws-042 ransom note', BOB);
      await ask(h, 'scan ws-042', BOB);
      const answer = await ask(h, 'alert da-1', IMPOSTOR);
      const lines = answer.split('\n');
      assert.equal(lines[0], '**Ransomware behavior detected in the file system**');
      assert.ok(lines.includes('- Alert: `da-1` from Defender for Endpoint'), answer);
      assert.ok(lines.includes('- Severity: 🔴 High; status: New'), answer);
      assert.ok(lines.includes(`- Machine: ws-042.contoso.com (\`${MACHINE_ID}\`)`), answer);
      assert.ok(lines.includes('- User: amy@contoso.com'), answer);
      assert.ok(lines.includes('- Created: 2 Mar 2026 06:00 UTC (3 h ago)'), answer);
      const actions = lines.slice(lines.indexOf('Last response actions, newest first:') + 1);
      assert.equal(actions.length, 3, answer);
      assert.match(
        actions[0] ?? '',
        /^- ⏳ Full isolation of ws-042 requested by Bob Responder at 09:00 UTC/,
      );
      assert.match(actions[1] ?? '', /^- ⏳ Resolution as true positive requested by Bob Responder/);
      assert.match(actions[2] ?? '', /^- ⏳ Quick antivirus scan of ws-042 requested by Bob Responder/);
    });

    it('should say when there are no actions yet, and escape a hostile title', async () => {
      const h = await botHarness();
      await seed(h, alertOn({ title: HOSTILE_TITLE, assignedTo: '[me](http://x)' }));
      const answer = await ask(h, 'alert da-1');
      assert.ok(answer.startsWith(`**${HOSTILE_ESCAPED}**`), answer);
      assert.match(answer, /status: New, assigned to \\\[me\\\]\\\(http:\/\/x\\\)$/m);
      assert.match(answer, /No response actions on it yet\.$/);
      assert.equal(hasLink(answer), false);
    });

    it('should say when Vigil does not know the alert, or the id is malformed', async () => {
      const h = await botHarness();
      assert.equal(
        await ask(h, 'alert da-404'),
        'Vigil does not know alert `da-404`. Type `alerts` to see the ones it knows.',
      );
      assert.match(await ask(h, 'alert'), /^Which alert\? Expected an alert id/);
      assert.match(await ask(h, 'alert da-1 da-2'), /^I did not expect `da-2`/);
      assert.match(await ask(h, 'alert [x](y)'), /is not an alert id/);
    });
  });

  describe('machine', () => {
    it("should show Defender's record, Vigil's isolation record and the open alerts", async () => {
      const h = await botHarness({ machines: [WS042] });
      await seed(h, alertOn(), alertOn({ id: 'da-2', status: 'resolved' }));
      const answer = await ask(h, 'machine WS-042', IMPOSTOR);
      assert.equal(
        answer,
        [
          `**ws-042.contoso.com** (\`${MACHINE_ID}\`)`,
          '',
          '- OS: Windows11 22H2',
          '- Risk: High; exposure: Medium; health: Active',
          '- Tags: finance, tier1',
          '- Last seen: 2 Mar 2026 08:30 UTC (30 min ago)',
          "- Vigil's record: Vigil never isolated nor released it",
          '',
          'Open alerts in Vigil on it, newest first:',
          '- 🔴 Ransomware behavior detected in the file system · ws-042.contoso.com · 3 h ago · `da-1`',
        ].join('\n'),
      );
    });

    it('should say the machine is isolated once an isolation Vigil sent succeeded', async () => {
      const h = await botHarness({ machines: [WS042] });
      await seed(h, alertOn());
      await ask(h, 'isolate ws-042 ransom note');
      const action = await h.store.repos.actions.get('action-1');
      assert.ok(action);
      await h.store.repos.actions.update({
        ...action,
        state: 'succeeded',
        finishedAt: '2026-03-02T09:01:00Z',
        updatedAt: '2026-03-02T09:01:00Z',
      });
      const answer = await ask(h, `machine ${MACHINE_ID.toUpperCase()}`);
      assert.match(answer, /^- Vigil's record: isolated \(the last isolation Vigil sent took effect\)$/m);
    });

    it('should escape what Defender says about the machine, and say when nothing is open', async () => {
      const hostile = { ...WS042, name: 'ws-[x](http://e)', tags: ['*vip*'] };
      const h = await botHarness({ machines: [hostile] });
      assert.equal(await ask(h, 'machine ws-042'), 'Defender has no machine named ws-042.');
      const found = await ask(h, `machine ${MACHINE_ID}`);
      assert.ok(found.startsWith('**ws-\\[x\\]\\(http://e\\)**'), found);
      assert.match(found, /^- Tags: \\\*vip\\\*$/m);
      assert.match(found, /No open alerts in Vigil on it\.$/);
      assert.equal(hasLink(found), false);
    });

    it("should answer Defender's errors plainly, and parse errors with the grammar's message", async () => {
      const down = new VigilError(
        'DEFENDER.UNAVAILABLE',
        'Defender did not answer in time. Try again in a minute.',
      );
      const h = await botHarness({ machines: down });
      assert.equal(await ask(h, 'machine ws-042'), 'Defender did not answer in time. Try again in a minute.');
      assert.match(await ask(h, 'machine'), /^Which machine\? Expected a machine name or id/);
      assert.match(await ask(h, 'machine ws_042'), /^`ws_042` is not a machine name or id/);
      assert.match(await ask(h, 'machine ws-042 ws-043'), /^I did not expect `ws-043`/);
    });

    it('should not swallow errors that are no Defender refusal', async () => {
      const h = await botHarness({ machines: new Error('boom') });
      assert.equal(await ask(h, 'machine ws-042'), TURN_ERROR_MESSAGE);
    });
  });

  it('should list the new commands in help', async () => {
    const h = await botHarness();
    const help = await ask(h, 'help');
    for (const name of ['alerts', 'alert', 'machine', 'isolate', 'unisolate', 'scan', 'resolve']) {
      assert.match(help, new RegExp(`^- \`${name}\`: `, 'm'));
    }
  });
});
