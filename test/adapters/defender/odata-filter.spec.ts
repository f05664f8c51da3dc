import assert from 'node:assert/strict';
import { mdeAlertFilter } from '../../../src/adapters/defender/mde-alert-filter';
import {
  odataAnd,
  odataAnyOf,
  odataDateTime,
  odataString,
} from '../../../src/adapters/defender/odata-filter';

describe('OData filters', () => {
  it('should quote strings and double their quotes', () => {
    assert.equal(odataString("O'Brien"), "'O''Brien'");
    assert.equal(odataString("x' or 1 eq 1 or id eq '"), "'x'' or 1 eq 1 or id eq '''");
  });

  it('should leave date-times unquoted and refuse anything that is not one', () => {
    assert.equal(odataDateTime('2024-05-01T10:00:00.1234567Z'), '2024-05-01T10:00:00.1234567Z');
    assert.equal(odataDateTime('2024-05-01T10:00:00+02:00'), '2024-05-01T10:00:00+02:00');
    assert.throws(() => odataDateTime("2024-05-01T10:00:00Z or status eq 'New'"), RangeError);
    assert.throws(() => odataDateTime('2024-05-01'), RangeError);
  });

  it('should join clauses and group alternatives', () => {
    assert.equal(odataAnyOf('status', ['New', 'InProgress']), "(status eq 'New' or status eq 'InProgress')");
    assert.equal(odataAnd([undefined, "a eq 'b'", '', 'c gt 1']), "a eq 'b' and c gt 1");
    assert.equal(odataAnd([undefined]), undefined);
  });

  it('should build the alert filter MDE expects', () => {
    assert.equal(
      mdeAlertFilter({
        updatedSince: '2024-05-01T10:00:00.000Z',
        statuses: ['new', 'inProgress'],
        severities: ['high'],
        assignedTo: "o'neil@contoso.com",
      }),
      "lastUpdateTime ge 2024-05-01T10:00:00.000Z and (status eq 'New' or status eq 'InProgress') and severity eq 'High' and assignedTo eq 'o''neil@contoso.com'",
    );
    assert.equal(
      mdeAlertFilter({ severities: ['informational'] }),
      "(severity eq 'Informational' or severity eq 'UnSpecified')",
    );
    assert.equal(mdeAlertFilter({}), undefined);
  });
});
