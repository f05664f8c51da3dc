import assert from 'node:assert/strict';
import type { PlaygroundEvent } from '../helpers/playground-driver';
import { callJson, cardText, type E2eStack, e2eStack, isNewCard, pause, SOC_ALERTS } from './e2e-stack';

/** A machine action as the simulator lists it (`GET /_sim/mde/actions`). */
interface SimAction {
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly machineId: string;
  readonly requestorComment: string;
}

/** An alert raised for a test, and its card. */
interface RaisedAlert {
  readonly id: string;
  readonly machineId: string;
  readonly machineName: string;
  readonly rootId: string;
  readonly threadId: string;
}

/** How long the simulator takes to finish a machine action in these tests (see e2e-stack's config). */
const QUICK_ACTION_MS = 200;

describe('e2e: acting from the card (isolate, one request per intent, roles, approval, restart)', function () {
  this.timeout(60_000);
  let stack: E2eStack;

  before(async () => {
    stack = await e2eStack();
  });

  after(async () => {
    await callJson(`${stack.simUrl}/_sim/config`, 'POST', { actionDelayMs: QUICK_ACTION_MS });
  });

  /** Raises an MDE alert on `computerDnsName` and waits for its card. */
  async function raise(title: string, computerDnsName: string): Promise<RaisedAlert> {
    const created = await callJson<{ id: string; machineId: string; computerDnsName: string }>(
      `${stack.simUrl}/_sim/mde/alerts`,
      'POST',
      { title, severity: 'High', category: 'Ransomware', computerDnsName },
    );
    assert.equal(created.status, 201);
    const posted = await stack.driver.messages.waitFor(isNewCard(title), 15_000);
    const rootId = posted.message?.messageId ?? '';
    return {
      id: created.body.id,
      machineId: created.body.machineId,
      machineName: created.body.computerDnsName,
      rootId,
      threadId: `${SOC_ALERTS};messageid=${rootId}`,
    };
  }

  /** The simulator's machine actions on one machine. */
  async function actionsOn(machineId: string): Promise<SimAction[]> {
    const listed = await callJson<{ value: SimAction[] }>(`${stack.simUrl}/_sim/mde/actions`, 'GET');
    return listed.body.value.filter((action) => action.machineId === machineId);
  }

  /** Waits for the card of `alert` to be updated with text matching `pattern`. */
  function cardUpdate(alert: RaisedAlert, pattern: RegExp, timeoutMs = 15_000): Promise<PlaygroundEvent> {
    return stack.driver.messages.waitFor(
      (e) =>
        e.action === 'updateMessage' &&
        e.message?.messageId === alert.rootId &&
        pattern.test(cardText(e.message)),
      timeoutMs,
    );
  }

  /** Waits for a reply in the alert's thread matching `pattern`. */
  function threadReply(alert: RaisedAlert, pattern: RegExp, timeoutMs = 15_000): Promise<PlaygroundEvent> {
    return stack.driver.messages.waitFor(
      (e) =>
        e.action === 'createMessage' &&
        e.actionConversationId === alert.threadId &&
        pattern.test(e.message?.text ?? ''),
      timeoutMs,
    );
  }

  /** Clicks a card button as another playground user and returns the bot's invoke answer. */
  async function clickAs(userName: string, alert: RaisedAlert, verb: string, data: Record<string, unknown>) {
    const user = stack.driver.user(userName);
    const activity = await stack.driver.invokeActivityAs(user.id, alert.threadId, alert.rootId, verb, data);
    const answer = await stack.driver.postToBot(`${stack.botUrl}/api/messages`, activity);
    assert.equal(answer.status, 200);
    return (answer.body as { value: unknown }).value;
  }

  it('should send exactly one Isolate for two clicks, name the analyst in Defender, and end the card in Succeeded', async () => {
    const alert = await raise(`E2E isolate once ${Date.now()}`, `e2e-once-${Date.now()}.contoso.com`);
    const data = {
      alertId: alert.id,
      machineId: alert.machineId,
      isolationType: 'Full',
      reason: 'ransom note found',
    };

    const first = await stack.driver.invoke(alert.threadId, alert.rootId, 'isolate', data);
    assert.equal(first.type, 'application/vnd.microsoft.activity.message');
    assert.match(String(first.value), /Full isolation of .+ requested by Alex Wilber/);
    const second = await stack.driver.invoke(alert.threadId, alert.rootId, 'isolate', data);
    assert.match(String(second.value), /Nothing new was sent/);

    await cardUpdate(alert, /Full isolation of .+ succeeded/);
    await threadReply(alert, /succeeded/);
    const actions = await actionsOn(alert.machineId);
    assert.equal(actions.length, 1, JSON.stringify(actions));
    assert.equal(actions[0]?.type, 'Isolate');
    assert.equal(actions[0]?.status, 'Succeeded');
    assert.equal(
      actions[0]?.requestorComment,
      `Isolated from Teams by Alex Wilber (alert ${alert.id}): ransom note found`,
    );

    const again = await stack.driver.invoke(alert.threadId, alert.rootId, 'isolate', data);
    assert.match(String(again.value), /already isolated/);
    await pause(1000);
    assert.equal((await actionsOn(alert.machineId)).length, 1, 'isolating an isolated machine sends nothing');
  });

  it("should refuse a viewer's click politely, audit it, and send nothing", async () => {
    const alert = await raise(`E2E viewer ${Date.now()}`, `e2e-viewer-${Date.now()}.contoso.com`);
    const answer = await clickAs('Megan Bowen', alert, 'scan', {
      alertId: alert.id,
      machineId: alert.machineId,
      scanType: 'Quick',
    });
    assert.match(String(answer), /^Only responders and admins/);
    await pause(1000);
    assert.deepEqual(await actionsOn(alert.machineId), []);
    const audit = await stack.driver.sendToChannel(SOC_ALERTS, `audit ${alert.id}`);
    const listed = await stack.driver.messages.waitFor(
      (e) =>
        e.action === 'createMessage' &&
        e.actionConversationId === audit.threadId &&
        /refused/.test(e.message?.text ?? ''),
      10_000,
    );
    assert.match(listed.message?.text ?? '', /alert\.scan\.request/);
  });

  it("should hold a protected machine's isolation for a second responder, refuse self-approval, then isolate once", async () => {
    const alert = await raise(`E2E protected ${Date.now()}`, 'dc02.contoso.local');
    const before = (await actionsOn(alert.machineId)).length;
    const data = {
      alertId: alert.id,
      machineId: alert.machineId,
      isolationType: 'Selective',
      reason: 'DC beaconing',
    };
    const asked = await stack.driver.invoke(alert.threadId, alert.rootId, 'isolate', data);
    assert.match(String(asked.value), /protected \(tag tier0\).*second responder/);
    const waiting = await cardUpdate(alert, /needs a second responder's approval/);
    const actionId = /"actionId":"([^"]+)"/.exec(cardText(waiting.message))?.[1];
    assert.ok(actionId, 'the card carries the Approve button with the action id');
    await pause(1000);
    assert.equal((await actionsOn(alert.machineId)).length, before, 'nothing is sent before approval');

    const self = await stack.driver.invoke(alert.threadId, alert.rootId, 'approve', {
      alertId: alert.id,
      actionId,
    });
    assert.match(String(self.value), /second responder must approve/);

    const megan = stack.driver.user('Megan Bowen');
    const grant = await stack.driver.sendToChannel(SOC_ALERTS, `role grant ${megan.aadObjectId} responder`);
    await stack.driver.messages.waitFor(
      (e) =>
        e.action === 'createMessage' &&
        e.actionConversationId === grant.threadId &&
        /responder/.test(e.message?.text ?? ''),
      10_000,
    );
    const approved = await clickAs('Megan Bowen', alert, 'approve', { alertId: alert.id, actionId });
    assert.match(String(approved), /^Approved/);

    await cardUpdate(alert, /Selective isolation of .+ succeeded/);
    const actions = (await actionsOn(alert.machineId)).slice(before);
    assert.deepEqual(
      actions.map((action) => [action.type, action.status]),
      [['Isolate', 'Succeeded']],
    );
  });

  it('should still end the card in the final status when the bot restarts while the action is pending', async () => {
    await callJson(`${stack.simUrl}/_sim/config`, 'POST', { actionDelayMs: 4000 });
    const alert = await raise(`E2E restart ${Date.now()}`, `e2e-restart-${Date.now()}.contoso.com`);
    const answer = await stack.driver.invoke(alert.threadId, alert.rootId, 'scan', {
      alertId: alert.id,
      machineId: alert.machineId,
      scanType: 'Full',
    });
    assert.match(String(answer.value), /Full antivirus scan of .+ requested/);
    const deadline = Date.now() + 10_000;
    while ((await actionsOn(alert.machineId)).length === 0 && Date.now() < deadline) await pause(100);
    assert.equal((await actionsOn(alert.machineId))[0]?.status, 'Pending', 'the scan is pending in Defender');

    await stack.restartBot();

    await cardUpdate(alert, /Full antivirus scan of .+ succeeded/, 20_000);
    const actions = await actionsOn(alert.machineId);
    assert.deepEqual(
      actions.map((action) => [action.type, action.status]),
      [['RunAntiVirusScan', 'Succeeded']],
    );
  });
});
