import type { Express, Request, Response } from 'express';
import { authenticateSession } from '../http/authenticate.js';
import type { Services } from '../services.js';
import { DomainError } from '../shared/errors.js';
import { statementPeriod } from '../finance/finance.rules.js';
import { buildStatement } from './statement.builder.js';
import { statementCsv } from './statement.csv.js';
import { statementPdf } from './statement.render.js';

/**
 * `GET /statements/YYYY-MM.csv|pdf`: the caller's monthly statement; SUPPORT+ may pass
 * `?accountId=` for any account, a team's OWNERs for the team. Errors are mapped by the app's error middleware.
 */
export function statementRoutes(app: Express, services: Services): void {
  app.get('/statements/:file', authenticateSession(services), async (req: Request, res: Response) => {
    const match = /^(\d{4}-\d{2})\.(csv|pdf)$/.exec(String(req.params.file));
    if (!match) throw new DomainError('NOT_FOUND', 'Statements are at /statements/YYYY-MM.csv or .pdf');
    const accountId = typeof req.query.accountId === 'string' ? req.query.accountId : null;
    // A team's OWNERs read the team's statements too.
    const requested = await services.teams.actingAccount(res.locals.principal ?? null, 'statement.read', accountId);
    const [, month, format] = match;
    const { from, to } = statementPeriod(month);
    const statement = await buildStatement(services.orm.em, requested, from, to, month);
    const { COMPANY_NAME, COMPANY_ADDRESS, SUPPORT_EMAIL } = services.config;
    const seller = { name: COMPANY_NAME, address: COMPANY_ADDRESS ?? null, supportEmail: SUPPORT_EMAIL ?? null };
    res.setHeader('content-disposition', `attachment; filename="${`${statement.number}.${format}`}"`);
    res.setHeader('cache-control', 'private, no-store');
    if (format === 'csv') res.type('text/csv; charset=utf-8').send(statementCsv(statement, seller));
    else res.type('application/pdf').send(await statementPdf(statement, seller));
  });
}
