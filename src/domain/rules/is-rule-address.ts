const ADDRESS = /^[^\s@"(),<>]+@[^\s@"'(),<>.]+(\.[^\s@"'(),<>.]+)+$/;

/** True when `text` looks like an e-mail address or UPN (`secops@contoso.com`). */
export function isRuleAddress(text: string): boolean {
  return text.length <= 254 && ADDRESS.test(text);
}
