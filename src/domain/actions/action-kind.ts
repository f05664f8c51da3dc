/**
 * What a response action does. Machine actions (`isolate`, `unisolate`, `scan`) become an MDE machine
 * action that is tracked to its final status; alert actions (`resolve`, `assign`) are one change to the
 * alert in MDE (or a close in Defender for Cloud Apps) and end as soon as Defender answers.
 */
export const ACTION_KINDS = ['isolate', 'unisolate', 'scan', 'resolve', 'assign'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** The kinds that act on a machine and are tracked through MDE's machine action status. */
export type MachineActionKind = Extract<ActionKind, 'isolate' | 'unisolate' | 'scan'>;

/** True when a value is one of `ACTION_KINDS`. */
export function isActionKind(value: unknown): value is ActionKind {
  return typeof value === 'string' && (ACTION_KINDS as readonly string[]).includes(value);
}

/** True for the kinds that create an MDE machine action. */
export function isMachineActionKind(kind: ActionKind): kind is MachineActionKind {
  return kind === 'isolate' || kind === 'unisolate' || kind === 'scan';
}

/** How each kind is named in sentences: "Isolation of ws-042", "ws-042 isolated". */
export const ACTION_NOUNS: Readonly<Record<ActionKind, string>> = {
  isolate: 'Isolation',
  unisolate: 'Release from isolation',
  scan: 'Antivirus scan',
  resolve: 'Resolution',
  assign: 'Assignment',
};
