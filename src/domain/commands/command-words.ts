/** A command name's words, lower case: `Role  Grant` → `['role', 'grant']`. */
export function commandWords(name: string): string[] {
  return name
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
}
