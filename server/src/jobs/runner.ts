import type { EntityManager } from '@mikro-orm/postgresql';
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { inUnitOfWork } from '../db/unit-of-work.js';
import { swallowed } from '../shared/errors.js';

export interface Job {
  name: string;
  /** Either a period in milliseconds or a cron pattern (UTC). */
  every?: number;
  cron?: string;
  run?: () => Promise<unknown>;
  /** Or a long-running worker with its own wake-ups (the outbox delivery): started here, stopped by `stop()`. */
  worker?: { start(): void; stop(): Promise<void> };
}

/** How long shutdown waits for job runs in flight. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface JobRunner {
  /**
   * Stops every schedule and waits for the runs in flight, at most `graceMs`: a run still going
   * then (its database gone, say, when Ctrl-C reached the embedded PostgreSQL too) is left to
   * the process exit. Runs are idempotent and transactional, so nothing half-done is kept.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs each job on its schedule, never two runs of one job at once in this process (a run that
 * outlasts its period delays the next). Across instances, a job that must run once takes an
 * advisory lock (`AdvisoryLocks`). A failed run is logged and the schedule goes on. Timers never
 * keep the process alive; `stop()` is what shutdown calls. With `em`, each run is one unit of work
 * (`inUnitOfWork`): the services it calls share one EntityManager, dropped when the run ends.
 */
export function startJobs(jobs: Job[], log: Logger, em?: EntityManager): JobRunner {
  const inFlight = new Map<Promise<void>, string>();
  const stops: Array<() => void> = [];
  let stopped = false;

  const runOnce = (job: Job): Promise<void> => {
    const started = em ? inUnitOfWork(em, () => job.run!()) : job.run!();
    const run = started
      .then(() => undefined)
      // A failed run is logged and counted; the next tick runs the job again.
      .catch((err: unknown) => swallowed(err, 'jobs.run', log.child({ job: job.name })))
      .finally(() => inFlight.delete(run));
    inFlight.set(run, job.name);
    return run;
  };

  for (const job of jobs) {
    if (job.worker) {
      const worker = job.worker;
      worker.start();
      stops.push(() => {
        inFlight.set(worker.stop(), job.name);
      });
    } else if (job.cron) {
      const cron = new Cron(job.cron, { timezone: 'UTC', protect: true, unref: true, name: job.name }, () => runOnce(job));
      stops.push(() => cron.stop());
    } else if (job.every && job.every > 0) {
      const period = job.every;
      let timer: NodeJS.Timeout;
      const tick = () => {
        void runOnce(job).then(() => {
          if (!stopped) timer = setTimeout(tick, period).unref();
        });
      };
      timer = setTimeout(tick, period).unref();
      stops.push(() => clearTimeout(timer));
    }
  }
  log.debug({ jobs: jobs.map((j) => j.name) }, 'jobs scheduled');

  return {
    async stop(graceMs = SHUTDOWN_GRACE_MS) {
      stopped = true;
      for (const stop of stops) stop();
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs).unref()));
      const outcome = await Promise.race([Promise.all(inFlight.keys()), graceOver]);
      clearTimeout(timer);
      if (outcome === 'late')
        log.warn({ jobs: [...new Set(inFlight.values())], graceMs }, 'jobs still running at shutdown: left to the exit');
    },
  };
}
