import assert from 'node:assert/strict';
import { callJson, cardText, type E2eStack, e2eStack, isNewCard, pause, SOC_ALERTS } from './e2e-stack';

/** A machine action as the simulator lists it. */
interface SimAction {
  readonly type: string;
  readonly status: string;
  readonly machineId: string;
  readonly requestorComment: string;
}

describe('e2e: automatic rules written by chat', function () {
  this.timeout(60_000);
  let stack: E2eStack;
  const marker = `E2E rule marker ${Date.now()}`;
  const ruleName = `e2e-scan-${Date.now()}`;

  before(async () => {
    stack = await e2eStack();
  });

  /** Posts `text` in SOC Alerts as the playground's user (an admin) and waits for the bot's answer. */
  async function say(text: string, answer: RegExp): Promise<string> {
    const post = await stack.driver.sendToChannel(SOC_ALERTS, text);
    const reply = await stack.driver.messages.waitFor(
      (e) =>
        e.action === 'createMessage' &&
        e.actionConversationId === post.threadId &&
        answer.test(e.message?.text ?? ''),
      10_000,
    );
    return reply.message?.text ?? '';
  }

  it("should refuse a viewer's rule", async () => {
    const adele = stack.driver.user('Adele Vance');
    const sent = await stack.driver.messageAs(
      adele.id,
      SOC_ALERTS,
      `rule add sneaky when severity = low then isolate full`,
    );
    const conversation = (sent.conversation as { id?: string } | undefined)?.id ?? SOC_ALERTS;
    const refusal = await stack.driver.messages.waitFor(
      (e) =>
        e.action === 'createMessage' &&
        e.actionConversationId.startsWith(conversation.split(';')[0] ?? SOC_ALERTS) &&
        /Only Vigil admins can change the automatic rules/.test(e.message?.text ?? ''),
      10_000,
    );
    assert.ok(refusal);
    const listed = await say('rules', /automatic rule|no automatic rules/);
    assert.doesNotMatch(listed, /sneaky/);
  });

  it('should point at the token of a rule that does not parse', async () => {
    const answer = await say(`rule add broken when severity = critical then scan`, /critical/);
    assert.match(answer, /critical/);
    assert.match(answer, /informational|low|medium|high/);
  });

  it('should act on a matching simulator alert by itself, the card naming the rule', async () => {
    const added = await say(
      `rule add ${ruleName} when title ~ "${marker}" then scan quick`,
      /Added rule r\d+/,
    );
    const ruleId = /Added rule (r\d+)/.exec(added)?.[1];
    assert.ok(ruleId);

    const machineName = `e2e-rule-${Date.now()}.contoso.com`;
    const created = await callJson<{ id: string; machineId: string }>(
      `${stack.simUrl}/_sim/mde/alerts`,
      'POST',
      {
        title: `${marker}: suspicious script`,
        severity: 'Medium',
        computerDnsName: machineName,
      },
    );
    assert.equal(created.status, 201);
    const posted = await stack.driver.messages.waitFor(isNewCard(marker), 15_000);
    const rootId = posted.message?.messageId ?? '';
    await stack.driver.messages.waitFor(
      (e) =>
        e.action === 'updateMessage' &&
        e.message?.messageId === rootId &&
        new RegExp(`Quick antivirus scan of .+ succeeded .*requested by rule ${ruleName}`).test(
          cardText(e.message),
        ),
      20_000,
    );
    const listed = await callJson<{ value: SimAction[] }>(`${stack.simUrl}/_sim/mde/actions`, 'GET');
    const scans = listed.body.value.filter((a) => a.machineId === created.body.machineId);
    assert.deepEqual(
      scans.map((a) => [a.type, a.status]),
      [['RunAntiVirusScan', 'Succeeded']],
    );
    assert.match(
      scans[0]?.requestorComment ?? '',
      new RegExp(`by Vigil rule "${ruleName}" \\(alert ${created.body.id}\\)`),
    );

    await say(`rule disable ${ruleId}`, /disabled/);
    await callJson(`${stack.simUrl}/_sim/mde/alerts`, 'POST', {
      title: `${marker}: second one`,
      severity: 'Medium',
      computerDnsName: `e2e-rule-off-${Date.now()}.contoso.com`,
    });
    await stack.driver.messages.waitFor(isNewCard(`${marker}: second one`), 15_000);
    await pause(2000);
    const after = await callJson<{ value: SimAction[] }>(`${stack.simUrl}/_sim/mde/actions`, 'GET');
    assert.equal(after.body.value.length, listed.body.value.length, 'a disabled rule does nothing');
  });

  it("should scan a Cloud Apps alert's user's machines, one tracked action apiece", async () => {
    const cloudMarker = `E2E cloud rule ${Date.now()}`;
    const name = `e2e-cloud-${Date.now()}`;
    await say(
      `rule add ${name} when source = mcas and title ~ "${cloudMarker}" then scan quick on user machines`,
      /Added rule r\d+/,
    );
    const before = (await callJson<{ value: SimAction[] }>(`${stack.simUrl}/_sim/mde/actions`, 'GET')).body
      .value.length;
    const created = await callJson<{ _id: string }>(`${stack.simUrl}/_sim/mcas/alerts`, 'POST', {
      title: `${cloudMarker}: impossible travel`,
      user: 'alice',
    });
    assert.equal(created.status, 201);
    const posted = await stack.driver.messages.waitFor(isNewCard(cloudMarker), 15_000);
    const rootId = posted.message?.messageId ?? '';
    await stack.driver.messages.waitFor(
      (e) =>
        e.action === 'updateMessage' &&
        e.message?.messageId === rootId &&
        new RegExp(`Quick antivirus scan of .+ succeeded .*requested by rule ${name}`).test(
          cardText(e.message),
        ),
      20_000,
    );
    const listed = (await callJson<{ value: SimAction[] }>(`${stack.simUrl}/_sim/mde/actions`, 'GET')).body
      .value;
    const scans = listed.slice(before).filter((a) => a.requestorComment.includes(`Vigil rule "${name}"`));
    assert.ok(scans.length >= 1, "at least one of alice's machines was scanned");
    assert.ok(scans.every((a) => a.type === 'RunAntiVirusScan'));
    assert.equal(new Set(scans.map((a) => a.machineId)).size, scans.length, 'one action per machine');
  });
});
