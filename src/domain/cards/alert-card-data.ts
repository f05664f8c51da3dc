/** A container style of an adaptive card (the background of a section). */
export type CardContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

/** A text colour of an adaptive card. */
export type CardTextColor = 'default' | 'good' | 'attention' | 'warning' | 'accent';

/** How a status line looks: the tone of an action's line (`describeAction`). */
export type CardTone = 'good' | 'warning' | 'attention' | 'default';

/** One row of the card's fact set, e.g. `{ title: 'Machine', value: 'ws-042.contoso.com' }`. */
export interface CardFact {
  readonly title: string;
  readonly value: string;
}

/** One line of the card's "Top evidence" list: a short label and a monospace detail. */
export interface CardEvidenceLine {
  readonly label: string;
  readonly detail: string;
}

/** The machine the card's isolate and scan buttons act on. Absent: those buttons are not shown. */
export interface CardMachineRef {
  readonly id: string;
  readonly name: string;
}

/** Severity at a glance: the header's style, the label's colour and the label itself ("🔴 High"). */
export interface CardSeverityLook {
  readonly label: string;
  readonly style: CardContainerStyle;
  readonly color: CardTextColor;
}

/** A folded alert storm: "×37 similar alerts …" and the machines they came from. */
export interface CardFoldSummary {
  readonly counter: string;
  readonly machines: string;
}

/** One status line: where a response action stands ("⏳ Full isolation of ws-042 requested by …"). */
export interface CardStatusLine {
  readonly text: string;
  readonly style: CardContainerStyle;
  readonly color: CardTextColor;
}

/** The Approve and Reject buttons of an action waiting for a second responder. */
export interface CardApproval {
  /** The action the buttons decide (sent back as `actionId`). */
  readonly actionId: string;
  /** The line above the buttons, e.g. "Approve or reject the full isolation of dc01 requested by Ana Lopez." */
  readonly prompt: string;
}

/** What every retry button carries: the failed action (sent back as `retryOf`) and the button's title. */
interface CardRetryBase {
  readonly actionId: string;
  /** "Retry full isolation of ws-042". */
  readonly title: string;
}

/**
 * The "Retry …" button of the newest action when it failed, timed out or expired: the verb of its kind
 * and what that verb needs, taken from the failed action. A parameter the action did not have is `''`.
 */
export type CardRetry =
  | (CardRetryBase & {
      readonly kind: 'isolate';
      readonly machineId: string;
      readonly isolationType: string;
      readonly reason: string;
    })
  | (CardRetryBase & { readonly kind: 'unisolate'; readonly machineId: string; readonly reason: string })
  | (CardRetryBase & { readonly kind: 'scan'; readonly machineId: string; readonly scanType: string })
  | (CardRetryBase & {
      readonly kind: 'resolve';
      readonly classification: string;
      readonly determination: string;
      readonly comment: string;
    })
  | (CardRetryBase & { readonly kind: 'assign'; readonly assignee: string });

/** The kind of action a retry button repeats. */
export type CardRetryKind = CardRetry['kind'];

/**
 * Everything `cards/alert.json` binds. Every string is already formatted, cleaned and cut to its limit
 * (see `CARD_LIMITS`), so the template only places values. Optional parts are left out of the object
 * when absent: the template hides their sections with `$when`.
 */
export interface AlertCardData {
  /** The alert's id, sent back by every button. */
  readonly alertId: string;
  readonly severity: CardSeverityLook;
  /** A subtle line beside the severity, e.g. "Defender for Endpoint · New". */
  readonly headline: string;
  readonly title: string;
  readonly description?: string;
  readonly facts: readonly CardFact[];
  readonly evidence: readonly CardEvidenceLine[];
  /** "…and 495 more evidence items in Defender", when the list was cut. */
  readonly evidenceNote?: string;
  readonly machine?: CardMachineRef;
  readonly fold?: CardFoldSummary;
  /** One line per response action of the alert, newest first, at most `CARD_LIMITS.statusLines`. */
  readonly statuses: readonly CardStatusLine[];
  /** Set while an action of the alert waits for a second responder: Approve and Reject are shown. */
  readonly approval?: CardApproval;
  /** Set when the alert's newest action failed, timed out or expired: a "Retry …" button is shown. */
  readonly retry?: CardRetry;
  /** The machine is known to be isolated: "Release from isolation…" replaces "Isolate…". */
  readonly isolated: boolean;
  /** What to look at before isolating (tags, risk, last seen, logged-on users, other open alerts). */
  readonly isolateFacts: readonly CardFact[];
  /** "dc01 is protected (tag tier0): a second responder must approve the isolation." */
  readonly isolateWarning?: string;
  /** False once the alert is resolved: the Resolve button is hidden. */
  readonly resolvable: boolean;
  /** True for Defender for Endpoint alerts not resolved yet: the Assign button is shown. */
  readonly assignable: boolean;
  /** The alert in the Defender portal (always an https or http URL). */
  readonly portalUrl: string;
  /** The small print at the bottom: alert id and when the card was drawn. */
  readonly footer: string;
  /** What a client that cannot draw the card shows (and what notifications show). */
  readonly fallbackText: string;
}
