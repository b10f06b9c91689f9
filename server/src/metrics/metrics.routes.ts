import type { Express, Request } from 'express';
import { bearer } from '../auth/bearer.js';
import { metricsAccess } from '../auth/policy.js';
import { sqlOf, toBigInt } from '../db/sql.js';
import { currentEm } from '../db/unit-of-work.js';
import { toUsdNumber } from '../money/money.js';
import { utcDay } from '../finance/finance.rules.js';
import type { Services } from '../services.js';
import { credits, gauges, metricsRegistry } from './metrics.js';

/** Samples the gauges from accounts, holds and the finance rollups (cheap, indexed reads). */
export async function sampleGauges(services: Services): Promise<void> {
  const sql = sqlOf(currentEm(services.orm.em));
  const [a] = await sql.query<Record<string, string | null>>(
    `select coalesce(sum(posted), 0) total, coalesce(sum(posted) filter (where posted > 0), 0) positive,
            count(*) filter (where posted > 0) active, count(*) filter (where posted < 0) negative,
            coalesce(sum(pending), 0) pending
       from accounts where kind <> 'SYSTEM'`,
  );
  gauges.activeBalance.set(credits(toBigInt(a.positive)));
  gauges.activeAccounts.set(Number(a.active));
  gauges.outstandingLiabilityMillicredits.set(Number(toBigInt(a.total)));
  gauges.outstandingLiability.set(toUsdNumber(toBigInt(a.total)));
  gauges.negativeBalances.set(Number(a.negative));
  gauges.holdsPendingMillicredits.set(Number(toBigInt(a.pending)));
  const [h] = await sql.query<{ n: string }>(`select count(*) n from holds where state = 'HELD'`);
  gauges.holdsPending.set(Number(h.n));
  const now = new Date();
  const today = utcDay(now);
  const yesterday = utcDay(new Date(now.getTime() - 86_400_000));
  const days = await services.finance.daily(new Date(`${yesterday}T00:00:00Z`), new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000));
  gauges.grossMarginToday.reset();
  gauges.revenueToday.reset();
  for (const d of days) {
    const label = d.date === today ? 'today' : 'yesterday';
    gauges.grossMarginToday.set({ day: label }, toUsdNumber(d.revenueMillicredits - d.costMicroUsd));
    gauges.revenueToday.set({ day: label }, toUsdNumber(d.revenueMillicredits));
  }
  const state = await services.finance.rollupState();
  gauges.rollupLagRows.set(Number(state.lagRows));
  // From the table, so a restarted instance still reports the last run's findings.
  const [run] = await sql.query<{ n: number }>(
    `select mismatch_count as n from reconciliation_runs where status <> 'RUNNING' order by finished_at desc nulls last limit 1`,
  );
  gauges.lastReconciliationMismatches.set(run ? Number(run.n) : 0);
}

/** A caller on this host, connected directly: the socket's address, never a forwarded header. */
export function isLoopbackCaller(req: Pick<Request, 'socket' | 'headers'>): boolean {
  if (req.headers['x-forwarded-for'] || req.headers.forwarded) return false; // a local reverse proxy relays outsiders
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address);
}

/**
 * `GET /metrics` in Prometheus text format (it shows revenue and liability): with METRICS_TOKEN
 * set, only its bearer; without it, anyone in development but only loopback callers in production.
 */
export function metricsRoutes(app: Express, services: Services): void {
  app.get('/metrics', async (req, res) => {
    const access = metricsAccess({
      token: services.config.METRICS_TOKEN,
      bearer: bearer(req.headers.authorization),
      production: services.config.isProduction,
      loopback: isLoopbackCaller(req),
    });
    if (access === 'UNAUTHENTICATED') {
      res.status(401).type('text/plain').send('unauthorized\n');
      return;
    }
    if (access === 'FORBIDDEN') {
      res.status(403).type('text/plain').send('forbidden: set METRICS_TOKEN to scrape from another host\n');
      return;
    }
    try {
      await sampleGauges(services);
    } catch (err) {
      // Counters are still worth serving when the database is slow or down.
      services.log.warn({ err: { message: (err as Error).message } }, 'metrics: sampling gauges failed');
    }
    res.setHeader('content-type', metricsRegistry.contentType);
    res.send(await metricsRegistry.metrics());
  });
}
