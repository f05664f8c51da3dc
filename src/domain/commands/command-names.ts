/** Every typed command of Vigil's command contract, by its words. */
export const COMMAND_NAMES = [
  'help',
  'alerts',
  'alert',
  'machine',
  'isolate',
  'unisolate',
  'scan',
  'resolve',
  'hunt',
  'hunts',
  'rules',
  'rule add',
  'rule remove',
  'rule enable',
  'rule disable',
  'rule test',
  'roles',
  'role grant',
  'role revoke',
  'channel here',
  'audit',
  'digest',
] as const;

/** The name of a typed command. */
export type CommandName = (typeof COMMAND_NAMES)[number];
