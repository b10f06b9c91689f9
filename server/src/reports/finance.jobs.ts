import type { Express } from 'express';
import type { Services } from '../services.js';
import { yesterdayUtc } from './reconciliation.service.js';

/**
 * Background jobs of the finance module, started with the HTTP routes: the rollup every few
 * seconds, and the daily reconciliation of yesterday (UTC) once per day across all instances
 * (advisory lock + "already done" check under it). Timers are unref'd: they never keep the
 * process alive. Off when FINANCE_JOBS=false (and by default under NODE_ENV=test).
 */
export function financeJobs(_app: Express, services: Services): void {
  const { config, log } = services;
  const enabled = config.FINANCE_JOBS ? config.FINANCE_JOBS === 'true' : config.NODE_ENV !== 'test';
  if (!enabled) return;
  let rolling = false;
  const rollup = setInterval(() => {
    if (rolling) return;
    rolling = true;
    services.finance
      .rollup()
      .catch((err) => log.warn({ err: { message: (err as Error).message } }, 'finance rollup failed'))
      .finally(() => (rolling = false));
  }, config.FINANCE_ROLLUP_INTERVAL_MS);
  rollup.unref();

  let reconciling = false;
  const daily = setInterval(() => {
    if (reconciling) return;
    reconciling = true;
    services.reconciliation
      .runScheduled(yesterdayUtc())
      .then((run) => run && log.info({ runId: run.id, day: run.day, mismatches: run.mismatchCount, status: run.status }, 'daily reconciliation finished'))
      .catch((err) => log.warn({ err: { message: (err as Error).message } }, 'daily reconciliation failed to start'))
      .finally(() => (reconciling = false));
  }, 10 * 60_000);
  daily.unref();
}
