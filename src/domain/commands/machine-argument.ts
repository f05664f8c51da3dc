/** A machine as a command names it: its 40-hex Defender id (lower case), or a host or DNS name as typed. */
export type MachineArgument =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'name'; readonly name: string };
