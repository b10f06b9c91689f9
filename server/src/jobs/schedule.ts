import type { Services } from '../services.js';
import { grantExpiryIntervalMs } from '../grants/grants.module.js';
import { yesterdayUtc } from '../reconciliation/reconciliation.service.js';
import type { Job } from './runner.js';

/** A full batch from `releaseExpired`: there may be more overdue holds behind it. */
const HOLD_EXPIRY_BATCH = 500;
/** How long a 402 may sit in one instance's memory before it reaches `refusals_daily`. */
const REFUSALS_FLUSH_MS = 10_000;

/**
 * Every periodic job, from configuration. Finance jobs are on by default and off under
 * NODE_ENV=test unless FINANCE_JOBS says otherwise; a period of 0 switches a job off.
 */
export function scheduledJobs(services: Services): Job[] {
  const { config, log } = services;
  const financeJobs = config.FINANCE_JOBS ? config.FINANCE_JOBS === 'true' : config.NODE_ENV !== 'test';
  const jobs: Job[] = [
    {
      name: 'hold-expiry',
      every: config.HOLD_EXPIRY_INTERVAL_MS,
      run: async () => {
        while ((await services.holds.releaseExpired(HOLD_EXPIRY_BATCH)) === HOLD_EXPIRY_BATCH) {
          /* drain a backlog batch by batch */
        }
      },
    },
    { name: 'grant-expiry', every: grantExpiryIntervalMs(config), run: () => services.grants.expireDueLocked() },
    // credits.expiring 7 days and 1 day ahead; each notice is claimed once, so every instance may run it.
    { name: 'grant-expiry-notices', every: grantExpiryIntervalMs(config), run: () => services.grants.notifyExpiring() },
    { name: 'refusals-flush', every: REFUSALS_FLUSH_MS, run: () => services.refusals.flush() },
  ];
  // Woken at commit of every outbox event (NOTIFY), polling as a backstop; see notify/delivery.worker.ts.
  if (services.notify.workerEnabled) jobs.push({ name: 'outbox-delivery', worker: services.notify.worker });
  if (financeJobs) {
    jobs.push({ name: 'finance-rollup', every: config.FINANCE_ROLLUP_INTERVAL_MS, run: () => services.finance.rollup() });
    if (config.RECONCILIATION_CRON !== 'off')
      jobs.push({
        // Every ten minutes: yesterday's run happens once (lock + "already done" under it), and a
        // day missed while every instance was down is caught up by the next tick.
        name: 'daily-reconciliation',
        cron: config.RECONCILIATION_CRON,
        run: async () => {
          const run = await services.reconciliation.runScheduled(yesterdayUtc());
          if (run)
            log.info({ runId: run.id, day: run.day, mismatches: run.mismatchCount, status: run.status }, 'daily reconciliation finished');
        },
      });
  }
  return jobs;
}
