/** A card action found anywhere in a card, with where it sits. */
export interface FoundAction {
  readonly path: string;
  readonly action: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every object in a card (or template) whose `type` starts with `Action.`, fallbacks included. */
export function findActions(node: unknown, path = '$'): FoundAction[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => findActions(item, `${path}[${index}]`));
  if (!isObject(node)) return [];
  const own =
    typeof node.type === 'string' && node.type.startsWith('Action.') ? [{ path, action: node }] : [];
  const nested = Object.entries(node).flatMap(([key, value]) => findActions(value, `${path}.${key}`));
  return [...own, ...nested];
}

/** Every input id in a card (or template), in document order. */
export function findInputIds(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(findInputIds);
  if (!isObject(node)) return [];
  const own = typeof node.type === 'string' && node.type.startsWith('Input.') ? [String(node.id)] : [];
  return [...own, ...Object.values(node).flatMap(findInputIds)];
}
