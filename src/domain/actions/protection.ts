/** Which machines need a second responder's approval before they are isolated. */
export interface ProtectionPolicy {
  /** Machine tags (compared case-insensitively), e.g. `tier0`. */
  readonly tags: readonly string[];
  /** Name patterns with `*` and `?` (case-insensitive), matched on the DNS name and the host name. */
  readonly namePatterns: readonly string[];
}

/** What protection looks at. */
export interface ProtectableMachine {
  readonly name: string;
  readonly tags: readonly string[];
}

/** A glob (`*` any run, `?` one character) as an anchored, case-insensitive regular expression. */
function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .trim()
    .split('')
    .map((char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`, 'i');
}

/** Whether a name pattern matches the machine's DNS name or its host name (`dc01` of `dc01.contoso.com`). */
export function nameMatches(pattern: string, machineName: string): boolean {
  if (pattern.trim() === '') return false;
  const regex = globToRegExp(pattern);
  const host = machineName.split('.')[0] ?? machineName;
  return regex.test(machineName) || regex.test(host);
}

/**
 * Why a machine is protected ("dc01.contoso.com is protected (tag tier0)"), or undefined when it is not.
 */
export function protectionReason(machine: ProtectableMachine, policy: ProtectionPolicy): string | undefined {
  const wanted = new Set(policy.tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== ''));
  const tag = machine.tags.find((candidate) => wanted.has(candidate.trim().toLowerCase()));
  if (tag !== undefined) return `${machine.name} is protected (tag ${tag.trim()})`;
  const pattern = policy.namePatterns.find((candidate) => nameMatches(candidate, machine.name));
  if (pattern !== undefined) return `${machine.name} is protected (name matches ${pattern.trim()})`;
  return undefined;
}
