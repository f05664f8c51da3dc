/**
 * A person as a command names them: a Teams mention (which the adapter ties to an account through the
 * message's mention entities) or an Entra object id (lower case). Never a display name.
 */
export type UserArgument =
  | { readonly kind: 'mention'; readonly name: string; readonly markup: string }
  | { readonly kind: 'objectId'; readonly objectId: string };
