import assert from 'node:assert/strict';
import { isWithinCardBudget } from '../../../../src/adapters/teams/cards/card-size';
import { findUnboundField, renderAlertCard } from '../../../../src/adapters/teams/cards/render-alert-card';
import type { AlertCardData } from '../../../../src/domain/cards/alert-card-data';
import { isVigilError } from '../../../../src/domain/errors/vigil-error';
import fixture from '../../../fixtures/cards/alert.data.json';
import { validateCard } from '../../../helpers/validate-card';
import { findActions, findInputIds } from './card-walk';

const sample = fixture as AlertCardData;

function titlesOf(card: unknown): string[] {
  return findActions(card).map(({ action }) => `${action.type} ${action.title}`);
}

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

  it('should offer isolate, scan and resolve forms and a link to Defender', () => {
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
      'Action.OpenUrl Open in Defender',
    ]);
    assert.deepEqual(findInputIds(renderAlertCard(sample)), [
      'isolationType',
      'reason',
      'scanType',
      'classification',
      'determination',
      'comment',
    ]);
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
      'Action.OpenUrl Open in Defender',
    ]);
    assert.deepEqual(validateCard(card), []);
  });

  it('should hide resolve once the alert is resolved', () => {
    const titles = titlesOf(renderAlertCard({ ...sample, resolvable: false }));
    assert.equal(titles.includes('Action.ShowCard Resolve…'), false);
  });

  it('should colour the header by severity and show the storm counter and the status line', () => {
    const json = JSON.stringify(renderAlertCard(sample));
    assert.match(json, /"id":"header","style":"attention"/);
    assert.ok(json.includes('×37 similar alerts'));
    assert.ok(json.includes('Isolation requested by Ana Lopez'));
  });

  it('should leave out the storm, status, description and evidence sections when they are absent', () => {
    const card = renderAlertCard({
      ...without(sample, 'fold', 'status', 'description', 'evidenceNote'),
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
