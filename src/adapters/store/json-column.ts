/** Writes a value to a JSON (TEXT) column. */
export function toJsonColumn(value: unknown): string {
  return JSON.stringify(value);
}

/** Reads a JSON (TEXT) column written by `toJsonColumn`. */
export function fromJsonColumn<T>(text: string): T {
  return JSON.parse(text) as T;
}
