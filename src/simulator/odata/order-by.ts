import { odataError } from './odata-error';
import { findField, type ODataField, type ODataSpec, readField } from './odata-spec';
import { canonicalDateTime, compareValues } from './odata-values';

/** One `$orderby` clause with the property's canonical name. */
export interface OrderClause<T> {
  readonly name: string;
  readonly field: ODataField<T>;
  readonly descending: boolean;
}

const CLAUSE = /^([A-Za-z_][A-Za-z0-9_/]*)(?:\s+(asc|desc))?$/i;

/** Parses `$orderby` (`a desc, b`); an unknown or unsortable property is a 400 `ODataError`. */
export function parseOrderBy<T>(text: string, spec: ODataSpec<T>): OrderClause<T>[] {
  return text.split(',').map((part) => {
    const clause = CLAUSE.exec(part.trim());
    if (!clause)
      throw odataError(
        `Syntax error in $orderby '${text}': '${part.trim()}' is not a property and direction.`,
      );
    const [, name = '', direction = 'asc'] = clause;
    const found = findField(spec, name);
    if (!found) throw odataError(`Could not find a property named '${name}' on type '${spec.entityType}'.`);
    const scalar = found.field.type !== 'stringArray' && found.field.type !== 'object';
    if (!(found.field.sortable ?? scalar)) {
      throw odataError(`The property '${found.name}' cannot be used in the $orderby query option.`);
    }
    return { name: found.name, field: found.field, descending: direction.toLowerCase() === 'desc' };
  });
}

function sortKey<T>(item: T, clause: OrderClause<T>): unknown {
  const value = readField(item, clause.name, clause.field);
  if (value === null || value === undefined) return null;
  const { type, values } = clause.field;
  if (type === 'datetime') return typeof value === 'string' ? (canonicalDateTime(value) ?? null) : null;
  if (type === 'enum' && values) {
    const wanted = String(value).toLowerCase();
    return values.findIndex((member) => member.toLowerCase() === wanted);
  }
  if (type === 'string' || type === 'enum') return String(value).toLowerCase();
  return value;
}

/** Sorts items by the clauses (stable; null sorts first ascending, as in OData). Returns a new array. */
export function sortItems<T>(items: readonly T[], clauses: readonly OrderClause<T>[]): T[] {
  if (clauses.length === 0) return [...items];
  const keyed = items.map((item, index) => ({ item, index, keys: clauses.map((c) => sortKey(item, c)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < clauses.length; i += 1) {
      const x = a.keys[i];
      const y = b.keys[i];
      let order = 0;
      if (x === null || y === null) order = x === y ? 0 : x === null ? -1 : 1;
      else order = compareValues(x, y);
      if (order !== 0) return clauses[i]?.descending ? -order : order;
    }
    return a.index - b.index;
  });
  return keyed.map((entry) => entry.item);
}
