import type { MdeAlert } from '../../model/mde-types';

/** An alert as the API serves it: evidence only when the request expanded it (`$expand=evidence`). */
export function renderAlert(alert: MdeAlert, withEvidence: boolean): MdeAlert {
  return { ...alert, evidence: withEvidence ? alert.evidence : [] };
}
