/** A single identifier in camelCase or PascalCase, with no run of capitals (so "MTP" is left alone). */
const IDENTIFIER = /^[A-Za-z][a-z]*(?:[A-Z][a-z]+)*$/;

/**
 * Turns an API enum into words for a card: "CommandAndControl" → "Command and control",
 * "inProgress" → "In progress", "high" → "High". Anything else is returned unchanged.
 */
export function humanizeName(name: string): string {
  if (!IDENTIFIER.test(name)) return name;
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
