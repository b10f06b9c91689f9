import type { Express, Request, Response } from 'express';
import { bearer } from '../auth/bearer.js';
import { remainingOf } from '../auth/key-budgets.service.js';
import { authorize } from '../auth/policy.js';
import { keyPrincipal } from '../http/authenticate.js';
import { RateLimited } from '../http/rate-limit.js';
import type { Services } from '../services.js';
import { DomainError, unauthenticated } from '../shared/errors.js';
import { domainErrorResponse, internalErrorResponse } from './proxy.errors.js';

const str = (v: bigint | null) => (v === null ? null : v.toString());

/**
 * `GET /v1/key`, shaped like OpenRouter's `GET /api/v1/key`: the calling key's label, limit and
 * what it leaves this period (spent and held count), its usage (all time, and since the start of
 * today, this week and this month in the account's time zone), its reset and the available
 * balance it spends. The key comes as a bearer token or as `x-api-key` (Anthropic's SDK).
 */
export const keyRoutes = (app: Express, services: Services): void => {
  const { auth, keyBudgets, loadControl, config, log } = services;
  app.get('/v1/key', async (req: Request, res: Response) => {
    try {
      const principal = keyPrincipal(await auth.authenticate(bearer(req.headers.authorization) ?? bearer(req.headers['x-api-key'])));
      if (!principal) throw unauthenticated('A valid creditmeter API key is required as the bearer token or x-api-key');
      authorize(principal, 'proxy.key');
      await loadControl.checkRate(principal, 'proxy');
      const u = await keyBudgets.usage(principal);
      res.json({
        data: {
          label: u.label,
          limit_millicredits: str(u.spendLimitMillicredits),
          limit_remaining_millicredits: str(remainingOf(u)),
          usage_millicredits: u.usageTotal.toString(),
          usage_daily_millicredits: u.usageDaily.toString(),
          usage_weekly_millicredits: u.usageWeekly.toString(),
          usage_monthly_millicredits: u.usageMonthly.toString(),
          limit_reset: u.limitReset,
          available_millicredits: u.availableMillicredits.toString(),
        },
      });
    } catch (err) {
      if (err instanceof RateLimited) {
        res.set('retry-after', String(err.retryAfterSeconds));
      }
      if (err instanceof DomainError) {
        const { status, body } = domainErrorResponse(err, config.PUBLIC_APP_URL, null);
        res.status(status).json(body);
      } else {
        log.error({ err }, 'GET /v1/key failed');
        const { status, body } = internalErrorResponse();
        res.status(status).json(body);
      }
    }
  });
};
