import type { Express, Request, Response } from 'express';
import { bearer } from '../app.js';
import { hasRole } from '../auth/roles.js';
import type { Services } from '../services.js';
import { DomainError, HTTP_STATUS } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import { monthPeriod } from './finance.rules.js';
import { buildStatement } from './statement.builder.js';
import { statementCsv, statementPdf } from './statement.render.js';

/**
 * `GET /statements/YYYY-MM.csv|pdf`: the caller's monthly statement; SUPPORT+ may pass
 * `?accountId=` for any account.
 */
export function statementRoutes(app: Express, services: Services): void {
  app.get('/statements/:file', async (req: Request, res: Response) => {
    try {
      const match = /^(\d{4}-\d{2})\.(csv|pdf)$/.exec(String(req.params.file));
      if (!match) throw new DomainError('NOT_FOUND', 'Statements are at /statements/YYYY-MM.csv or .pdf');
      const principal = await services.auth.authenticate(bearer(req.headers.authorization));
      if (!principal) throw new DomainError('UNAUTHENTICATED', 'A valid API key is required');
      const requested = typeof req.query.accountId === 'string' ? parseId(req.query.accountId, 'accountId') : principal.accountId;
      if (requested !== principal.accountId && !hasRole(principal.role, 'SUPPORT') && !(await services.teams.canUseTeamAccount(principal, requested, true))) {
        throw new DomainError('FORBIDDEN', "A USER key may only read its own statements (or its team's, as an OWNER)");
      }
      const [, month, format] = match;
      const { from, to } = monthPeriod(month);
      const statement = await buildStatement(services.orm.em, requested, from, to, month);
      const name = `creditmeter-statement-${month}.${format}`;
      res.setHeader('content-disposition', `attachment; filename="${name}"`);
      res.setHeader('cache-control', 'private, no-store');
      if (format === 'csv') {
        res.type('text/csv; charset=utf-8').send(statementCsv(statement));
      } else {
        res.type('application/pdf').send(await statementPdf(statement));
      }
    } catch (err) {
      if (err instanceof DomainError) {
        res.status(HTTP_STATUS[err.code]).json({ error: { code: err.code, message: err.message } });
        return;
      }
      services.log.error({ err: { message: (err as Error).message } }, 'statement failed');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
    }
  });
}
