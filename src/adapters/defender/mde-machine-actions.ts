import type { MachineAction, MachineActionType } from '../../domain/machines/machine-action';
import { DEFENDER_ERROR_CODES, type MachineActionQuery } from '../../services/ports/defender.port';
import { collectPages } from './collect-pages';
import { DefenderApiError } from './defender-api-error';
import type { DefenderHttp } from './defender-http';
import type { DefenderRoute } from './defender-route';
import { mapMachineAction } from './machine-action.mapper';
import { MDE_ROUTES } from './mde-routes';
import {
  type MdeMachineActionDto,
  mdeMachineActionSchema,
  odataCollection,
  packageUriSchema,
} from './mde-schemas';
import { odataAnd, odataDateTime, odataString } from './odata-filter';
import { cancelPermission } from './required-permissions';

const OPEN_STATUSES = new Set(['Pending', 'InProgress']);
const PAGE_SIZE = 1000;

/**
 * Machine actions of MDE: create (PascalCase bodies), read, list, cancel.
 *
 * Creating is not blindly repeated: a 429 or a connection never opened is repeated (MDE did nothing),
 * but after a timeout, a reset or a 5xx MDE may have acted. Repeating then would at best be refused with
 * `ActiveRequestAlreadyExists` (losing the action's id) and at worst start a second scan or isolation if
 * the first one already finished. Instead Vigil looks for an open action of the same type on the machine
 * (for StopAndQuarantineFile, on the same file):
 * if there is one, a repeat would have been refused anyway, so that action is the answer; if there is
 * none, the original error is thrown with `maybeActed: true` for the caller to decide.
 */
export class MdeMachineActions {
  constructor(private readonly http: DefenderHttp) {}

  async create(
    route: DefenderRoute,
    type: MachineActionType,
    machineId: string,
    body: Record<string, string>,
  ): Promise<MachineAction> {
    try {
      const dto = await this.http.send({
        route,
        params: { id: machineId },
        body,
        schema: mdeMachineActionSchema,
      });
      return this.mapped(dto, route);
    } catch (error) {
      if (!(error instanceof DefenderApiError) || error.details.maybeActed !== true) throw error;
      const open = await this.findOpen(machineId, type, body.Sha1).catch(() => undefined);
      if (open) return this.mapped(open, route);
      throw error;
    }
  }

  async get(actionId: string): Promise<MachineAction> {
    const route = MDE_ROUTES.getMachineAction;
    const dto = await this.http.send({ route, params: { id: actionId }, schema: mdeMachineActionSchema });
    return this.mapped(dto, route);
  }

  async list(query: MachineActionQuery): Promise<MachineAction[]> {
    const dtos = await this.listDtos(query);
    return dtos.map(mapMachineAction).filter((action): action is MachineAction => action !== undefined);
  }

  private listDtos(query: MachineActionQuery): Promise<MdeMachineActionDto[]> {
    const filter = odataAnd([
      query.machineId === undefined ? undefined : `machineId eq ${odataString(query.machineId)}`,
      query.type === undefined ? undefined : `type eq ${odataString(query.type)}`,
      query.status === undefined ? undefined : `status eq ${odataString(query.status)}`,
      query.requestor === undefined ? undefined : `requestor eq ${odataString(query.requestor)}`,
      query.createdSince === undefined
        ? undefined
        : `creationDateTimeUtc ge ${odataDateTime(query.createdSince)}`,
    ]);
    return collectPages(
      async (skip, top) => {
        const page = await this.http.send({
          route: MDE_ROUTES.listMachineActions,
          query: { $filter: filter, $top: top, $skip: skip },
          schema: odataCollection(mdeMachineActionSchema),
        });
        return { items: page.value };
      },
      PAGE_SIZE,
      query.maxActions ?? 10_000,
    );
  }

  async cancel(actionId: string, comment: string, type?: MachineActionType): Promise<MachineAction> {
    const route = MDE_ROUTES.cancelMachineAction;
    const dto = await this.http.send({
      route,
      params: { id: actionId },
      body: { Comment: comment },
      schema: mdeMachineActionSchema,
      permission: cancelPermission(type),
    });
    return this.mapped(dto, route);
  }

  async packageUri(actionId: string): Promise<string> {
    const route = MDE_ROUTES.getPackageUri;
    const reply = await this.http.send({ route, params: { id: actionId }, schema: packageUriSchema });
    return reply.value;
  }

  /** The newest open action of this type on the machine (for a file action: on the same file). */
  private async findOpen(
    machineId: string,
    type: MachineActionType,
    sha1: string | undefined,
  ): Promise<MdeMachineActionDto | undefined> {
    const actions = await this.listDtos({ machineId, type, maxActions: 50 });
    return actions
      .filter((action) => OPEN_STATUSES.has(action.status))
      .filter(
        (action) => !sha1 || action.relatedFileInfo?.fileIdentifier.toLowerCase() === sha1.toLowerCase(),
      )
      .sort((a, b) => Date.parse(b.creationDateTimeUtc) - Date.parse(a.creationDateTimeUtc))[0];
  }

  private mapped(dto: MdeMachineActionDto, route: DefenderRoute): MachineAction {
    const action = mapMachineAction(dto);
    if (action) return action;
    throw new DefenderApiError(
      DEFENDER_ERROR_CODES.invalidResponse,
      `Defender answered with a machine action of a type Vigil does not handle (${dto.type}).`,
      { route: `${route.method} ${route.template}`, issues: [`type: unexpected ${dto.type}`] },
    );
  }
}
