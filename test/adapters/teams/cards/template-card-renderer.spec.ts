import assert from 'node:assert/strict';
import { renderAlertCard } from '../../../../src/adapters/teams/cards/render-alert-card';
import { templateCardRenderer } from '../../../../src/adapters/teams/cards/template-card-renderer';
import type { AlertCardData } from '../../../../src/domain/cards/alert-card-data';
import fixture from '../../../fixtures/cards/alert.data.json';
import { validateCard } from '../../../helpers/validate-card';

describe('templateCardRenderer', () => {
  it('should render alert cards from the JSON template, as renderAlertCard does', () => {
    const data = fixture as AlertCardData;
    const card = templateCardRenderer.renderAlertCard(data);
    assert.deepEqual(card, renderAlertCard(data));
    assert.deepEqual(validateCard(card), []);
  });
});
