/** A container style of an adaptive card (the background of a section). */
export type CardContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

/** A text colour of an adaptive card. */
export type CardTextColor = 'default' | 'good' | 'attention' | 'warning' | 'accent';

/** How a status line looks: the tone a caller picks for `status`. */
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

/** The status line (e.g. "Isolation requested by Ana at 20:41 UTC"), filled by the card-action issues. */
export interface CardStatusLine {
  readonly text: string;
  readonly style: CardContainerStyle;
  readonly color: CardTextColor;
}

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
  readonly status?: CardStatusLine;
  /** False once the alert is resolved: the Resolve button is hidden. */
  readonly resolvable: boolean;
  /** The alert in the Defender portal (always an https or http URL). */
  readonly portalUrl: string;
  /** The small print at the bottom: alert id and when the card was drawn. */
  readonly footer: string;
  /** What a client that cannot draw the card shows (and what notifications show). */
  readonly fallbackText: string;
}
