import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Template } from 'adaptivecards-templating';
import { findUnboundField } from '../../../../src/adapters/teams/cards/render-alert-card';
import { isVerb } from '../../../../src/domain/cards/verbs';
import { validateCard } from '../../../helpers/validate-card';
import { findActions } from './card-walk';

const CARDS_DIR = resolve(__dirname, '../../../../cards');
const FIXTURES_DIR = resolve(__dirname, '../../../fixtures/cards');

const templates = readdirSync(CARDS_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    name: file.replace(/\.json$/, ''),
    json: JSON.parse(readFileSync(join(CARDS_DIR, file), 'utf8')),
  }));

describe('card templates (cards/*.json)', () => {
  it('should include the alert card', () => {
    assert.ok(templates.some((template) => template.name === 'alert'));
  });

  for (const { name, json } of templates) {
    describe(`${name}.json`, () => {
      it('should be an adaptive card 1.5 with the schema named', () => {
        assert.equal(json.type, 'AdaptiveCard');
        assert.equal(json.version, '1.5');
        assert.equal(json.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
      });

      it('should use only the verbs of Verb', () => {
        const executes = findActions(json).filter(({ action }) => action.type === 'Action.Execute');
        for (const { path, action } of executes)
          assert.ok(isVerb(action.verb), `${path}: verb ${action.verb}`);
        const submits = findActions(json).filter(({ action }) => action.type === 'Action.Submit');
        for (const { path, action } of submits) {
          const verb = (action.data as { verb?: unknown } | undefined)?.verb;
          assert.ok(isVerb(verb), `${path}: data.verb ${String(verb)}`);
        }
      });

      it('should give every Action.Execute an Action.Submit fallback with the same data and the verb', () => {
        const executes = findActions(json).filter(({ action }) => action.type === 'Action.Execute');
        for (const { path, action } of executes) {
          const fallback = action.fallback as { type?: string; data?: unknown } | undefined;
          assert.equal(fallback?.type, 'Action.Submit', `${path} has no Action.Submit fallback`);
          assert.deepEqual(fallback?.data, { verb: action.verb, ...(action.data as object) }, path);
        }
      });

      it('should have sample data that renders with no unbound field and passes the official validator', () => {
        const fixturePath = join(FIXTURES_DIR, `${name}.data.json`);
        assert.ok(existsSync(fixturePath), `missing sample data ${fixturePath}`);
        const data = JSON.parse(readFileSync(fixturePath, 'utf8'));
        const card = new Template(json).expand({ $root: data });
        assert.equal(findUnboundField(card), undefined);
        assert.deepEqual(validateCard(card), []);
      });
    });
  }
});
