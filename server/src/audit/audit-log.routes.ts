import type { Express, Request } from 'express';
import { stringify } from 'csv-stringify';
import { authorize } from '../auth/policy.js';
import { authenticateSession } from '../http/authenticate.js';
import type { Services } from '../services.js';
import { badInput } from '../shared/errors.js';
import { checked } from '../shared/validate.js';
import { AuditLogFilter } from './audit-log.graphql.js';

const COLUMNS = [
  'id',
  'created_at',
  'action',
  'target_type',
  'target_id',
  'actor_kind',
  'actor',
  'actor_role',
  'actor_staff_user_id',
  'actor_key_id',
  'actor_account_id',
  'reason',
  'before',
  'after',
];

function dateParam(req: Request, name: string): Date | null {
  const value = req.query[name];
  if (value === undefined || value === '') return null;
  const date = typeof value === 'string' && value.length <= 40 ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw badInput(`${name} must be an ISO date or date-time`, { field: name });
  return date;
}

const text = (req: Request, name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : null);

/**
 * `GET /audit-log.csv?actor=&action=&targetType=&targetId=&from=&to=` (FINANCE+, key or console
 * cookie): the same filter as the `auditLog` query, every matching row, streamed newest first.
 */
export function auditLogRoutes(app: Express, services: Services): void {
  app.get('/audit-log.csv', authenticateSession(services), async (req, res) => {
    authorize(res.locals.principal, 'audit.read');
    const filter = await checked(AuditLogFilter, {
      actor: text(req, 'actor'),
      action: text(req, 'action'),
      targetType: text(req, 'targetType'),
      targetId: text(req, 'targetId'),
      from: dateParam(req, 'from'),
      to: dateParam(req, 'to'),
    });
    const batches = services.auditLog.stream(filter);
    const first = await batches.next(); // validation errors surface before the headers go out
    res.setHeader('content-disposition', `attachment; filename="creditmeter-audit-log-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('cache-control', 'private, no-store');
    res.type('text/csv; charset=utf-8');
    const csv = stringify({ header: true, columns: COLUMNS });
    csv.pipe(res);
    const write = (rows: NonNullable<typeof first.value>) => {
      for (const e of rows) {
        csv.write([
          e.id,
          e.createdAt.toISOString(),
          e.action,
          e.targetType,
          e.targetId,
          e.actorKind,
          e.actorLabel,
          e.actorRole,
          e.actorStaffUserId,
          e.actorKeyId,
          e.actorAccountId,
          e.reason,
          e.before == null ? '' : JSON.stringify(e.before),
          e.after == null ? '' : JSON.stringify(e.after),
        ]);
      }
    };
    try {
      if (!first.done) write(first.value);
      for await (const rows of batches) write(rows);
    } finally {
      csv.end();
    }
  });
}
