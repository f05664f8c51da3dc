import type { ComparisonOperator, FilterNode, LiteralValue } from './filter-ast';
import { parseFilter } from './filter-parser';
import { odataError } from './odata-error';
import { findField, type ODataSpec, readField } from './odata-spec';
import { canonicalDateTime, compareValues } from './odata-values';

/** A checked `$filter`: true when the item matches. */
export type FilterPredicate<T> = (item: T) => boolean;

type ValueType = 'string' | 'enum' | 'datetime' | 'number' | 'boolean' | 'null' | 'collection';
type Scope = Readonly<Record<string, unknown>>;

/**
 * A typed sub-expression. Values are normalised for comparison: strings and enums lower-cased (MDE
 * compares them without regard to case), date-times as canonical UTC texts (see canonicalDateTime),
 * missing values null.
 */
interface Typed<T> {
  readonly type: ValueType;
  /** Enum members (lower-cased) by rank, for `gt`/`lt` on ordered enums such as severity. */
  readonly rank?: ReadonlyMap<string, number>;
  /** Enum members as the spec spells them, for error messages. */
  readonly members?: readonly string[];
  readonly eval: (item: T, scope: Scope) => unknown;
}

const EDM_NAMES: Record<ValueType, string> = {
  string: 'Edm.String',
  enum: 'Edm.Enum',
  datetime: 'Edm.DateTimeOffset',
  number: 'Edm.Int64',
  boolean: 'Edm.Boolean',
  null: 'null',
  collection: 'Collection(Edm.String)',
};

const lower = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value).toLowerCase();

function normalise(type: ValueType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'string':
    case 'enum':
      return lower(value);
    case 'datetime':
      return typeof value === 'string' ? (canonicalDateTime(value) ?? null) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'collection':
      return Array.isArray(value) ? value.map(lower) : [];
    default:
      return null;
  }
}

/** Applies a comparison operator; null equals only null and is never greater or smaller. */
function compare(operator: ComparisonOperator, a: unknown, b: unknown, rank?: ReadonlyMap<string, number>) {
  if (a === null || b === null) {
    const bothNull = a === null && b === null;
    if (operator === 'eq') return bothNull;
    return operator === 'ne' ? !bothNull : false;
  }
  if (operator === 'eq') return a === b;
  if (operator === 'ne') return a !== b;
  const order = rank
    ? compareValues(rank.get(a as string) ?? -1, rank.get(b as string) ?? -1)
    : compareValues(a, b);
  if (operator === 'gt') return order > 0;
  if (operator === 'ge') return order >= 0;
  if (operator === 'lt') return order < 0;
  return order <= 0;
}

/** Compiles a parsed `$filter` against an entity's properties; type and name errors are 400s. */
class FilterCompiler<T> {
  private readonly variables = new Map<string, ValueType>();

  constructor(private readonly spec: ODataSpec<T>) {}

  boolean(node: FilterNode): (item: T, scope: Scope) => boolean {
    const typed = this.compile(node);
    if (typed.type !== 'boolean') {
      throw odataError(`The expression must evaluate to an Edm.Boolean, not ${EDM_NAMES[typed.type]}.`);
    }
    return typed.eval as (item: T, scope: Scope) => boolean;
  }

  private compile(node: FilterNode): Typed<T> {
    switch (node.kind) {
      case 'and':
      case 'or':
        return this.logical(node.kind, node.left, node.right);
      case 'not': {
        const operand = this.boolean(node.operand);
        return { type: 'boolean', eval: (item, scope) => !operand(item, scope) };
      }
      case 'compare':
        return this.comparison(node.operator, node.left, node.right);
      case 'in':
        return this.inList(node.left, node.items);
      case 'literal':
        return this.literal(node.literal);
      case 'name':
        return this.name(node.path);
      case 'call':
        return this.call(node.name, node.args);
      case 'lambda':
        return this.lambda(node);
    }
  }

  private logical(kind: 'and' | 'or', leftNode: FilterNode, rightNode: FilterNode): Typed<T> {
    const left = this.boolean(leftNode);
    const right = this.boolean(rightNode);
    const evaluate =
      kind === 'and'
        ? (item: T, scope: Scope) => left(item, scope) && right(item, scope)
        : (item: T, scope: Scope) => left(item, scope) || right(item, scope);
    return { type: 'boolean', eval: evaluate };
  }

  /** Compiles both sides; a literal takes the type of the other side (`status eq 'new'` → enum). */
  private operands(leftNode: FilterNode, rightNode: FilterNode, operator: string): [Typed<T>, Typed<T>] {
    const leftIsLiteral = leftNode.kind === 'literal';
    const rightIsLiteral = rightNode.kind === 'literal';
    const left = leftIsLiteral && !rightIsLiteral ? undefined : this.compile(leftNode);
    const right = rightIsLiteral && left ? this.literal(rightNode.literal, left) : this.compile(rightNode);
    const resolvedLeft = left ?? this.literal((leftNode as { literal: LiteralValue }).literal, right);
    this.checkComparable(resolvedLeft, right, operator);
    return [resolvedLeft, right];
  }

  private checkComparable(left: Typed<T>, right: Typed<T>, operator: string): void {
    if (left.type === 'collection' || right.type === 'collection') {
      throw odataError(`A collection cannot be compared with '${operator}'; use any() or all().`);
    }
    const compatible =
      left.type === right.type ||
      left.type === 'null' ||
      right.type === 'null' ||
      (['string', 'enum'].includes(left.type) && ['string', 'enum'].includes(right.type));
    if (!compatible) {
      throw odataError(
        `A binary operator with incompatible types was detected. Found operand types '${EDM_NAMES[left.type]}' and '${EDM_NAMES[right.type]}' for operator '${operator}'.`,
      );
    }
  }

  private comparison(operator: ComparisonOperator, leftNode: FilterNode, rightNode: FilterNode): Typed<T> {
    const [left, right] = this.operands(leftNode, rightNode, operator);
    const rank = left.rank ?? right.rank;
    return {
      type: 'boolean',
      eval: (item, scope) => compare(operator, left.eval(item, scope), right.eval(item, scope), rank),
    };
  }

  private inList(leftNode: FilterNode, itemNodes: readonly FilterNode[]): Typed<T> {
    const pairs = itemNodes.map((itemNode) => this.operands(leftNode, itemNode, 'in'));
    const left = pairs[0]?.[0] as Typed<T>;
    const items = pairs.map(([, right]) => right);
    return {
      type: 'boolean',
      eval: (item, scope) => {
        const value = left.eval(item, scope);
        return items.some((candidate) => compare('eq', value, candidate.eval(item, scope)));
      },
    };
  }

  private literal(literal: LiteralValue, expected?: Typed<T>): Typed<T> {
    const constant = (type: ValueType, value: unknown): Typed<T> => ({ type, eval: () => value });
    if (literal.type === 'null') return constant('null', null);
    const want = expected?.type;
    if (want === 'datetime' && (literal.type === 'string' || literal.type === 'datetime')) {
      const text = literal.type === 'string' ? literal.value : literal.text;
      const instant = canonicalDateTime(text);
      if (instant === undefined) throw odataError(`The literal '${text}' is not a valid Edm.DateTimeOffset.`);
      return constant('datetime', instant);
    }
    if (want === 'enum' && literal.type === 'string') return this.enumLiteral(literal.value, expected);
    switch (literal.type) {
      case 'string':
      case 'guid':
        return constant(want === 'enum' ? 'enum' : 'string', literal.value.toLowerCase());
      case 'number':
        return constant('number', literal.value);
      case 'boolean':
        return constant('boolean', literal.value);
      case 'datetime': {
        const instant = canonicalDateTime(literal.text);
        if (instant === undefined) {
          throw odataError(`The literal '${literal.text}' is not a valid Edm.DateTimeOffset.`);
        }
        return constant('datetime', instant);
      }
    }
  }

  private enumLiteral(value: string, expected: Typed<T> | undefined): Typed<T> {
    const wanted = value.toLowerCase();
    if (expected?.rank && !expected.rank.has(wanted)) {
      const members = (expected.members ?? []).join(', ');
      throw odataError(
        `The string '${value}' is not a valid enumeration constant; expected one of: ${members}.`,
      );
    }
    return { type: 'enum', rank: expected?.rank, eval: () => wanted };
  }

  private name(path: string): Typed<T> {
    const variableType = this.variables.get(path);
    if (variableType) return { type: variableType, eval: (_item, scope) => scope[path] ?? null };
    const found = findField(this.spec, path);
    if (!found) {
      throw odataError(`Could not find a property named '${path}' on type '${this.spec.entityType}'.`);
    }
    const { name, field } = found;
    if (!field.filterable || field.type === 'object') {
      throw odataError(`The property '${name}' cannot be used in the $filter query option.`);
    }
    const type: ValueType = field.type === 'stringArray' ? 'collection' : field.type;
    const rank = field.values
      ? new Map(field.values.map((member, index) => [member.toLowerCase(), index]))
      : undefined;
    return {
      type,
      rank,
      members: field.values,
      eval: (item) => normalise(type, readField(item, name, field)),
    };
  }

  private call(name: string, args: readonly FilterNode[]): Typed<T> {
    if (name === 'tolower' || name === 'toupper' || name === 'trim') {
      const [arg] = this.stringArgs(name, args, 1);
      return { type: 'string', eval: (item, scope) => normalise('string', arg?.eval(item, scope)) };
    }
    const tests: Record<string, (a: string, b: string) => boolean> = {
      startswith: (a, b) => a.startsWith(b),
      endswith: (a, b) => a.endsWith(b),
      contains: (a, b) => a.includes(b),
      substringof: (a, b) => b.includes(a),
    };
    const test = tests[name];
    if (!test) throw odataError(`An unknown function with name '${name}' was found.`);
    const [first, second] = this.stringArgs(name, args, 2) as [Typed<T>, Typed<T>];
    return {
      type: 'boolean',
      eval: (item, scope) => {
        const a = first.eval(item, scope);
        const b = second.eval(item, scope);
        return typeof a === 'string' && typeof b === 'string' && test(a, b);
      },
    };
  }

  private stringArgs(name: string, args: readonly FilterNode[], count: number): Typed<T>[] {
    if (args.length !== count) {
      throw odataError(`The function '${name}' takes ${count} argument(s), not ${args.length}.`);
    }
    const typed = args.map((arg) => (arg.kind === 'literal' ? this.literal(arg.literal) : this.compile(arg)));
    for (const arg of typed) {
      if (arg.type !== 'string' && arg.type !== 'enum') {
        throw odataError(`The function '${name}' takes Edm.String arguments, not ${EDM_NAMES[arg.type]}.`);
      }
    }
    return typed;
  }

  private lambda(node: Extract<FilterNode, { kind: 'lambda' }>): Typed<T> {
    const collection = this.name(node.collection);
    if (collection.type !== 'collection') {
      throw odataError(
        `The property '${node.collection}' is not a collection; ${node.quantifier}() needs one.`,
      );
    }
    const { variable, body: bodyNode } = node;
    if (variable === undefined || bodyNode === undefined) {
      return {
        type: 'boolean',
        eval: (item, scope) => (collection.eval(item, scope) as unknown[]).length > 0,
      };
    }
    this.variables.set(variable, 'string');
    const body = this.boolean(bodyNode);
    this.variables.delete(variable);
    const quantify = node.quantifier === 'any' ? 'some' : 'every';
    return {
      type: 'boolean',
      eval: (item, scope) =>
        (collection.eval(item, scope) as unknown[])[quantify]((element) =>
          body(item, { ...scope, [variable]: element }),
        ),
    };
  }
}

/** Parses and checks a `$filter` text against a spec; any problem is a 400 `ODataError`. */
export function compileFilter<T>(text: string, spec: ODataSpec<T>): FilterPredicate<T> {
  const evaluate = new FilterCompiler(spec).boolean(parseFilter(text));
  return (item) => evaluate(item, {});
}
