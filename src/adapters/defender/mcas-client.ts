import { z } from 'zod';
import type { Alert } from '../../domain/alerts/alert';
import type { Severity } from '../../domain/alerts/severity';
import { DEFENDER_ERROR_CODES } from '../../services/ports/defender.port';
import type { McasAlertQuery, McasCloseRequest, McasPort } from '../../services/ports/mcas.port';
import { collectPages } from './collect-pages';
import { DefenderApiError } from './defender-api-error';
import type { DefenderHttp } from './defender-http';
import type { DefenderRoute } from './defender-route';
import { mapMcasAlert } from './mcas-alert.mapper';
import { MCAS_ROUTES } from './mcas-routes';
import { mcasAlertListSchema, mcasAlertSchema, mcasCloseResultSchema } from './mcas-schemas';

/** MCAS returns at most 100 alerts per call to an API token. */
const MCAS_PAGE_SIZE = 100;

const SEVERITY_VALUES: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, informational: 3 };

/** The `filters` of an alert list: open, since, severities (MCAS ANDs them). */
export function mcasAlertFilters(query: McasAlertQuery): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (query.openOnly) filters.alertOpen = { eq: true };
  if (query.since !== undefined) {
    const since = Date.parse(query.since);
    if (Number.isNaN(since)) throw new RangeError(`Not a date-time: ${JSON.stringify(query.since)}`);
    filters.date = { gte: since };
  }
  if (query.severities?.length) filters.severity = { eq: query.severities.map((s) => SEVERITY_VALUES[s]) };
  return filters;
}

/** The Defender for Cloud Apps client: implements `McasPort` over `DefenderHttp` (`Authorization: Token …`). */
export class McasClient implements McasPort {
  constructor(private readonly http: DefenderHttp) {}

  async listAlerts(query: McasAlertQuery): Promise<Alert[]> {
    const filters = mcasAlertFilters(query);
    const dtos = await collectPages(
      async (skip, limit) => {
        const page = await this.http.send({
          route: MCAS_ROUTES.listAlerts,
          body: { filters, skip, limit, sortField: 'date', sortDirection: 'desc' },
          schema: mcasAlertListSchema,
        });
        return { items: page.data, ...(typeof page.hasNext === 'boolean' ? { hasMore: page.hasNext } : {}) };
      },
      MCAS_PAGE_SIZE,
      query.maxAlerts ?? 1000,
    );
    const byId = new Map(dtos.map((dto) => [dto._id, dto]));
    return [...byId.values()].map(mapMcasAlert);
  }

  async getAlert(alertId: string): Promise<Alert> {
    const route = MCAS_ROUTES.getAlert;
    return mapMcasAlert(await this.http.send({ route, params: { id: alertId }, schema: mcasAlertSchema }));
  }

  closeBenign(alertId: string, request: McasCloseRequest): Promise<void> {
    return this.close(MCAS_ROUTES.closeBenign, alertId, request);
  }

  closeFalsePositive(alertId: string, request: McasCloseRequest): Promise<void> {
    return this.close(MCAS_ROUTES.closeFalsePositive, alertId, request);
  }

  closeTruePositive(alertId: string, comment: string): Promise<void> {
    return this.close(MCAS_ROUTES.closeTruePositive, alertId, { comment });
  }

  async markRead(alertId: string): Promise<void> {
    await this.http.send({ route: MCAS_ROUTES.markRead, params: { id: alertId }, schema: z.unknown() });
  }

  async markUnread(alertId: string): Promise<void> {
    await this.http.send({ route: MCAS_ROUTES.markUnread, params: { id: alertId }, schema: z.unknown() });
  }

  /** Closes one alert by id; an id MCAS reports in `alertsNotFound` is `DEFENDER.NOT_FOUND`. */
  private async close(route: DefenderRoute, alertId: string, request: McasCloseRequest): Promise<void> {
    const body = {
      filters: { id: { eq: [alertId] } },
      comment: request.comment,
      ...(request.reasonId === undefined ? {} : { reasonId: request.reasonId }),
    };
    const result = await this.http.send({ route, body, schema: mcasCloseResultSchema });
    if (result.alertsNotFound?.includes(alertId)) {
      throw new DefenderApiError(
        DEFENDER_ERROR_CODES.notFound,
        'Defender for Cloud Apps could not find that alert.',
        { route: `${route.method} ${route.template}` },
      );
    }
  }
}
