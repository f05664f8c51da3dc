import type { ODataResult, ODataSpec } from './odata-spec';

/** The root MDE writes into `@odata.context`, whatever host was called. */
export const MDE_API_ROOT = 'https://api.securitycenter.microsoft.com/api';

/** `…/$metadata#Alerts`, or `…/$metadata#Alerts(id,title)` when `$select` was given. */
export function contextUrl(entitySet: string, select?: readonly string[]): string {
  const projection = select && select.length > 0 ? `(${select.join(',')})` : '';
  return `${MDE_API_ROOT}/$metadata#${entitySet}${projection}`;
}

/** A single entity as MDE sends it: `{"@odata.context":"…#Alerts/$entity", …entity}`. */
export function odataEntity(entitySet: string, entity: object): Record<string, unknown> {
  return { '@odata.context': `${MDE_API_ROOT}/$metadata#${entitySet}/$entity`, ...entity };
}

/** Keeps only the selected properties of an entity, in the order `$select` named them. */
export function selectProperties(entity: object, select: readonly string[]): Record<string, unknown> {
  const source = entity as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const name of select) picked[name] = source[name] ?? null;
  return picked;
}

/**
 * The JSON body of a collection: `@odata.context`, `@odata.count` when asked, `value` (each item
 * rendered, then projected by `$select`), and `@odata.nextLink` when there is a next page.
 */
export function odataCollection<T>(
  result: ODataResult<T>,
  spec: ODataSpec<T>,
  render: (item: T) => object = (item) => item as object,
): Record<string, unknown> {
  const { select } = result;
  const value = result.value.map((item) => {
    const rendered = render(item);
    return select ? selectProperties(rendered, select) : rendered;
  });
  return {
    '@odata.context': contextUrl(spec.entitySet, select),
    ...(result.count === undefined ? {} : { '@odata.count': result.count }),
    value,
    ...(result.nextLink === undefined ? {} : { '@odata.nextLink': result.nextLink }),
  };
}
