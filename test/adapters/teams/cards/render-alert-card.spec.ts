import assert from 'node:assert/strict';
import { isWithinCardBudget } from '../../../../src/adapters/teams/cards/card-size';
import { findUnboundField, renderAlertCard } from '../../../../src/adapters/teams/cards/render-alert-card';
import type { AlertCardData, CardRetry } from '../../../../src/domain/cards/alert-card-data';
import { isVigilError } from '../../../../src/domain/errors/vigil-error';
import fixture from '../../../fixtures/cards/alert.data.json';
import { validateCard } from '../../../helpers/validate-card';
import { findActions, findInputIds } from './card-walk';

const sample = fixture as AlertCardData;

function titlesOf(card: unknown): string[] {
  return findActions(card).map(({ action }) => `${action.type} ${action.title}`);
}

/** The elements of the card's body (top level), by id. */
function bodyElement(card: unknown, id: string): Record<string, unknown> | undefined {
  const body = (card as { body: Record<string, unknown>[] }).body;
  return body.find((element) => element.id === id);
}

/** The ShowCard of a top-level button, by title (an empty card when there is no such button). */
function showCard(card: unknown, title: string): { body: Record<string, unknown>[]; actions?: unknown } {
  const actions = (card as { actions: Record<string, unknown>[] }).actions;
  const found = actions.find((action) => action.title === title)?.card;
  return (found as { body: Record<string, unknown>[] } | undefined) ?? { body: [] };
}

const approval = {
  actionId: 'act-5c1e',
  prompt: 'Approve or reject the full isolation of dc01 requested by Ana.',
};

const RETRIES: readonly CardRetry[] = [
  {
    kind: 'isolate',
    actionId: 'act-1',
    title: 'Retry full isolation of ws-042',
    machineId: 'm-1',
    isolationType: 'Full',
    reason: 'Ransom notes',
  },
  {
    kind: 'unisolate',
    actionId: 'act-2',
    title: 'Retry release of ws-042',
    machineId: 'm-1',
    reason: 'Clean',
  },
  {
    kind: 'scan',
    actionId: 'act-3',
    title: 'Retry full antivirus scan of ws-042',
    machineId: 'm-1',
    scanType: 'Full',
  },
  {
    kind: 'resolve',
    actionId: 'act-4',
    title: 'Retry resolution as true positive',
    classification: 'truePositive',
    determination: 'Malware',
    comment: 'Contained',
  },
  {
    kind: 'assign',
    actionId: 'act-5',
    title: 'Retry assignment to ana@contoso.com',
    assignee: 'ana@contoso.com',
  },
];

function without<K extends keyof AlertCardData>(data: AlertCardData, ...keys: K[]): AlertCardData {
  const copy: Record<string, unknown> = { ...data };
  for (const key of keys) delete copy[key];
  return copy as unknown as AlertCardData;
}

describe('renderAlertCard', () => {
  it('should render the sample data into an adaptive card 1.5 with no unbound field', () => {
    const card = renderAlertCard(sample);
    assert.equal(card.type, 'AdaptiveCard');
    assert.equal(card.version, '1.5');
    assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
    assert.equal(JSON.stringify(card).includes('${'), false);
  });

  it("should pass Microsoft's parser and validator without a single problem", () => {
    assert.deepEqual(validateCard(renderAlertCard(sample)), []);
  });

  it('should stay within the 28 KB budget', () => {
    assert.equal(isWithinCardBudget(renderAlertCard(sample)), true);
  });

  it('should offer isolate, scan, resolve and assign forms and a link to Defender, in that order', () => {
    assert.deepEqual(titlesOf(renderAlertCard(sample)), [
      'Action.ShowCard Isolate…',
      'Action.Execute Isolate machine',
      'Action.Submit Isolate machine',
      'Action.ShowCard Scan…',
      'Action.Execute Start scan',
      'Action.Submit Start scan',
      'Action.ShowCard Resolve…',
      'Action.Execute Resolve alert',
      'Action.Submit Resolve alert',
      'Action.ShowCard Assign…',
      'Action.Execute Assign alert',
      'Action.Submit Assign alert',
      'Action.OpenUrl Open in Defender',
    ]);
    assert.deepEqual(findInputIds(renderAlertCard(sample)), [
      'isolationType',
      'reason',
      'scanType',
      'classification',
      'determination',
      'comment',
      'assignee',
    ]);
  });

  it('should offer "Release from isolation…" instead of "Isolate…" once the machine is isolated', () => {
    const card = renderAlertCard({ ...sample, isolated: true });
    assert.deepEqual(
      (card.actions as { title: string }[]).map((action) => action.title),
      ['Release from isolation…', 'Scan…', 'Resolve…', 'Assign…', 'Open in Defender'],
    );
    const release = findActions(showCard(card, 'Release from isolation…')).find(
      ({ action }) => action.type === 'Action.Execute',
    );
    assert.equal(release?.action.verb, 'unisolate');
    assert.deepEqual(release?.action.data, { alertId: sample.alertId, machineId: sample.machine?.id });
    const reason = showCard(card, 'Release from isolation…').body.find((element) => element.id === 'reason');
    assert.deepEqual(
      {
        type: reason?.type,
        maxLength: reason?.maxLength,
        isRequired: reason?.isRequired,
        label: reason?.label,
      },
      {
        type: 'Input.Text',
        maxLength: 200,
        isRequired: true,
        label: "Reason (kept in Defender's action log)",
      },
    );
    assert.deepEqual(validateCard(card), []);
  });

  it('should offer no release when the alert has no machine, even if "isolated" is set', () => {
    const titles = titlesOf(renderAlertCard({ ...without(sample, 'machine'), isolated: true }));
    assert.equal(
      titles.some((title) => /Isolate|Release/.test(title)),
      false,
    );
  });

  it('should let anyone take the alert or name an assignee, and hide Assign when not assignable', () => {
    const assignCard = showCard(renderAlertCard(sample), 'Assign…');
    const input = assignCard.body[0];
    assert.deepEqual(input, {
      type: 'Input.Text',
      id: 'assignee',
      label: 'Assign to',
      placeholder: 'user@contoso.com — leave empty to take it yourself',
      maxLength: 120,
    });
    const execute = findActions(assignCard).find(({ action }) => action.type === 'Action.Execute');
    assert.deepEqual(execute?.action.data, { alertId: sample.alertId });
    const titles = titlesOf(renderAlertCard({ ...sample, assignable: false }));
    assert.equal(titles.includes('Action.ShowCard Assign…'), false);
  });

  it('should show the look-before-you-isolate facts and the protection warning in the Isolate form', () => {
    const warning =
      'dc01.contoso.com is protected (tag tier0): a second responder must approve the isolation.';
    const card = renderAlertCard({ ...sample, isolateWarning: warning });
    const { body } = showCard(card, 'Isolate…');
    assert.deepEqual(
      body.map((element) => element.type),
      ['RichTextBlock', 'FactSet', 'RichTextBlock', 'Input.ChoiceSet', 'Input.Text'],
    );
    assert.deepEqual(body[1]?.facts, sample.isolateFacts);
    assert.deepEqual(body[2]?.inlines, [
      { type: 'TextRun', text: warning, weight: 'Bolder', color: 'attention' },
    ]);
    assert.deepEqual(validateCard(card), []);
  });

  it('should leave the facts and the warning out of the Isolate form when there are none', () => {
    const card = renderAlertCard({ ...sample, isolateFacts: [] });
    const { body } = showCard(card, 'Isolate…');
    assert.deepEqual(
      body.map((element) => element.type),
      ['RichTextBlock', 'Input.ChoiceSet', 'Input.Text'],
    );
    assert.deepEqual(validateCard(card), []);
  });

  it('should show one status line per status, each in its own tone', () => {
    const status = bodyElement(renderAlertCard(sample), 'status');
    const lines = status?.items as {
      style: string;
      items: { inlines: { text: string; color: string }[] }[];
    }[];
    assert.deepEqual(
      lines.map((line) => [line.style, line.items[0]?.inlines[0]?.text, line.items[0]?.inlines[0]?.color]),
      sample.statuses.map((line) => [line.style, line.text, line.color]),
    );
  });

  it('should put Approve and Reject right under the status lines, in the body', () => {
    const card = renderAlertCard({ ...sample, approval });
    const ids = (card.body as { id?: string }[]).map((element) => element.id);
    assert.equal(ids.indexOf('decision'), ids.indexOf('status') + 1);
    const decision = bodyElement(card, 'decision');
    assert.ok(JSON.stringify(decision).includes(approval.prompt));
    const buttons = findActions(decision)
      .filter(({ action }) => action.type === 'Action.Execute')
      .map(({ action }) => ({
        title: action.title,
        verb: action.verb,
        style: action.style,
        data: action.data,
      }));
    const data = { alertId: sample.alertId, actionId: approval.actionId };
    assert.deepEqual(buttons, [
      { title: 'Approve', verb: 'approve', style: 'positive', data },
      { title: 'Reject', verb: 'reject', style: 'destructive', data },
    ]);
    assert.equal(titlesOf({ actions: card.actions }).includes('Action.Execute Approve'), false);
    assert.deepEqual(validateCard(card), []);
  });

  it('should draw no decision buttons when nothing waits and nothing failed', () => {
    assert.equal(bodyElement(renderAlertCard(sample), 'decision'), undefined);
  });

  it('should offer exactly one retry button, with the verb and data of the failed action', () => {
    const expected: Record<CardRetry['kind'], Record<string, unknown>> = {
      isolate: { machineId: 'm-1', isolationType: 'Full', reason: 'Ransom notes' },
      unisolate: { machineId: 'm-1', reason: 'Clean' },
      scan: { machineId: 'm-1', scanType: 'Full' },
      resolve: { classification: 'truePositive', determination: 'Malware', comment: 'Contained' },
      assign: { assignee: 'ana@contoso.com' },
    };
    for (const retry of RETRIES) {
      const card = renderAlertCard({ ...sample, retry });
      const buttons = findActions(bodyElement(card, 'decision')).filter(
        ({ action }) => action.type === 'Action.Execute',
      );
      assert.deepEqual(
        buttons.map(({ action }) => ({ title: action.title, verb: action.verb, data: action.data })),
        [
          {
            title: retry.title,
            verb: retry.kind,
            data: { alertId: sample.alertId, ...expected[retry.kind], retryOf: retry.actionId },
          },
        ],
        retry.kind,
      );
      for (const { action } of buttons)
        assert.deepEqual((action.fallback as { data: unknown }).data, {
          verb: action.verb,
          ...(action.data as object),
        });
      assert.deepEqual(validateCard(card), [], retry.kind);
    }
  });

  it('should draw approval and retry together when both are due', () => {
    const card = renderAlertCard({ ...sample, approval, retry: RETRIES[2] as CardRetry, isolated: true });
    const titles = findActions(bodyElement(card, 'decision'))
      .filter(({ action }) => action.type === 'Action.Execute')
      .map(({ action }) => action.title);
    assert.deepEqual(titles, ['Approve', 'Reject', 'Retry full antivirus scan of ws-042']);
    assert.deepEqual(validateCard(card), []);
    assert.equal(isWithinCardBudget(card), true);
  });

  it('should send ids only, and the same data plus the verb from each Submit fallback', () => {
    const executes = findActions(renderAlertCard(sample)).filter(
      ({ action }) => action.type === 'Action.Execute',
    );
    const sent = executes.map(({ action }) => ({ verb: action.verb, data: action.data }));
    const ids = { alertId: sample.alertId, machineId: sample.machine?.id };
    assert.deepEqual(sent, [
      { verb: 'isolate', data: ids },
      { verb: 'scan', data: ids },
      { verb: 'resolve', data: { alertId: sample.alertId } },
      { verb: 'assign', data: { alertId: sample.alertId } },
    ]);
    for (const { action } of executes) {
      const fallback = action.fallback as Record<string, unknown>;
      assert.equal(fallback.type, 'Action.Submit');
      assert.deepEqual(fallback.data, { verb: action.verb, ...(action.data as object) });
    }
  });

  it('should link to the alert in Defender', () => {
    const open = findActions(renderAlertCard(sample)).find(({ action }) => action.type === 'Action.OpenUrl');
    assert.equal(open?.action.url, sample.portalUrl);
  });

  it('should hide isolate and scan when the alert has no machine', () => {
    const card = renderAlertCard(without(sample, 'machine'));
    assert.deepEqual(titlesOf(card), [
      'Action.ShowCard Resolve…',
      'Action.Execute Resolve alert',
      'Action.Submit Resolve alert',
      'Action.ShowCard Assign…',
      'Action.Execute Assign alert',
      'Action.Submit Assign alert',
      'Action.OpenUrl Open in Defender',
    ]);
    assert.deepEqual(validateCard(card), []);
  });

  it('should hide resolve once the alert is resolved', () => {
    const titles = titlesOf(renderAlertCard({ ...sample, resolvable: false }));
    assert.equal(titles.includes('Action.ShowCard Resolve…'), false);
  });

  it('should colour the header by severity and show the storm counter and the status lines', () => {
    const json = JSON.stringify(renderAlertCard(sample));
    assert.match(json, /"id":"header","style":"attention"/);
    assert.ok(json.includes('×37 similar alerts'));
    assert.ok(json.includes('Full antivirus scan of ws-042 requested by Ana Lopez'));
  });

  it('should leave out the storm, status, description and evidence sections when they are absent', () => {
    const card = renderAlertCard({
      ...without(sample, 'fold', 'description', 'evidenceNote'),
      statuses: [],
      evidence: [],
    });
    const ids = (card.body as { id?: string }[]).map((element) => element.id);
    assert.deepEqual(ids, ['header', 'facts', undefined]);
    assert.deepEqual(validateCard(card), []);
  });

  it('should throw CARD.UNBOUND_FIELD when the data lacks a field the template binds', () => {
    assert.throws(
      () => renderAlertCard(without(sample, 'headline')),
      (error: unknown) => isVigilError(error, 'CARD.UNBOUND_FIELD') && /headline|columns/.test(error.message),
    );
  });
});

describe('findUnboundField', () => {
  it('should name the path of the first ${ left', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal adaptive-card template marker, on purpose
    const unbound = 'x ${y}';
    assert.equal(findUnboundField({ body: [{ text: 'ok' }, { text: unbound }] }), '$.body[1].text');
    assert.equal(findUnboundField({ body: [{ text: 'ok' }] }), undefined);
  });
});
