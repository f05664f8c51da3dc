import { z } from 'zod';
import type { Alert, AlertUser } from '../../domain/alerts/alert';
import type { Machine, MachineLogonUser } from '../../domain/machines/machine';
import type {
  IsolationType,
  MachineAction,
  MachineActionType,
  ScanType,
} from '../../domain/machines/machine-action';
import type {
  AlertUpdate,
  HuntingResult,
  MachineActionQuery,
  MachineQuery,
  MdeAlertQuery,
  MdePort,
} from '../../services/ports/defender.port';
import { collectPages } from './collect-pages';
import type { DefenderHttp } from './defender-http';
import { mapHuntingResult } from './hunting-result.mapper';
import { mapMdeAlert } from './mde-alert.mapper';
import { mdeAlertFilter } from './mde-alert-filter';
import { toMdeAlertPatch } from './mde-alert-patch';
import { MdeMachineActions } from './mde-machine-actions';
import { MdeMachines } from './mde-machines';
import { MDE_ROUTES } from './mde-routes';
import { huntingResultSchema, mdeAlertSchema, mdeUserSchema, odataCollection } from './mde-schemas';

export interface MdeClientOptions {
  /** Items per `$top` page. Default 1,000 (MDE allows 10,000; evidence makes alert pages large). */
  readonly pageSize?: number;
}

/** The MDE API client: implements `MdePort` over `DefenderHttp`, mapping replies into domain types. */
export class MdeClient implements MdePort {
  private readonly actions: MdeMachineActions;
  private readonly machines: MdeMachines;
  private readonly pageSize: number;

  constructor(
    private readonly http: DefenderHttp,
    options: MdeClientOptions = {},
  ) {
    this.actions = new MdeMachineActions(http);
    this.pageSize = options.pageSize ?? 1000;
    this.machines = new MdeMachines(http, this.pageSize);
  }

  listAlertsUpdatedSince(since: string, options: { maxAlerts?: number } = {}): Promise<Alert[]> {
    return this.listAlerts({ updatedSince: since, ...options });
  }

  async listAlerts(query: MdeAlertQuery): Promise<Alert[]> {
    const filter = mdeAlertFilter(query);
    const expand = query.includeEvidence === false ? undefined : 'evidence';
    const dtos = await collectPages(
      async (skip, top) => {
        const page = await this.http.send({
          route: MDE_ROUTES.listAlerts,
          query: { $filter: filter, $top: top, $skip: skip, $expand: expand },
          schema: odataCollection(mdeAlertSchema),
        });
        return { items: page.value };
      },
      this.pageSize,
      query.maxAlerts ?? 10_000,
    );
    const byId = new Map(dtos.map((dto) => [dto.id, dto]));
    return [...byId.values()].map(mapMdeAlert);
  }

  async getAlert(alertId: string): Promise<Alert> {
    const dto = await this.http.send({
      route: MDE_ROUTES.getAlert,
      params: { id: alertId },
      query: { $expand: 'evidence' },
      schema: mdeAlertSchema,
    });
    return mapMdeAlert(dto);
  }

  async updateAlert(alertId: string, update: AlertUpdate): Promise<Alert> {
    const dto = await this.http.send({
      route: MDE_ROUTES.updateAlert,
      params: { id: alertId },
      body: toMdeAlertPatch(update),
      schema: mdeAlertSchema,
      // A comment is appended: repeat only when MDE certainly did not get the first one.
      retry: update.comment ? 'if-not-acted' : 'safe',
    });
    return mapMdeAlert(dto);
  }

  async updateAlerts(alertIds: readonly string[], update: AlertUpdate): Promise<void> {
    if (alertIds.length === 0) return;
    await this.http.send({
      route: MDE_ROUTES.batchUpdateAlerts,
      body: { alertIds: [...alertIds], ...toMdeAlertPatch(update) },
      schema: z.unknown(),
      retry: update.comment ? 'if-not-acted' : 'safe',
    });
  }

  getAlertMachine(alertId: string): Promise<Machine> {
    return this.machines.ofAlert(alertId);
  }

  async getAlertUser(alertId: string): Promise<AlertUser> {
    const route = MDE_ROUTES.alertUser;
    const dto = await this.http.send({ route, params: { id: alertId }, schema: mdeUserSchema });
    return { name: dto.accountName, ...(dto.accountDomain ? { domain: dto.accountDomain } : {}) };
  }

  getMachine(idOrName: string): Promise<Machine> {
    return this.machines.get(idOrName);
  }

  findMachines(query: MachineQuery): Promise<Machine[]> {
    return this.machines.find(query);
  }

  listMachineAlerts(machineId: string): Promise<Alert[]> {
    return this.machines.alerts(machineId);
  }

  getMachineLogonUsers(machineId: string): Promise<MachineLogonUser[]> {
    return this.machines.logonUsers(machineId);
  }

  getUserMachines(userName: string): Promise<Machine[]> {
    return this.machines.ofUser(userName);
  }

  isolate(machineId: string, type: IsolationType, comment: string): Promise<MachineAction> {
    return this.actions.create(MDE_ROUTES.isolate, 'Isolate', machineId, {
      Comment: comment,
      IsolationType: type,
    });
  }

  unisolate(machineId: string, comment: string): Promise<MachineAction> {
    return this.actions.create(MDE_ROUTES.unisolate, 'Unisolate', machineId, { Comment: comment });
  }

  runAntivirusScan(machineId: string, type: ScanType, comment: string): Promise<MachineAction> {
    const body = { Comment: comment, ScanType: type };
    return this.actions.create(MDE_ROUTES.runAntiVirusScan, 'RunAntiVirusScan', machineId, body);
  }

  collectInvestigationPackage(machineId: string, comment: string): Promise<MachineAction> {
    const route = MDE_ROUTES.collectInvestigationPackage;
    return this.actions.create(route, 'CollectInvestigationPackage', machineId, { Comment: comment });
  }

  restrictCodeExecution(machineId: string, comment: string): Promise<MachineAction> {
    const route = MDE_ROUTES.restrictCodeExecution;
    return this.actions.create(route, 'RestrictCodeExecution', machineId, { Comment: comment });
  }

  unrestrictCodeExecution(machineId: string, comment: string): Promise<MachineAction> {
    const route = MDE_ROUTES.unrestrictCodeExecution;
    return this.actions.create(route, 'UnrestrictCodeExecution', machineId, { Comment: comment });
  }

  stopAndQuarantineFile(machineId: string, sha1: string, comment: string): Promise<MachineAction> {
    const body = { Comment: comment, Sha1: sha1 };
    return this.actions.create(MDE_ROUTES.stopAndQuarantineFile, 'StopAndQuarantineFile', machineId, body);
  }

  getMachineAction(actionId: string): Promise<MachineAction> {
    return this.actions.get(actionId);
  }

  listMachineActions(query: MachineActionQuery): Promise<MachineAction[]> {
    return this.actions.list(query);
  }

  cancelMachineAction(actionId: string, comment: string, type?: MachineActionType): Promise<MachineAction> {
    return this.actions.cancel(actionId, comment, type);
  }

  getInvestigationPackageUri(actionId: string): Promise<string> {
    return this.actions.packageUri(actionId);
  }

  async runHuntingQuery(kql: string): Promise<HuntingResult> {
    const route = MDE_ROUTES.runHuntingQuery;
    return mapHuntingResult(
      await this.http.send({ route, body: { Query: kql }, schema: huntingResultSchema }),
    );
  }
}
