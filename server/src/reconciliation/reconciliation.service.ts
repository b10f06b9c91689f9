import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import type { AuditChainStatus } from '../audit/audit-chain.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import type { Config } from '../config.js';
import { currentEm } from '../db/unit-of-work.js';
import { runOnce } from '../db/locks.js';
import { gauges, metrics } from '../metrics/metrics.js';
import { DomainError, badInput, notFound, swallowed } from '../shared/errors.js';
import { PAGE_SIZES, pageSize } from '../shared/paging.js';
import { utcDay } from '../finance/finance.rules.js';
import { accountBalancesCheck } from './checks/account-balances.check.js';
import { auditChainCheck } from './checks/audit-chain.check.js';
import { dayBounds, type Check, type CheckOutcome } from './checks/check.js';
import { disputesCheck } from './checks/disputes.check.js';
import { grantsCheck } from './checks/grants.check.js';
import { ledgerAuditCheck } from './checks/ledger-audit.check.js';
import { providerUsageCheck } from './checks/provider-usage.check.js';
import { purchasesFulfilledCheck } from './checks/purchases-fulfilled.check.js';
import { revenueRollForwardCheck } from './checks/revenue-roll-forward.check.js';
import {
  ReconciliationFindingEntity,
  ReconciliationRunEntity,
  type ReconciliationRun,
  type ReconciliationTrigger,
  type StoredFinding,
} from './runs.repository.js';
import { stripeCheck } from './checks/stripe.check.js';
import { usageVsPostingsCheck } from './checks/usage-vs-postings.check.js';
import { zeroSumCheck } from './checks/zero-sum.check.js';
import type { CheckSummary } from './reconciliation.rules.js';

export type { ReconciliationRun, StoredFinding } from './runs.repository.js';

/** pg advisory lock key of the reconciliation job ("cm-recon"). */
const LOCK_KEY = 0x636d2d7265636fn;

export const yesterdayUtc = (now = new Date()) => utcDay(new Date(now.getTime() - 86_400_000));

export interface ReconciliationSources {
  stripe: Stripe | null;
  grantDrift: (limit: number) => Promise<{ accountId: string; posted: bigint; remaining: bigint }[]>;
  verifyAuditChain: () => Promise<AuditChainStatus>;
}

/**
 * Daily (and on-demand) reconciliation of the ledger with itself, with the purchases, with
 * Stripe and with the provider's usage report: one check per file under `reconciliation/`.
 * One instance at a time (advisory lock); progress and findings are stored on the run as it
 * goes; every finding increments a metric.
 */
export class ReconciliationService {
  private readonly checks: Check[];

  constructor(
    private readonly em: EntityManager,
    config: Config,
    private readonly log: Logger,
    sources: ReconciliationSources,
  ) {
    this.checks = [
      accountBalancesCheck,
      usageVsPostingsCheck,
      zeroSumCheck,
      purchasesFulfilledCheck,
      disputesCheck,
      grantsCheck(sources.grantDrift),
      revenueRollForwardCheck,
      stripeCheck(sources.stripe),
      providerUsageCheck(config),
      ledgerAuditCheck,
      auditChainCheck(sources.verifyAuditChain, log),
    ];
  }

  private runRepo(em = currentEm(this.em)) {
    return em.getRepository(ReconciliationRunEntity);
  }

  /**
   * Starts a run for `day` (UTC "YYYY-MM-DD", default today) and returns its row at once; `done`
   * settles when it finishes. CONFLICT when another run holds the lock.
   */
  async start(
    trigger: ReconciliationTrigger,
    day: string | null,
    actor: Principal | null,
  ): Promise<{ run: ReconciliationRun; done: Promise<ReconciliationRun> }> {
    const started = await this.startIf(trigger, day ?? utcDay(new Date()), actor, async () => true);
    if (!started) throw new DomainError('CONFLICT', 'A reconciliation run is already in progress');
    // A caller that does not wait never sees the run's end; a failure there is logged and counted.
    started.done.catch((err) => swallowed(err, 'reconciliation.run', this.log));
    return started;
  }

  /**
   * The daily job: runs `day` unless a scheduled run already covered it, deciding under the lock so
   * two instances never both run it. Null when locked elsewhere or already done.
   */
  async runScheduled(day: string): Promise<ReconciliationRun | null> {
    const started = await this.startIf('SCHEDULED', day, null, async () => !(await this.runRepo().hasScheduled(day)));
    return started ? started.done : null;
  }

  /** Starts a run and waits for it. */
  async runNow(trigger: ReconciliationTrigger, day: string, actor: Principal | null): Promise<ReconciliationRun> {
    return (await this.start(trigger, day, actor)).done;
  }

  async run(id: string): Promise<ReconciliationRun> {
    const run = await this.runRepo().byId(id);
    if (!run) throw notFound(`Reconciliation run ${id} not found`);
    return run;
  }

  async runs(first?: number | null): Promise<ReconciliationRun[]> {
    return this.runRepo().newest(pageSize(first, PAGE_SIZES.reconciliationRuns));
  }

  /** `first`: at most 1000; null (a client that did not say) means 100. */
  async findings(runId: string, first: number | null = 1000): Promise<StoredFinding[]> {
    return currentEm(this.em).getRepository(ReconciliationFindingEntity).ofRun(runId, pageSize(first, PAGE_SIZES.findings));
  }

  private async startIf(
    trigger: ReconciliationTrigger,
    day: string,
    actor: Principal | null,
    shouldRun: () => Promise<boolean>,
  ): Promise<{ run: ReconciliationRun; done: Promise<ReconciliationRun> } | null> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
      throw badInput('day must be a date YYYY-MM-DD', { field: 'day' });
    let started!: (id: string) => void;
    const startedId = new Promise<string>((resolve) => (started = resolve));
    const locked = await runOnce(this.em, LOCK_KEY, async (): Promise<ReconciliationRun | null> => {
      if (!(await shouldRun())) {
        started('');
        return null;
      }
      const id = await currentEm(this.em).transactional(async (tem) => {
        const runId = await this.runRepo(tem).start(day, trigger, actor?.keyId ?? null);
        // A person asked for this run: the audit log says who (the schedule's runs are no one's action).
        if (actor)
          await writeAudit(tem, {
            actor,
            action: 'reconciliation.run',
            targetType: 'reconciliation_run',
            targetId: runId,
            after: { day },
          });
        return runId;
      });
      started(id);
      return this.execute(id, day);
    });
    if (!locked) return null;
    const id = await Promise.race([startedId, locked.result.then(() => startedId)]);
    if (!id) return null;
    return { run: await this.run(id), done: locked.result as Promise<ReconciliationRun> };
  }

  private async execute(runId: string, day: string): Promise<ReconciliationRun> {
    // A fork: the run goes on after the request or job that started it has answered.
    const em = this.em.fork();
    const runs = this.runRepo(em);
    const { from, to } = dayBounds(day);
    const summaries: CheckSummary[] = [];
    let mismatches = 0;
    try {
      for (const check of this.checks) {
        await runs.recordProgress(runId, check.name);
        const progress = (done: number, total: number) => runs.recordProgress(runId, check.name, done, total);
        let outcome: CheckOutcome;
        try {
          outcome = await check.run({ runId, day, from, to, em, progress });
        } catch (err) {
          // One failing source (Stripe down) must not hide the others' findings.
          this.log.warn({ err: { message: (err as Error).message }, check: check.name, runId }, 'reconciliation check failed');
          summaries.push({ name: check.name, status: 'FAILED', findings: 0, note: (err as Error).message.slice(0, 300) });
          continue;
        }
        if (!Array.isArray(outcome)) {
          summaries.push({ name: check.name, status: 'SKIPPED', findings: 0, note: outcome.skipped });
          continue;
        }
        await em.getRepository(ReconciliationFindingEntity).store(runId, outcome);
        for (const f of outcome) metrics.reconciliationMismatch(f.check);
        mismatches += outcome.length;
        summaries.push({ name: check.name, status: outcome.length ? 'MISMATCH' : 'OK', findings: outcome.length });
      }
      const status = summaries.some((s) => s.status === 'FAILED') ? 'FAILED' : 'SUCCEEDED';
      await runs.finish(runId, { status, checks: summaries, mismatches });
      metrics.reconciliationRun(status);
      gauges.lastReconciliationMismatches.set(mismatches);
      if (mismatches) this.log.warn({ runId, day, mismatches }, 'reconciliation found mismatches');
    } catch (err) {
      this.log.error({ err: { message: (err as Error).message }, runId }, 'reconciliation run failed');
      await runs
        .finish(runId, { status: 'FAILED', checks: summaries, mismatches, error: (err as Error).message })
        .catch((e) => swallowed(e, 'reconciliation.finish-run', this.log));
      metrics.reconciliationRun('FAILED');
    }
    return this.run(runId);
  }
}
