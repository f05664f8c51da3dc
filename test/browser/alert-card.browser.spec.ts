import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page, Response } from 'playwright-core';
import { socLayout } from '../../src/demo/soc-layout';
import { callJson, type E2eStack, e2eStack } from '../e2e/e2e-stack';
import { findChromium, type LaunchedChromium, launchChromium } from './launch-chromium';

/**
 * The alert card as an analyst meets it: headless Chromium (Debian's, through playwright-core) on the
 * Agents Playground's own web page, on the shared end-to-end stack (bot, simulator, playground). Selectors
 * are the ones teams-platform.md §6 (option B) verified, plus the Adaptive Card renderer's roles.
 */

/** Where the screenshots go (`test-output/` is git-ignored). */
const SCREENSHOTS = resolve(__dirname, '../../test-output/browser');

/** Tall enough that the card with its isolation form open fits the channel pane (element screenshots clip to it). */
const VIEWPORT = { width: 1280, height: 2000 };

/** How long the page has for any one step. */
const STEP_MS = 15_000;

/** The team's alerts channel in the playground's channel list ("<team> - <channel>"). */
const ALERTS_CHANNEL = `${socLayout.team.name} - ${socLayout.alertsChannel.name}`;

/** The alert this test raises. */
interface RaisedAlert {
  readonly id: string;
  readonly title: string;
  readonly machineId: string;
  readonly machineName: string;
}

/**
 * What "Isolate machine" leads to: the bot answers the invoke at once with a message (read from the
 * page's own call to the playground, since the card's update for everyone may redraw the post before the
 * answer is looked at), the card is then updated in place with the request and, once the simulator's
 * machine action ends, with "succeeded"; and the simulator's machine is isolated.
 * Returns what to screenshot as "the answer".
 */
async function expectIsolateAnswer(
  stack: E2eStack,
  post: Locator,
  alert: RaisedAlert,
  invoked: Promise<Response>,
): Promise<Locator> {
  const answer = (await (await invoked).json()) as { type?: string; value?: unknown };
  assert.equal(answer.type, 'application/vnd.microsoft.activity.message');
  assert.match(String(answer.value), /Full isolation of .+ requested by Alex Wilber/);
  await cardOf(post, alert.title)
    .getByText(/Full isolation of .+ succeeded/)
    .waitFor({ timeout: STEP_MS });
  const machine = await callJson<{ isolated: boolean }>(
    `${stack.simUrl}/_sim/mde/machines/${encodeURIComponent(alert.machineId)}`,
    'GET',
  );
  assert.equal(machine.status, 200);
  assert.equal(machine.body.isolated, true, 'Defender isolated the machine');
  return post;
}

/** The rendered Adaptive Card showing `title`. */
function cardOf(scope: Page | Locator, title: string): Locator {
  return scope.locator('.ac-preview-panel').filter({ hasText: title });
}

/**
 * The channel post holding that card: the innermost element around both the card and the bot's avatar
 * (all such elements enclose the card, so the last in document order is the innermost).
 */
function postOf(page: Page, title: string): Locator {
  return page
    .locator('div')
    .filter({ has: cardOf(page, title) })
    .filter({ has: page.getByRole('img', { name: socLayout.bot.name }) })
    .last();
}

/** Saves a screenshot of `target` as `test-output/browser/<name>.png` and returns the path. */
async function screenshot(target: Locator, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await target.scrollIntoViewIfNeeded();
  await target.screenshot({ path, animations: 'disabled' });
  return path;
}

describe('browser: the alert card in the Agents Playground', function () {
  this.timeout(30_000);
  let stack: E2eStack;
  let chromium: LaunchedChromium | undefined;
  let page: Page;
  let alert: RaisedAlert;
  const reason = 'Mimikatz ran on a finance workstation (browser test)';

  before(async function () {
    const found = findChromium();
    if (!found.found) {
      console.log(`      ${found.message}`);
      this.skip();
    }
    this.timeout(90_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    stack = await e2eStack();
    chromium = await launchChromium(found.path, { viewport: VIEWPORT });
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.setDefaultTimeout(STEP_MS);
  });

  after(async () => {
    await chromium?.close();
  });

  it('should show a new alert as a card in SOC Alerts, with its title, severity and buttons', async () => {
    // Open the channel first: the page shows what the bot posts while it is open (a page load shows no
    // earlier posts, and re-sends the install events, which the bot answers with nothing).
    await page.goto(stack.demo.playground.url);
    await page.getByRole('treeitem', { name: ALERTS_CHANNEL }).click();
    await page.getByRole('button', { name: 'Post', exact: true }).waitFor();

    const title = `Browser test credential theft ${Date.now()}`;
    const created = await callJson<{ id: string; machineId: string; computerDnsName: string }>(
      `${stack.simUrl}/_sim/mde/alerts`,
      'POST',
      // A machine of its own, so it is not a protected one (those wait for a second responder).
      {
        title,
        severity: 'High',
        category: 'CredentialAccess',
        computerDnsName: `browser-${Date.now()}.contoso.com`,
      },
    );
    assert.equal(created.status, 201);
    const { id, machineId, computerDnsName } = created.body;
    alert = { id, title, machineId, machineName: computerDnsName };

    const card = cardOf(page, title);
    await card.waitFor();
    await card.getByText(title, { exact: true }).waitFor();
    await card.getByText('🔴 High', { exact: true }).waitFor();
    await card.getByText(`Alert ${id}`).waitFor();
    for (const name of ['Isolate…', 'Scan…', 'Resolve…']) {
      await card.getByRole('button', { name, exact: true }).waitFor();
    }
    await card.getByRole('link', { name: 'Open in Defender' }).waitFor();
    await screenshot(postOf(page, title), 'alert-card');
  });

  it('should open the isolation form on "Isolate…", with full isolation chosen and a reason to give', async () => {
    assert.ok(alert, 'the card was shown');
    const card = cardOf(page, alert.title);
    const isolate = card.getByRole('button', { name: 'Isolate…', exact: true });
    await isolate.click();
    await card.getByText(`Isolate ${alert.machineName} from the network`).waitFor();
    assert.equal(await isolate.getAttribute('aria-expanded'), 'true');

    const full = card.getByRole('radio', { name: 'Full: cut every connection' });
    await full.check();
    assert.equal(await full.isChecked(), true);
    assert.equal(await card.getByRole('radio', { name: /^Selective/ }).isChecked(), false);
    await card.getByRole('textbox', { name: /^Reason/ }).fill(reason);
    await screenshot(postOf(page, alert.title), 'isolate-form');
  });

  it('should answer "Isolate machine" at once, then show the card following it to "succeeded"', async () => {
    assert.ok(alert, 'the card was shown');
    const post = postOf(page, alert.title);
    const invoked = page.waitForResponse((response) => response.url().includes('/_conversation/v1/invoke'));
    await cardOf(page, alert.title).getByRole('button', { name: 'Isolate machine', exact: true }).click();
    const answered = await expectIsolateAnswer(stack, post, alert, invoked);
    await screenshot(answered, 'isolate-answer');
  });
});
