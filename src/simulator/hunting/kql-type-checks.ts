import type { CompiledExpr } from './kql-compiled';
import { semanticError } from './kql-error';
import { isNumericType, type KqlType } from './kql-types';

/** Types that compare with each other: the numeric types form one class, every other type its own. */
export const typeClass = (type: KqlType): string => (isNumericType(type) ? 'number' : type);

/** Throws unless argument `index` of `fn` has one of the `allowed` types (`number` = any numeric type). */
export function requireArgType(
  fn: string,
  args: readonly CompiledExpr[],
  index: number,
  allowed: readonly (KqlType | 'number')[],
): void {
  const arg = args[index];
  if (!arg) return;
  if (allowed.includes(arg.type) || (allowed.includes('number') && isNumericType(arg.type))) return;
  throw semanticError(
    arg.pos,
    `Semantic error at position ${arg.pos}: the function '${fn}' expects ${allowed.join(' or ')} ` +
      `as argument ${index + 1} but got ${arg.type}.`,
  );
}

/** The wider of two numeric types: `real` wins, then `long`. */
export function widenNumeric(a: KqlType, b: KqlType): KqlType {
  if (a === 'real' || b === 'real') return 'real';
  return a === 'int' && b === 'int' ? 'int' : 'long';
}

/** The common type of branches (`iff`, `coalesce`), or an error at the first one that does not fit. */
export function commonType(fn: string, args: readonly CompiledExpr[]): KqlType {
  let type = args[0]!.type;
  for (const arg of args.slice(1)) {
    if (typeClass(arg.type) !== typeClass(type)) {
      throw semanticError(
        arg.pos,
        `Semantic error at position ${arg.pos}: the arguments of '${fn}' must have the same type, ` +
          `but ${arg.type} differs from ${type}.`,
      );
    }
    if (isNumericType(type)) type = widenNumeric(type, arg.type);
  }
  return type;
}
