import assert from 'node:assert/strict';
import {
  parseExecuteValue,
  parseSubmitValue,
} from '../../../../src/adapters/teams/card-actions/card-action-request';
import { VERBS } from '../../../../src/domain/cards/verbs';

const execute = (verb: unknown, data?: unknown) => ({
  action: { type: 'Action.Execute', verb, data },
  trigger: 'manual',
});

describe('card action requests', () => {
  it('should accept every verb with the alert it acts on, keeping the other fields', () => {
    for (const verb of VERBS) {
      const parsed = parseExecuteValue(execute(verb, { alertId: 'da-1', isolationType: 'Full' }));
      assert.deepEqual(parsed, {
        ok: true,
        request: { verb, data: { alertId: 'da-1', isolationType: 'Full' } },
      });
    }
  });

  it('should refuse what is not a valid click', () => {
    const cases: [unknown, string][] = [
      [execute('shutdown', { alertId: 'da-1' }), 'UnknownVerb'],
      [execute('Isolate', { alertId: 'da-1' }), 'UnknownVerb'],
      [execute('isolate', {}), 'BadRequest'],
      [execute('isolate', { alertId: '' }), 'BadRequest'],
      [execute('isolate', { alertId: 42 }), 'BadRequest'],
      [execute('isolate', { alertId: 'x'.repeat(500) }), 'BadRequest'],
      [execute(7, { alertId: 'da-1' }), 'BadRequest'],
      [{ action: { type: 'Action.Submit', verb: 'isolate', data: { alertId: 'da-1' } } }, 'BadRequest'],
      [null, 'BadRequest'],
    ];
    for (const [value, code] of cases) {
      const parsed = parseExecuteValue(value);
      assert.equal(parsed.ok ? 'ok' : parsed.refusal.code, code, JSON.stringify(value));
    }
  });

  it('should read an Action.Submit fallback, and ignore a message that is no card action', () => {
    assert.deepEqual(parseSubmitValue({ verb: 'scan', alertId: 'da-1', scanType: 'Quick' }), {
      ok: true,
      request: { verb: 'scan', data: { alertId: 'da-1', scanType: 'Quick' } },
    });
    assert.equal(parseSubmitValue(undefined), undefined);
    assert.equal(parseSubmitValue({ comment: 'hello' }), undefined);
  });
});
