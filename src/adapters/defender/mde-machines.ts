import type { Alert } from '../../domain/alerts/alert';
import type { Machine, MachineLogonUser } from '../../domain/machines/machine';
import type { MachineQuery } from '../../services/ports/defender.port';
import { collectPages } from './collect-pages';
import type { DefenderHttp } from './defender-http';
import { mapMachine } from './machine.mapper';
import { mapMachineLogonUsers } from './machine-logon-user.mapper';
import { machineNotFound, pickMachineByName, userNameOnly } from './machine-lookup';
import { mapMdeAlert } from './mde-alert.mapper';
import { MDE_ROUTES } from './mde-routes';
import { mdeAlertSchema, mdeLogonUserSchema, mdeMachineSchema, odataCollection } from './mde-schemas';
import { odataAnd, odataString } from './odata-filter';

const HEX_ID = /^[0-9a-f]{40}$/i;

/** The machine routes of MDE: by id or name, by filter, by user, a machine's alerts and its users. */
export class MdeMachines {
  constructor(
    private readonly http: DefenderHttp,
    private readonly pageSize: number,
  ) {}

  /** By 40-hex id (`GET /api/machines/{id}`), else by DNS or short name through a `startswith` filter. */
  async get(idOrName: string): Promise<Machine> {
    const wanted = idOrName.trim();
    if (HEX_ID.test(wanted)) {
      const params = { id: wanted.toLowerCase() };
      return mapMachine(
        await this.http.send({ route: MDE_ROUTES.getMachine, params, schema: mdeMachineSchema }),
      );
    }
    const candidates = await this.find({ namePrefix: wanted.toLowerCase(), maxMachines: 50 });
    const machine = pickMachineByName(candidates, wanted);
    if (!machine) throw machineNotFound(wanted);
    return machine;
  }

  async find(query: MachineQuery): Promise<Machine[]> {
    const filter = odataAnd([
      query.namePrefix === undefined
        ? undefined
        : `startswith(computerDnsName,${odataString(query.namePrefix)})`,
      query.tag === undefined ? undefined : `machineTags/any(tag: tag eq ${odataString(query.tag)})`,
      query.healthStatus === undefined ? undefined : `healthStatus eq ${odataString(query.healthStatus)}`,
    ]);
    const dtos = await collectPages(
      async (skip, top) => {
        const page = await this.http.send({
          route: MDE_ROUTES.listMachines,
          query: { $filter: filter, $top: top, $skip: skip },
          schema: odataCollection(mdeMachineSchema),
        });
        return { items: page.value };
      },
      this.pageSize,
      query.maxMachines ?? 10_000,
    );
    return dtos.map(mapMachine);
  }

  async alerts(machineId: string): Promise<Alert[]> {
    const route = MDE_ROUTES.machineAlerts;
    const schema = odataCollection(mdeAlertSchema);
    const page = await this.http.send({ route, params: { id: machineId }, schema });
    return page.value.map(mapMdeAlert);
  }

  /** `GET /api/machines/{id}/logonusers` (needs `User.Read.All`): most recently seen first. */
  async logonUsers(machineId: string): Promise<MachineLogonUser[]> {
    const route = MDE_ROUTES.machineLogonUsers;
    const schema = odataCollection(mdeLogonUserSchema);
    const page = await this.http.send({ route, params: { id: machineId }, schema });
    return mapMachineLogonUsers(page.value);
  }

  /** `GET /api/users/{name}/machines` with the bare user name (MDE does not take a UPN). */
  async ofUser(userName: string): Promise<Machine[]> {
    const route = MDE_ROUTES.userMachines;
    const params = { id: userNameOnly(userName) };
    const page = await this.http.send({ route, params, schema: odataCollection(mdeMachineSchema) });
    return page.value.map(mapMachine);
  }

  async ofAlert(alertId: string): Promise<Machine> {
    const route = MDE_ROUTES.alertMachine;
    return mapMachine(await this.http.send({ route, params: { id: alertId }, schema: mdeMachineSchema }));
  }
}
