import { randomBytes } from 'node:crypto';
import { toMdeTime } from '../../estate/mde-time';
import { notFound } from '../../http/sim-error';
import type { SimHandler } from '../../http/sim-router';
import { contextUrl } from '../../odata/apply-odata-query';
import type { SimContext } from '../../sim-context';
import { findMachineAction } from './find-machine-action';

const SAS_LIFETIME_MS = 60 * 60 * 1000;

/** A short-lived, SAS-style download link for an investigation package (it serves nothing). */
function fakeSasUrl(actionId: string, nowMs: number): string {
  const expiry = encodeURIComponent(toMdeTime(nowMs + SAS_LIFETIME_MS, 0));
  const signature = encodeURIComponent(randomBytes(32).toString('base64'));
  return (
    `https://userrequests-sim.securitycenter.windows.com/safedownload/${actionId}/WDATP_Investigation_Package.zip` +
    `?sv=2019-02-02&sr=b&sp=r&se=${expiry}&sig=${signature}`
  );
}

/**
 * The handler of `GET /api/machineactions/{id}/getPackageUri`: 200 with an `Edm.String` download link once
 * a CollectInvestigationPackage action has Succeeded; 404 for any other action or before then.
 */
export function getPackageUri(ctx: SimContext): SimHandler {
  return (req) => {
    const action = findMachineAction(ctx.state, req.params.id ?? '');
    if (action.type !== 'CollectInvestigationPackage') {
      throw notFound(`Machine action ${action.id} is a ${action.type}, not a package collection`);
    }
    if (action.status !== 'Succeeded') {
      throw notFound(
        `The investigation package of machine action ${action.id} is not available (${action.status})`,
      );
    }
    return {
      status: 200,
      body: { '@odata.context': contextUrl('Edm.String'), value: fakeSasUrl(action.id, ctx.now()) },
    };
  };
}
