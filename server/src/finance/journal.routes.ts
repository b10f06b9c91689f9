import type { Express, Request, Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { authorize } from '../auth/policy.js';
import { authenticateSession } from '../http/authenticate.js';
import type { Services } from '../services.js';
import { DomainError } from '../shared/errors.js';
import { JOURNAL_COLUMNS, journalCells } from './revenue.rules.js';

/**
 * `GET /reports/journal/YYYY-MM.csv` (FINANCE+, key or console cookie): the month's deferred
 * revenue journal, RFC 4180 CSV, one balanced entry per day and movement (docs/finance.md).
 */
export function journalRoutes(app: Express, services: Services): void {
  app.get('/reports/journal/:file', authenticateSession(services), async (req: Request, res: Response) => {
    authorize(res.locals.principal, 'finance.read');
    const match = /^(\d{4}-\d{2})\.csv$/.exec(String(req.params.file));
    if (!match) throw new DomainError('NOT_FOUND', 'Journals are at /reports/journal/YYYY-MM.csv');
    const month = match[1];
    const rows = await services.revenue.journal(month);
    res.setHeader('content-disposition', `attachment; filename="creditmeter-journal-${month}.csv"`);
    res.setHeader('cache-control', 'private, no-store');
    res.type('text/csv; charset=utf-8').send(stringify([JOURNAL_COLUMNS, ...rows.map(journalCells)], { record_delimiter: 'windows' }));
  });
}
