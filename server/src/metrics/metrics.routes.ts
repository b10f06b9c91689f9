import type { Express, Request } from 'express';
import { bearer } from '../auth/bearer.js';
import { metricsAccess } from '../auth/policy.js';
import { currentEm } from '../db/unit-of-work.js';
import { toUsdNumber } from '../money/money.js';
import { utcDay } from '../finance/finance.rules.js';
import type { Services } from '../services.js';
import { swallowed } from '../shared/errors.js';
import { credits, gauges, metricsRegistry } from './metrics.js';
import { balanceTotals, heldCount, lastReconciliationMismatches } from './queries/gauge-sources.js';

/** Samples the gauges from accounts, holds and the finance rollups (cheap, indexed reads). */
export async function sampleGauges(services: Services): Promise<void> {
  const em = currentEm(services.orm.em);
  const a = await balanceTotals(em);
  gauges.activeBalance.set(credits(a.positive));
  gauges.activeAccounts.set(a.active);
  gauges.outstandingLiabilityMillicredits.set(Number(a.total));
  gauges.outstandingLiability.set(toUsdNumber(a.total));
  gauges.negativeBalances.set(a.negative);
  gauges.holdsPendingMillicredits.set(Number(a.pending));
  gauges.holdsPending.set(await heldCount(em));
  const now = new Date();
  const today = utcDay(now);
  const yesterday = utcDay(new Date(now.getTime() - 86_400_000));
  const days = await services.finance.daily(new Date(`${yesterday}T00:00:00Z`), new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000));
  gauges.grossMarginToday.reset();
  gauges.revenueToday.reset();
  for (const d of days) {
    const label = d.date === today ? 'today' : 'yesterday';
    gauges.grossMarginToday.set({ day: label }, d.marginUsd);
    gauges.revenueToday.set({ day: label }, d.revenueUsd);
  }
  const state = await services.finance.rollupState();
  gauges.rollupLagRows.set(Number(state.lagRows));
  gauges.lastReconciliationMismatches.set(await lastReconciliationMismatches(em));
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
      swallowed(err, 'metrics.sampleGauges', services.log);
    }
    res.setHeader('content-type', metricsRegistry.contentType);
    res.send(await metricsRegistry.metrics());
  });
}
