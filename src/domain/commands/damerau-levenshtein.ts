/**
 * The Damerau-Levenshtein distance between two strings: the fewest insertions, deletions, substitutions
 * and transpositions of adjacent characters that turn one into the other (`isloate` → `isolate` is 1).
 * This is the unrestricted distance (a transposed pair may be edited again), over Unicode code points.
 * Takes time and memory proportional to the product of the lengths.
 */
export function damerauLevenshtein(first: string, second: string): number {
  const a = Array.from(first);
  const b = Array.from(second);
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const infinity = a.length + b.length;
  const width = b.length + 2;
  const table = new Array<number>((a.length + 2) * width).fill(0);
  const cell = (row: number, column: number): number => table[row * width + column] ?? infinity;
  const set = (row: number, column: number, value: number): void => {
    table[row * width + column] = value;
  };
  set(0, 0, infinity);
  for (let row = 0; row <= a.length; row += 1) {
    set(row + 1, 0, infinity);
    set(row + 1, 1, row);
  }
  for (let column = 0; column <= b.length; column += 1) {
    set(0, column + 1, infinity);
    set(1, column + 1, column);
  }
  /** The last row in which each character of `a` was seen. */
  const lastRow = new Map<string, number>();
  for (let row = 1; row <= a.length; row += 1) {
    const charA = a[row - 1] ?? '';
    let lastMatchColumn = 0;
    for (let column = 1; column <= b.length; column += 1) {
      const charB = b[column - 1] ?? '';
      const swapRow = lastRow.get(charB) ?? 0;
      const swapColumn = lastMatchColumn;
      const cost = charA === charB ? 0 : 1;
      if (cost === 0) lastMatchColumn = column;
      set(
        row + 1,
        column + 1,
        Math.min(
          cell(row, column) + cost,
          cell(row + 1, column) + 1,
          cell(row, column + 1) + 1,
          cell(swapRow, swapColumn) + (row - swapRow - 1) + 1 + (column - swapColumn - 1),
        ),
      );
    }
    lastRow.set(charA, row);
  }
  return cell(a.length + 1, b.length + 1);
}
