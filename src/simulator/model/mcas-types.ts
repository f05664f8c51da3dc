/** Wire shapes of Microsoft Defender for Cloud Apps, as the simulator serves them (see defender-api.md §7). */

export interface McasEntity {
  type: string;
  id: string | number;
  label: string;
  entityRole?: string;
  entityType?: number;
  inst?: number;
  pa?: string;
  saas?: number;
  policyType?: string;
}

export interface McasAlert {
  _id: string;
  contextId: string;
  idValue: number;
  title: string;
  description: string;
  isMarkdown: boolean;
  /** Epoch milliseconds. */
  timestamp: number;
  /** 0 LOW, 1 MEDIUM, 2 HIGH, 3 INFORMATIONAL. */
  severityValue: number;
  /** 0 UNREAD, 1 READ, 2 ARCHIVED. */
  statusValue: number;
  /** 0 OPEN, 1 DISMISSED, 2 RESOLVED, 3 FALSE_POSITIVE, 4 BENIGN, 5 TRUE_POSITIVE. */
  resolutionStatusValue: number;
  stories: number[];
  intent: number[];
  threatScore: number;
  isSystemAlert: boolean;
  comment: string;
  handledByUser: string | null;
  /** Epoch milliseconds, or null while open. */
  resolveTime: number | null;
  entities: McasEntity[];
  URL: string;
}
