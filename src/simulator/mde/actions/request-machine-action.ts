import { badRequest, notFound } from '../../http/sim-error';
import type { SimHandler } from '../../http/sim-router';
import { odataEntity } from '../../odata/apply-odata-query';
import type { SimContext } from '../../sim-context';
import { type ActionKind, DEFAULT_ISOLATION_TYPE } from './action-kinds';
import { applyActionEffect } from './apply-action-effect';
import { createMachineAction } from './create-machine-action';
import { findConflictingAction } from './find-conflicting-action';
import { checkSha1, validateActionBody } from './validate-action-body';

function scopeOf(kind: ActionKind, values: Readonly<Record<string, string>>): string | null {
  if (kind.scopeParam === undefined) return null;
  return values[kind.scopeParam] ?? (kind.type === 'Isolate' ? DEFAULT_ISOLATION_TYPE : null);
}

/**
 * The handler of `POST /api/machines/{id}/<action>`: validates the body, finds the machine (40-hex id or
 * DNS name), refuses a second active action of the same family (400 `ActiveRequestAlreadyExists`, nothing
 * stored), and answers 201 with the new Pending MachineAction.
 */
export function requestMachineAction(ctx: SimContext, kind: ActionKind): SimHandler {
  return (req) => {
    const values = validateActionBody(req.body, kind.params);
    const sha1 = values.Sha1 === undefined ? undefined : checkSha1(values.Sha1);
    const idOrName = req.params.id ?? '';
    const machine = ctx.state.findMachine(idOrName);
    if (!machine) throw notFound(`Machine ${idOrName} was not found`, 'ResourceNotFound');
    if (findConflictingAction(ctx.state, machine.id, kind, sha1)) {
      throw badRequest('ActiveRequestAlreadyExists', 'Action is already in progress');
    }
    const action = createMachineAction({
      kind,
      machine,
      requestor: req.caller.appId,
      comment: values.Comment ?? '',
      scope: scopeOf(kind, values),
      ...(sha1 === undefined ? {} : { sha1 }),
      nowMs: ctx.now(),
      settings: ctx.state.settings,
    });
    ctx.state.actions.set(action.id, action);
    applyActionEffect(ctx.state, action);
    return { status: 201, body: odataEntity('MachineActions', action) };
  };
}
