/**
 * Text cleaning and cutting for cards. Lengths here are "JSON cost": the UTF-16 code units a string takes
 * once written into the card's JSON, quotes and backslashes counting twice and a newline (`\n`) twice.
 * Cutting by that cost is what lets the mapper promise a card size whatever the alert holds.
 */

const ELLIPSIS = '…';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Bidi embeddings, overrides and isolates: they can disguise a file name (`invoice\u202Egpj.exe`). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const ZERO_WIDTH_SPACE = '\u200B';
/** How much raw text is looked at, per unit of budget, before cleaning (whitespace may collapse). */
const RAW_SCAN_FACTOR = 8;

/** The JSON cost of one UTF-16 code unit (control characters never reach it: they are cleaned away). */
function unitCost(unit: string): number {
  return unit === '"' || unit === '\\' || unit === '\n' ? 2 : 1;
}

/** The JSON cost of a string: the code units it takes inside a JSON string literal. */
export function jsonCost(text: string): number {
  let cost = 0;
  for (const unit of text) cost += unit.length === 1 ? unitCost(unit) : unit.length;
  return cost;
}

/** Replaces control characters: newlines kept when `multiline`, everything else becomes a space. */
function replaceControls(text: string, multiline: boolean): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const isControl = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (!isControl) out += ch;
    else out += multiline && ch === '\n' ? '\n' : ' ';
  }
  return out;
}

/** Collapses whitespace: one line (all runs to one space), or paragraphs (at most one blank line). */
function collapseWhitespace(text: string, multiline: boolean): string {
  if (!multiline) return text.replace(/\s+/g, ' ').trim();
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Makes text safe to place in a card: well-formed UTF-16, no control or bidi-override characters, no
 * `${` (the templating engine's marker: a zero-width space is put between `$` and `{`) and no markdown
 * link (`](` gets the same), because TextBlocks and facts render markdown.
 */
export function cleanCardText(raw: string, multiline = false): string {
  const normalized = raw
    .replace(/\r\n?/g, '\n')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(BIDI_CONTROLS, '\uFFFD');
  return collapseWhitespace(replaceControls(normalized, multiline), multiline)
    .replaceAll('${', `$${ZERO_WIDTH_SPACE}{`)
    .replaceAll('](', `]${ZERO_WIDTH_SPACE}(`);
}

/**
 * Cuts text so that its JSON cost is at most `maxCost`, ending with "…" when something was cut (or when
 * `alreadyCut` says the caller cut it before). Never splits a surrogate pair.
 */
export function clipText(text: string, maxCost: number, alreadyCut = false): string {
  if (!alreadyCut && jsonCost(text) <= maxCost) return text;
  if (maxCost < 1) return '';
  let kept = 0;
  let cost = 0;
  while (kept < text.length) {
    const next = unitCost(text.charAt(kept));
    if (cost + next > maxCost - 1) break;
    cost += next;
    kept += 1;
  }
  const code = text.charCodeAt(kept - 1);
  if (kept > 0 && code >= 0xd800 && code <= 0xdbff) kept -= 1;
  return `${text.slice(0, kept).trimEnd()}${ELLIPSIS}`;
}

/**
 * Cleans and cuts any text from outside (an alert, a machine, a person) for a card field. Only a bounded
 * prefix of a huge input is examined, so a 100,000-character description costs no more than a short one.
 */
export function cardText(raw: string | undefined, maxCost: number, multiline = false): string {
  if (raw === undefined || maxCost < 1) return '';
  const scanLimit = maxCost * RAW_SCAN_FACTOR + 16;
  const cut = raw.length > scanLimit;
  const cleaned = cleanCardText(cut ? raw.slice(0, scanLimit) : raw, multiline);
  return cleaned === '' ? '' : clipText(cleaned, maxCost, cut);
}

/** Options of `joinWithinBudget`. */
export interface JoinOptions {
  /** The JSON cost the whole joined text may take. */
  readonly maxCost: number;
  /** The JSON cost one item may take (it is cut with "…" beyond that). */
  readonly itemMaxCost: number;
  readonly separator?: string;
  /** At most this many items are listed (the rest are counted in "and K more"). */
  readonly maxItems?: number;
}

/** The suffix naming the items left out: " and 12 more". */
function moreSuffix(count: number, listed: number): string {
  return listed === 0 ? `${count} more` : ` and ${count} more`;
}

/**
 * Joins items ("T1059, T1486 and 998 more") within a budget: whole items are listed while they fit
 * together with the room the "and K more" suffix needs, and at most `maxItems` of them. Empty items are
 * skipped.
 */
export function joinWithinBudget(items: readonly string[], options: JoinOptions): string {
  const separator = options.separator ?? ', ';
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const parts = items.map((item) => cardText(item, options.itemMaxCost)).filter((part) => part !== '');
  let listed = 0;
  let used = 0;
  for (const part of parts) {
    if (listed >= maxItems) break;
    const extra = (listed > 0 ? jsonCost(separator) : 0) + jsonCost(part);
    const left = parts.length - listed - 1;
    const reserve = left > 0 ? jsonCost(moreSuffix(left, 1)) : 0;
    if (used + extra + reserve > options.maxCost) break;
    listed += 1;
    used += extra;
  }
  const rest = parts.length - listed;
  const joined = parts.slice(0, listed).join(separator);
  return rest > 0 ? `${joined}${moreSuffix(rest, listed)}` : joined;
}
