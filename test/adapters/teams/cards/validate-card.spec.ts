import assert from 'node:assert/strict';
import { validateCard } from '../../../helpers/validate-card';

function card(body: unknown[], actions: unknown[] = []): unknown {
  return { type: 'AdaptiveCard', version: '1.5', body, actions };
}

const text = { type: 'TextBlock', text: 'hello' };

describe('validateCard (the official adaptivecards package)', () => {
  it('should find nothing wrong with a plain valid card', () => {
    const execute = {
      type: 'Action.Execute',
      title: 'Go',
      verb: 'scan',
      data: { alertId: 'a1' },
      fallback: { type: 'Action.Submit', title: 'Go', data: { verb: 'scan', alertId: 'a1' } },
    };
    assert.deepEqual(validateCard(card([text], [execute])), []);
  });

  it('should report an unknown element type while parsing', () => {
    const problems = validateCard(card([text, { type: 'Bogus.Element' }]));
    assert.deepEqual(
      problems.map((problem) => [problem.phase, problem.event]),
      [['parse', 'UnknownElementType']],
    );
  });

  it('should report a bad enum value while parsing', () => {
    const problems = validateCard(card([{ ...text, color: 'purple' }]));
    assert.deepEqual(
      problems.map((problem) => [problem.phase, problem.event]),
      [['parse', 'InvalidPropertyValue']],
    );
  });

  it('should report an Action.ShowCard without a card while parsing', () => {
    const problems = validateCard(card([text], [{ type: 'Action.ShowCard', title: 'More' }]));
    assert.deepEqual(
      problems.map((problem) => problem.event),
      ['PropertyCantBeNull'],
    );
  });

  it('should report duplicate input ids, an empty choice set and a link without url when validating', () => {
    const inputs = [
      { type: 'Input.Text', id: 'reason' },
      { type: 'Input.Text', id: 'reason' },
      { type: 'Input.ChoiceSet', id: 'scanType', choices: [] },
    ];
    const problems = validateCard(card([text, ...inputs], [{ type: 'Action.OpenUrl', title: 'Open' }]));
    assert.deepEqual(problems.map((problem) => [problem.phase, problem.event]).sort(), [
      ['validate', 'CollectionCantBeEmpty'],
      ['validate', 'DuplicateId'],
      ['validate', 'PropertyCantBeNull'],
    ]);
  });

  it('should report too many actions, a wrong card type and an unsupported version', () => {
    const submits = Array.from({ length: 6 }, (_, index) => ({ type: 'Action.Submit', title: `s${index}` }));
    assert.deepEqual(
      validateCard(card([text], submits)).map((problem) => problem.event),
      ['TooManyActions'],
    );
    assert.deepEqual(
      validateCard({ type: 'Card', version: '1.5', body: [text] }).map((problem) => problem.event),
      ['MissingCardType'],
    );
    assert.deepEqual(
      validateCard({ type: 'AdaptiveCard', version: '9.0', body: [text] }).map((problem) => problem.event),
      ['UnsupportedCardVersion'],
    );
  });

  it('should not notice an Action.Execute without a verb (the template tests check verbs themselves)', () => {
    assert.deepEqual(validateCard(card([text], [{ type: 'Action.Execute', title: 'Go' }])), []);
  });
});
