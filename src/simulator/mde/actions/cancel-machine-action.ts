import { toMdeTime } from '../../estate/mde-time';
import { badRequest, SimHttpError } from '../../http/sim-error';
import type { SimHandler } from '../../http/sim-router';
import { odataEntity } from '../../odata/apply-odata-query';
import type { SimContext } from '../../sim-context';
import { actionKindOf } from './action-kinds';
import { applyActionEffect, isActive } from './apply-action-effect';
import { findMachineAction } from './find-machine-action';
import { validateActionBody } from './validate-action-body';

/**
 * The handler of `POST /api/machineactions/{id}/cancel`: needs the role of the action being cancelled
 * (403 otherwise) and a `Comment`; a Pending or InProgress action becomes `Cancelled` (200 with it), a
 * final one is 400 `BadRequest`.
 */
export function cancelMachineAction(ctx: SimContext): SimHandler {
  return (req) => {
    const action = findMachineAction(ctx.state, req.params.id ?? '');
    const role = actionKindOf(action.type)?.role;
    if (role !== undefined && !req.caller.roles.includes(role)) {
      throw new SimHttpError(
        403,
        'Forbidden',
        `The application does not have the required permission to cancel a ${action.type} action: ${role}.`,
      );
    }
    const { Comment } = validateActionBody(req.body, []);
    if (!isActive(action)) {
      throw badRequest(
        'BadRequest',
        `Machine action ${action.id} is already ${action.status} and cannot be cancelled; only Pending or InProgress actions can.`,
      );
    }
    const now = toMdeTime(ctx.now(), 0);
    action.status = 'Cancelled';
    action.lastUpdateDateTimeUtc = now;
    action.cancellationRequestor = req.caller.appId;
    action.cancellationComment = Comment ?? '';
    action.cancellationDateTimeUtc = now;
    applyActionEffect(ctx.state, action);
    return { status: 200, body: odataEntity('MachineActions', action) };
  };
}
