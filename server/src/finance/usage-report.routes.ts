import type { Express, Request } from 'express';
import { stringify } from 'csv-stringify/sync';
import { authenticateSession } from '../http/authenticate.js';
import type { Services } from '../services.js';
import { badInput } from '../shared/errors.js';
import { usageReportCsvRows } from './usage-report.csv.js';
import { USAGE_CSV_COLUMNS } from './usage-report.rules.js';

function requiredDate(req: Request, name: string): Date {
  const value = req.query[name];
  const date = typeof value === 'string' && value.length <= 40 ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw badInput(`${name} must be an ISO date or date-time`, { field: name });
  return date;
}

/** `groupBy=DAY,MODEL` or `groupBy=DAY&groupBy=MODEL`; absent or empty: one total row. */
function groups(req: Request): string[] {
  const value = req.query.groupBy;
  const parts = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (parts.some((p) => typeof p !== 'string')) throw badInput('groupBy must be a list of UsageGroup names', { field: 'groupBy' });
  return (parts as string[]).flatMap((p) => p.split(',')).filter(Boolean);
}

/**
 * `GET /reports/usage.csv?from=&to=&groupBy=&accountId=`: `usageReport` as CSV, with the same
 * arguments and the same authorization (key or Credits page/console cookie).
 */
export function usageReportRoutes(app: Express, services: Services): void {
  app.get('/reports/usage.csv', authenticateSession(services), async (req, res) => {
    const accountId = typeof req.query.accountId === 'string' && req.query.accountId !== '' ? req.query.accountId : null;
    const from = requiredDate(req, 'from');
    const to = requiredDate(req, 'to');
    const rows = await services.usageReport.report(res.locals.principal ?? null, { from, to, groupBy: groups(req), accountId });
    res.setHeader('content-disposition', `attachment; filename="creditmeter-usage-${from.toISOString().slice(0, 10)}.csv"`);
    res.setHeader('cache-control', 'private, no-store');
    res.type('text/csv; charset=utf-8').send(stringify(usageReportCsvRows(rows), { header: true, columns: [...USAGE_CSV_COLUMNS] }));
  });
}
