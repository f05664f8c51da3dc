/** The scalar types of the KQL subset the simulator understands. */
export type KqlType = 'string' | 'long' | 'int' | 'real' | 'bool' | 'datetime' | 'timespan';

/**
 * A value at run time. Datetimes are epoch milliseconds and timespans milliseconds: the static type of
 * the column or expression says which, so values never need a tag.
 */
export type KqlScalar = string | number | boolean | null;

/** One row of a table, keyed by column name. Rows are shared between queries: never mutate one. */
export type KqlRow = Readonly<Record<string, KqlScalar>>;

export interface KqlColumn {
  readonly name: string;
  readonly type: KqlType;
}

/** The type names the advanced-hunting API reports in `Schema`. */
export const WIRE_TYPE_NAMES: Readonly<Record<KqlType, string>> = {
  string: 'String',
  long: 'Int64',
  int: 'Int32',
  real: 'Double',
  bool: 'Boolean',
  datetime: 'DateTime',
  timespan: 'TimeSpan',
};

export const isNumericType = (type: KqlType): boolean => type === 'long' || type === 'int' || type === 'real';
