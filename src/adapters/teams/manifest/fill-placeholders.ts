import { AppPackageError } from './app-package-error';

const PLACEHOLDER = /\{\{([A-Za-z0-9_]+)\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{([A-Za-z0-9_]+)\}\}$/;

/** A JSON value after `JSON.parse`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A copy of the JSON template with every `{{NAME}}` filled from `values`. A string that is exactly one
 * placeholder takes the value itself (an array or an object too); a placeholder inside a longer string
 * is replaced by the value as text. Every unknown or unfilled placeholder is reported at once, with the
 * JSON path where it is.
 */
export function fillPlaceholders(
  template: JsonValue,
  values: Readonly<Record<string, JsonValue>>,
): JsonValue {
  const problems: string[] = [];
  const lookup = (name: string, path: string): JsonValue | undefined => {
    if (Object.hasOwn(values, name) && values[name] !== undefined) return values[name];
    problems.push(`${path || '/'}: {{${name}}} has no value (known: ${Object.keys(values).join(', ')}).`);
    return undefined;
  };
  const fill = (node: JsonValue, path: string): JsonValue => {
    if (typeof node === 'string') {
      const whole = WHOLE_PLACEHOLDER.exec(node);
      if (whole) {
        const value = lookup(whole[1]!, path);
        return value === undefined ? node : value;
      }
      return node.replace(PLACEHOLDER, (text, name: string) => {
        const value = lookup(name, path);
        return value === undefined ? text : typeof value === 'string' ? value : JSON.stringify(value);
      });
    }
    if (Array.isArray(node)) return node.map((item, index) => fill(item, `${path}/${index}`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, item]) => [key, fill(item, `${path}/${key}`)]),
      );
    }
    return node;
  };
  const filled = fill(template, '');
  if (problems.length > 0) throw new AppPackageError(problems, 'manifest/manifest.json');
  return filled;
}
