import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import type { Principal } from '../auth/roles.js';
import { createStripeClient } from '../billing/stripe.client.js';
import type { Config } from '../config.js';
import { sqlOf, toBigInt, type Sql } from '../db/sql.js';
import { gauges, metrics } from '../metrics/metrics.js';
import { DomainError, badInput, notFound } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import type { AdvisoryLocks } from '../jobs/advisory-lock.js';
import { verifyAuditChain } from '../audit/audit-chain.js';
import { utcDay } from './finance.rules.js';
import {
  compareProviderUsage,
  compareStripeCharges,
  type CheckSummary,
  type Finding,
  type ModelTokens,
  type PurchaseLite,
  type StripeChargeLite,
} from './reconciliation.rules.js';

/** pg advisory lock key of the reconciliation job ("cm-recon"). */
const LOCK_KEY = 0x636d2d7265636fn;
const ACCOUNT_BATCH = 500;

export const RECONCILIATION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

export interface ReconciliationRun {
  id: string;
  day: string;
  trigger: 'SCHEDULED' | 'MANUAL';
  status: ReconciliationStatus;
  step: string | null;
  progressDone: number;
  progressTotal: number;
  checks: CheckSummary[];
  mismatchCount: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface StoredFinding extends Finding {
  id: string;
  runId: string;
  createdAt: Date;
}

const toRun = (r: Record<string, unknown>): ReconciliationRun => ({
  id: r.id as string,
  day: r.day as string,
  trigger: r.trigger as ReconciliationRun['trigger'],
  status: r.status as ReconciliationRun['status'],
  step: (r.step as string | null) ?? null,
  progressDone: Number(r.progress_done),
  progressTotal: Number(r.progress_total),
  checks: (r.checks as CheckSummary[]) ?? [],
  mismatchCount: Number(r.mismatch_count),
  error: (r.error as string | null) ?? null,
  startedAt: new Date(r.started_at as string),
  finishedAt: r.finished_at ? new Date(r.finished_at as string) : null,
});

const RUN_COLUMNS = `id, day::text as day, trigger, status, step, progress_done, progress_total, checks, mismatch_count, error, started_at, finished_at`;

const dayBounds = (day: string) => ({ from: new Date(`${day}T00:00:00Z`), to: new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000) });

/**
 * Daily (and on-demand) reconciliation of the ledger with itself, with the purchases, with
 * Stripe and with the provider's usage report. One instance at a time (advisory lock); progress
 * and findings are stored on the run as it goes; every finding increments a metric.
 */
export class ReconciliationService {
  private readonly stripe: Stripe | null;

  constructor(
    private readonly em: EntityManager,
    private readonly config: Config,
    private readonly log: Logger,
    private readonly locks: AdvisoryLocks,
  ) {
    this.stripe = createStripeClient(config);
  }

  private sql(): Sql {
    return sqlOf(this.em.fork());
  }

  /**
   * Starts a run for `day` (UTC, "YYYY-MM-DD") and returns its row at once; `done` settles when it
   * finishes. CONFLICT when another run holds the lock.
   */
  async start(
    trigger: 'SCHEDULED' | 'MANUAL',
    day: string,
    actor: Principal | null,
  ): Promise<{ run: ReconciliationRun; done: Promise<ReconciliationRun> }> {
    const started = await this.startIf(trigger, day, actor, async () => true);
    if (!started) throw new DomainError('CONFLICT', 'A reconciliation run is already in progress');
    return started;
  }

  /**
   * The daily job: runs `day` unless a scheduled run already covered it, deciding under the lock so
   * two instances never both run it. Null when locked elsewhere or already done.
   */
  async runScheduled(day: string): Promise<ReconciliationRun | null> {
    const started = await this.startIf('SCHEDULED', day, null, async () => !(await this.hasScheduledRun(day)));
    return started ? started.done : null;
  }

  private async startIf(
    trigger: 'SCHEDULED' | 'MANUAL',
    day: string,
    actor: Principal | null,
    shouldRun: () => Promise<boolean>,
  ): Promise<{ run: ReconciliationRun; done: Promise<ReconciliationRun> } | null> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw badInput('day must be a date YYYY-MM-DD', { field: 'day' });
    let started!: (id: string) => void;
    const startedId = new Promise<string>((resolve) => (started = resolve));
    let skipped = false;
    const locked = await this.locks.tryWith(LOCK_KEY, async (): Promise<ReconciliationRun | null> => {
      if (!(await shouldRun())) {
        skipped = true;
        started('');
        return null;
      }
      const [row] = await this.sql().query<{ id: string }>(
        `insert into reconciliation_runs (day, trigger, status, actor_key_id, step) values (?::date, ?, 'RUNNING', ?::uuid, 'starting') returning id`,
        [day, trigger, actor?.keyId ?? null],
      );
      started(row.id);
      return this.execute(row.id, day);
    });
    if (!locked) return null;
    const id = await Promise.race([startedId, locked.result.then(() => startedId)]);
    if (skipped || !id) return null;
    return { run: await this.run(id), done: locked.result as Promise<ReconciliationRun> };
  }

  /** Starts a run and waits for it. */
  async runNow(trigger: 'SCHEDULED' | 'MANUAL', day: string, actor: Principal | null): Promise<ReconciliationRun> {
    return (await this.start(trigger, day, actor)).done;
  }

  async run(id: string): Promise<ReconciliationRun> {
    const [r] = await this.sql().query(`select ${RUN_COLUMNS} from reconciliation_runs where id = ?::uuid`, [parseId(id, 'id')]);
    if (!r) throw notFound(`Reconciliation run ${id} not found`);
    return toRun(r);
  }

  async runs(limit: number): Promise<ReconciliationRun[]> {
    const rows = await this.sql().query(`select ${RUN_COLUMNS} from reconciliation_runs order by started_at desc, id limit ?::int`, [limit]);
    return rows.map(toRun);
  }

  /** Whether a scheduled run already covered `day` (the daily job runs once per day). */
  async hasScheduledRun(day: string): Promise<boolean> {
    const rows = await this.sql().query(`select 1 from reconciliation_runs where day = ?::date and trigger = 'SCHEDULED' and status <> 'FAILED'`, [day]);
    return rows.length > 0;
  }

  async findings(runId: string, limit = 500): Promise<StoredFinding[]> {
    const rows = await this.sql().query<Record<string, unknown>>(
      `select id, run_id, check_name, account_id, subject, expected, actual, drift_millicredits, drift_tokens, details, created_at
         from reconciliation_findings where run_id = ?::uuid order by id limit ?::int`,
      [parseId(runId, 'runId'), limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      runId: r.run_id as string,
      check: r.check_name as string,
      accountId: (r.account_id as string | null) ?? null,
      subject: (r.subject as string | null) ?? null,
      expected: (r.expected as string | null) ?? null,
      actual: (r.actual as string | null) ?? null,
      driftMillicredits: r.drift_millicredits === null ? null : toBigInt(r.drift_millicredits),
      driftTokens: r.drift_tokens === null ? null : toBigInt(r.drift_tokens),
      details: (r.details as Record<string, unknown> | null) ?? null,
      createdAt: new Date(r.created_at as string),
    }));
  }

  private async execute(runId: string, day: string): Promise<ReconciliationRun> {
    const checks: [string, () => Promise<Finding[] | { skipped: string }>][] = [
      ['account_balances', () => this.checkAccountBalances(runId)],
      ['usage_vs_postings', () => this.checkUsageVsPostings(day)],
      ['postings_zero_sum', () => this.checkZeroSum(day)],
      ['purchases_fulfilled_once', () => this.checkPurchasesFulfilled()],
      ['grants_match_balances', () => this.checkGrants()],
      ['stripe', () => this.checkStripe(day)],
      ['provider_usage', () => this.checkProviderUsage(day)],
      ['audit_chain', () => this.checkAuditChain()],
    ];
    const summaries: CheckSummary[] = [];
    let mismatches = 0;
    try {
      for (const [name, check] of checks) {
        await this.progress(runId, name);
        let outcome: Finding[] | { skipped: string };
        try {
          outcome = await check();
        } catch (err) {
          // One failing source (Stripe down) must not hide the others' findings.
          this.log.warn({ err: { message: (err as Error).message }, check: name, runId }, 'reconciliation check failed');
          summaries.push({ name, status: 'FAILED', findings: 0, note: (err as Error).message.slice(0, 300) });
          continue;
        }
        if (!Array.isArray(outcome)) {
          summaries.push({ name, status: 'SKIPPED', findings: 0, note: outcome.skipped });
          continue;
        }
        await this.store(runId, outcome);
        for (const f of outcome) metrics.reconciliationMismatch(f.check);
        mismatches += outcome.length;
        summaries.push({ name, status: outcome.length ? 'MISMATCH' : 'OK', findings: outcome.length });
      }
      const failed = summaries.some((s) => s.status === 'FAILED');
      await this.sql().query(
        `update reconciliation_runs set status = ?, step = null, checks = ?::jsonb, mismatch_count = ?::int, finished_at = now() where id = ?::uuid`,
        [failed ? 'FAILED' : 'SUCCEEDED', JSON.stringify(summaries), mismatches, runId],
      );
      metrics.reconciliationRun(failed ? 'FAILED' : 'SUCCEEDED');
      gauges.lastReconciliationMismatches.set(mismatches);
      if (mismatches) this.log.warn({ runId, day, mismatches }, 'reconciliation found mismatches');
    } catch (err) {
      this.log.error({ err: { message: (err as Error).message }, runId }, 'reconciliation run failed');
      await this.sql()
        .query(`update reconciliation_runs set status = 'FAILED', error = ?, checks = ?::jsonb, mismatch_count = ?::int, finished_at = now() where id = ?::uuid`, [
          (err as Error).message.slice(0, 500),
          JSON.stringify(summaries),
          mismatches,
          runId,
        ])
        .catch(() => undefined);
      metrics.reconciliationRun('FAILED');
    }
    return this.run(runId);
  }

  private async progress(runId: string, step: string, done?: number, total?: number) {
    await this.sql().query(
      `update reconciliation_runs set step = ?, progress_done = coalesce(?::int, progress_done), progress_total = coalesce(?::int, progress_total) where id = ?::uuid`,
      [step, done ?? null, total ?? null, runId],
    );
  }

  private async store(runId: string, findings: Finding[]) {
    if (!findings.length) return;
    // One insert per finding batch; jsonb_to_recordset keeps it a single statement.
    await this.sql().query(
      `insert into reconciliation_findings (run_id, check_name, account_id, subject, expected, actual, drift_millicredits, drift_tokens, details)
       select ?::uuid, f.check_name, f.account_id, f.subject, f.expected, f.actual, f.drift_millicredits, f.drift_tokens, f.details
         from jsonb_to_recordset(?::jsonb) as f(check_name text, account_id uuid, subject text, expected text, actual text,
              drift_millicredits bigint, drift_tokens bigint, details jsonb)`,
      [
        runId,
        JSON.stringify(
          findings.map((f) => ({
            check_name: f.check,
            account_id: f.accountId ?? null,
            subject: f.subject ?? null,
            expected: f.expected ?? null,
            actual: f.actual ?? null,
            drift_millicredits: f.driftMillicredits?.toString() ?? null,
            drift_tokens: f.driftTokens?.toString() ?? null,
            details: f.details ?? null,
          })),
        ),
      ],
    );
  }

  /** Per account: the sum of its postings equals the cached balance (each batch one snapshot). */
  private async checkAccountBalances(runId: string): Promise<Finding[]> {
    const sql = this.sql();
    const [{ n }] = await sql.query<{ n: string }>(`select count(*) n from accounts where kind <> 'SYSTEM'`);
    const total = Math.max(1, Math.ceil(Number(n) / ACCOUNT_BATCH));
    const findings: Finding[] = [];
    let after = '00000000-0000-0000-0000-000000000000';
    for (let batch = 0; ; batch++) {
      const rows = await sql.query<{ id: string; posted: string; sum: string; last_after: string | null }>(
        `select a.id, a.posted,
                coalesce((select sum(p.amount) from ledger_postings p where p.account_id = a.id), 0) as sum,
                (select p.balance_after from ledger_postings p where p.account_id = a.id order by p.id desc limit 1) as last_after
           from accounts a where a.kind <> 'SYSTEM' and a.id > ?::uuid order by a.id limit ?::int`,
        [after, ACCOUNT_BATCH],
      );
      for (const r of rows) {
        const posted = toBigInt(r.posted);
        const sum = toBigInt(r.sum);
        if (posted !== sum) {
          findings.push({
            check: 'account_balance',
            accountId: r.id,
            subject: r.id,
            expected: `${sum} (sum of postings)`,
            actual: `${posted} (cached balance)`,
            driftMillicredits: posted - sum,
          });
        } else if (r.last_after !== null && toBigInt(r.last_after) !== posted) {
          findings.push({
            check: 'account_balance_after',
            accountId: r.id,
            subject: r.id,
            expected: `${posted} (cached balance)`,
            actual: `${r.last_after} (balance after the last posting)`,
            driftMillicredits: toBigInt(r.last_after) - posted,
          });
        }
      }
      await this.progress(runId, 'account_balances', Math.min(batch + 1, total), total);
      if (rows.length < ACCOUNT_BATCH) break;
      after = rows[rows.length - 1].id;
    }
    return findings;
  }

  /** For the day: every usage row is matched by a USAGE posting of the same amount, and the totals agree. */
  private async checkUsageVsPostings(day: string): Promise<Finding[]> {
    const { from, to } = dayBounds(day);
    const sql = this.sql();
    const findings: Finding[] = [];
    const rows = await sql.query<{ id: string; account_id: string; charged: string; posted: string | null }>(
      `select u.id, u.account_id, u.charged, -p.amount as posted
         from usage_records u
         left join ledger_postings p on p.transaction_id = u.transaction_id and p.account_id = u.account_id
        where u.created_at >= ?::timestamptz and u.created_at < ?::timestamptz and (p.id is null or -p.amount <> u.charged)
        limit 1000`,
      [from.toISOString(), to.toISOString()],
    );
    for (const r of rows) {
      findings.push({
        check: 'usage_row_posting',
        accountId: r.account_id,
        subject: r.id,
        expected: `${r.charged} charged`,
        actual: r.posted === null ? 'no posting' : `${r.posted} posted`,
        driftMillicredits: toBigInt(r.posted) - toBigInt(r.charged),
      });
    }
    const orphans = await sql.query<{ id: string; account_id: string; amount: string }>(
      `select t.id, t.account_id, (select -p.amount from ledger_postings p where p.transaction_id = t.id and p.account_id = t.account_id) amount
         from ledger_transactions t
        where t.type = 'USAGE' and t.created_at >= ?::timestamptz and t.created_at < ?::timestamptz
          and not exists (select 1 from usage_records u where u.transaction_id = t.id)
        limit 1000`,
      [from.toISOString(), to.toISOString()],
    );
    for (const r of orphans) {
      findings.push({ check: 'usage_posting_without_row', accountId: r.account_id, subject: r.id, expected: 'a usage row', actual: 'none', driftMillicredits: toBigInt(r.amount) });
    }
    const [totals] = await sql.query<{ charged: string; posted: string }>(
      `select (select coalesce(sum(charged), 0) from usage_records where created_at >= ?::timestamptz and created_at < ?::timestamptz) charged,
              (select coalesce(-sum(p.amount), 0) from ledger_postings p join ledger_transactions t on t.id = p.transaction_id and t.type = 'USAGE'
                 join accounts a on a.id = p.account_id and a.kind <> 'SYSTEM'
                where t.created_at >= ?::timestamptz and t.created_at < ?::timestamptz) posted`,
      [from.toISOString(), to.toISOString(), from.toISOString(), to.toISOString()],
    );
    if (toBigInt(totals.charged) !== toBigInt(totals.posted) && findings.length === 0) {
      findings.push({
        check: 'usage_day_total',
        subject: day,
        expected: `${totals.charged} charged by usage rows`,
        actual: `${totals.posted} posted by USAGE entries`,
        driftMillicredits: toBigInt(totals.posted) - toBigInt(totals.charged),
      });
    }
    return findings;
  }

  /** All postings ever sum to zero, and every transaction of the day is balanced. */
  private async checkZeroSum(day: string): Promise<Finding[]> {
    const { from, to } = dayBounds(day);
    const sql = this.sql();
    const findings: Finding[] = [];
    const [all] = await sql.query<{ s: string }>(`select coalesce(sum(amount), 0) s from ledger_postings`);
    if (toBigInt(all.s) !== 0n) {
      findings.push({ check: 'postings_zero_sum', subject: 'all postings', expected: '0', actual: all.s, driftMillicredits: toBigInt(all.s) });
    }
    const unbalanced = await sql.query<{ transaction_id: string; s: string }>(
      `select transaction_id, sum(amount) s from ledger_postings where created_at >= ?::timestamptz and created_at < ?::timestamptz
        group by transaction_id having sum(amount) <> 0 limit 1000`,
      [from.toISOString(), to.toISOString()],
    );
    for (const u of unbalanced) {
      findings.push({ check: 'transaction_unbalanced', subject: u.transaction_id, expected: '0', actual: u.s, driftMillicredits: toBigInt(u.s) });
    }
    return findings;
  }

  /** The audit log's hash chain verifies end to end; its head hash goes out as a metric. */
  private async checkAuditChain(): Promise<Finding[]> {
    const status = await verifyAuditChain(this.em);
    metrics.auditChainVerified(status);
    if (status.ok) return [];
    return [
      {
        check: 'audit_chain_broken',
        subject: status.firstBrokenId,
        expected: 'every audit row linked to the one before it, with its own content hash',
        actual: `broken at audit row ${status.firstBrokenId ?? '(chain head)'}`,
        details: { entries: status.entries, headHash: status.headHash },
      },
    ];
  }

  /** Grants: the unspent remainders of an account add up to its balance (zero when negative). */
  private async checkGrants(): Promise<Finding[] | { skipped: string }> {
    const sql = this.sql();
    const [t] = await sql.query<{ t: string | null }>(`select to_regclass('public.grants')::text as t`);
    if (!t?.t) return { skipped: 'no grants table' };
    const rows = await sql.query<{ id: string; posted: string; remaining: string }>(
      `select a.id, a.posted, coalesce(g.remaining, 0) remaining
         from accounts a left join (select account_id, sum(remaining) remaining from grants where remaining > 0 group by account_id) g on g.account_id = a.id
        where a.kind <> 'SYSTEM' and greatest(a.posted, 0) <> coalesce(g.remaining, 0)
        limit 1000`,
    );
    return rows.map((r) => ({
      check: 'grants_balance',
      accountId: r.id,
      subject: r.id,
      expected: `${toBigInt(r.posted) > 0n ? r.posted : '0'} (balance)`,
      actual: `${r.remaining} (sum of grant remainders)`,
      driftMillicredits: toBigInt(r.remaining) - (toBigInt(r.posted) > 0n ? toBigInt(r.posted) : 0n),
    }));
  }

  private async hasPurchases(sql: Sql): Promise<boolean> {
    const [t] = await sql.query<{ t: string | null }>(`select to_regclass('public.purchases')::text as t`);
    return Boolean(t?.t);
  }

  /**
   * Every paid purchase has exactly one PURCHASE entry, the one it points at, crediting what the
   * purchase says; and no PURCHASE entry points at a purchase that does not claim it.
   */
  private async checkPurchasesFulfilled(): Promise<Finding[] | { skipped: string }> {
    const sql = this.sql();
    if (!(await this.hasPurchases(sql))) return { skipped: 'no purchases table (billing not installed)' };
    const rows = await sql.query<Record<string, string | null>>(
      `with entries as (
         select t.reference_id, count(*) n, min(t.id::text) first_id, sum(p.amount) credited
           from ledger_transactions t join ledger_postings p on p.transaction_id = t.id and p.account_id = t.account_id
          where t.type = 'PURCHASE' and t.reference_id is not null group by t.reference_id
       )
       select pu.id, pu.account_id, pu.status, pu.credits, pu.transaction_id, e.n, e.first_id, e.credited
         from purchases pu left join entries e on e.reference_id = pu.id::text
        where (pu.status in ('FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED')
               and (e.n is distinct from 1 or pu.transaction_id is null or pu.transaction_id::text <> e.first_id or e.credited <> pu.credits))
           or (pu.status not in ('FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED') and e.n is not null)
        limit 1000`,
    );
    const findings: Finding[] = rows.map((r) => {
      const n = r.n === null ? 0 : Number(r.n);
      const paid = ['FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED'].includes(r.status as string);
      const check = !paid ? 'purchase_fulfilled_but_not_paid' : n === 0 ? 'purchase_not_fulfilled' : n > 1 ? 'purchase_fulfilled_twice' : 'purchase_fulfilment_mismatch';
      return {
        check,
        accountId: r.account_id,
        subject: r.id,
        expected: paid ? `one PURCHASE entry of ${r.credits}` : `no PURCHASE entry (status ${r.status})`,
        actual: `${n} PURCHASE entries${r.credited ? ` crediting ${r.credited}` : ''}`,
        driftMillicredits: toBigInt(r.credited) - (paid ? toBigInt(r.credits) : 0n),
        details: { status: r.status, transactionId: r.transaction_id },
      };
    });
    const orphans = await sql.query<{ id: string; account_id: string; reference_id: string | null; amount: string }>(
      `select t.id, t.account_id, t.reference_id, (select p.amount from ledger_postings p where p.transaction_id = t.id and p.account_id = t.account_id) amount
         from ledger_transactions t
        where t.type = 'PURCHASE' and not exists (select 1 from purchases pu where pu.id::text = t.reference_id)
        limit 1000`,
    );
    for (const o of orphans) {
      findings.push({
        check: 'purchase_entry_without_purchase',
        accountId: o.account_id,
        subject: o.id,
        expected: 'a purchase row',
        actual: o.reference_id ? `no purchase ${o.reference_id}` : 'no reference',
        driftMillicredits: toBigInt(o.amount),
      });
    }
    return findings;
  }

  /** Three-way: the day's Stripe charges and refunds (listed through the SDK) vs purchases and REFUND entries. */
  private async checkStripe(day: string): Promise<Finding[] | { skipped: string }> {
    if (!this.stripe) return { skipped: 'STRIPE_SECRET_KEY is not set' };
    const sql = this.sql();
    if (!(await this.hasPurchases(sql))) return { skipped: 'no purchases table (billing not installed)' };
    const { from, to } = dayBounds(day);
    const secs = (d: Date) => Math.floor(d.getTime() / 1000);
    const lite = (c: Stripe.Charge): StripeChargeLite => ({
      id: c.id,
      amountCents: BigInt(c.amount),
      amountRefundedCents: BigInt(c.amount_refunded ?? 0),
      paymentIntentId: typeof c.payment_intent === 'string' ? c.payment_intent : (c.payment_intent?.id ?? null),
      purchaseIdFromMetadata: c.metadata?.purchase_id ?? null,
      created: new Date(c.created * 1000),
    });
    const paid = (c: Stripe.Charge) => c.paid && c.status === 'succeeded';
    // A day either side, so a purchase fulfilled just after midnight still finds its charge.
    const around = await collect(this.stripe.charges.list({ created: { gte: secs(from) - 86_400, lt: secs(to) + 86_400 }, limit: 100 }));
    const charges = around.filter((c) => paid(c) && c.created >= secs(from) && c.created < secs(to)).map(lite);
    // Refunds of the day may belong to older charges: check those charges' refunded totals too.
    const refunds = await collect(this.stripe.refunds.list({ created: { gte: secs(from), lt: secs(to) }, limit: 100, expand: ['data.charge'] }));
    const seen = new Set(charges.map((c) => c.id));
    for (const r of refunds) {
      if (r.status !== 'succeeded' || !r.charge || typeof r.charge === 'string') continue;
      if (!seen.has(r.charge.id)) {
        seen.add(r.charge.id);
        charges.push(lite(r.charge));
      }
    }
    const intents = charges.map((c) => c.paymentIntentId).filter((x): x is string => Boolean(x));
    const metaIds = charges.map((c) => c.purchaseIdFromMetadata).filter((x): x is string => Boolean(x && /^[0-9a-f-]{36}$/i.test(x)));
    const purchaseRows = await sql.query<Record<string, string | null>>(
      `select id, account_id, status, kind, credits, amount_paid_cents, refunded_cents, stripe_payment_intent_id, transaction_id
         from purchases
        where stripe_payment_intent_id = any(?::text[]) or id = any(?::uuid[])
           or (status in ('FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED') and fulfilled_at >= ?::timestamptz and fulfilled_at < ?::timestamptz)`,
      [`{${intents.map((i) => `"${i.replace(/"/g, '')}"`).join(',')}}`, `{${metaIds.join(',')}}`, from.toISOString(), to.toISOString()],
    );
    const toLite = (r: Record<string, string | null>): PurchaseLite => ({
      id: r.id as string,
      accountId: r.account_id as string,
      status: r.status as string,
      kind: r.kind as string,
      credits: toBigInt(r.credits),
      amountPaidCents: r.amount_paid_cents === null ? null : toBigInt(r.amount_paid_cents),
      refundedCents: toBigInt(r.refunded_cents),
      paymentIntentId: r.stripe_payment_intent_id,
      transactionId: r.transaction_id,
    });
    const purchases = purchaseRows.map(toLite);
    const byIntent = new Map(purchases.filter((p) => p.paymentIntentId).map((p) => [p.paymentIntentId as string, p]));
    const byId = new Map(purchases.map((p) => [p.id, p]));
    const { from: f0, to: t0 } = { from: from.getTime(), to: to.getTime() };
    const fulfilledRows = await sql.query<Record<string, string | null>>(
      `select id, account_id, status, kind, credits, amount_paid_cents, refunded_cents, stripe_payment_intent_id, transaction_id
         from purchases where status in ('FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED') and fulfilled_at >= ?::timestamptz and fulfilled_at < ?::timestamptz`,
      [new Date(f0).toISOString(), new Date(t0).toISOString()],
    );
    const aroundIntents = new Set(around.filter(paid).map((c) => lite(c).paymentIntentId).filter((x): x is string => Boolean(x)));
    return compareStripeCharges(charges, { byIntent, byId }, fulfilledRows.map(toLite), aroundIntents);
  }

  /**
   * The provider's own usage report (OpenAI organization usage API, admin key) vs the day's usage
   * rows per model. Models are matched by name as the provider reports them.
   */
  private async checkProviderUsage(day: string): Promise<Finding[] | { skipped: string }> {
    const adminKey = this.config.OPENAI_ADMIN_KEY;
    if (!adminKey) return { skipped: 'OPENAI_ADMIN_KEY is not set' };
    const { from, to } = dayBounds(day);
    const base = (this.config.OPENAI_BASE_URL ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
    const theirs = new Map<string, ModelTokens>();
    let page: string | null = null;
    for (let i = 0; i < 100; i++) {
      const url = new URL(`${base}/organization/usage/completions`);
      url.searchParams.set('start_time', String(Math.floor(from.getTime() / 1000)));
      url.searchParams.set('end_time', String(Math.floor(to.getTime() / 1000)));
      url.searchParams.set('bucket_width', '1d');
      url.searchParams.append('group_by', 'model');
      url.searchParams.set('limit', '31');
      if (page) url.searchParams.set('page', page);
      const res = await fetch(url, { headers: { authorization: `Bearer ${adminKey}` }, signal: AbortSignal.timeout(20_000) });
      if (!res.ok) throw new Error(`OpenAI usage API answered ${res.status}`);
      const body = (await res.json()) as {
        data?: { results?: { model?: string | null; input_tokens?: number; input_cached_tokens?: number; output_tokens?: number; num_model_requests?: number }[] }[];
        has_more?: boolean;
        next_page?: string | null;
      };
      for (const bucket of body.data ?? []) {
        for (const r of bucket.results ?? []) {
          const model = r.model ?? 'unknown';
          const t = theirs.get(model) ?? { model, inputTokens: 0n, cachedInputTokens: 0n, outputTokens: 0n, requests: 0n };
          t.inputTokens += BigInt(r.input_tokens ?? 0);
          t.cachedInputTokens += BigInt(r.input_cached_tokens ?? 0);
          t.outputTokens += BigInt(r.output_tokens ?? 0);
          t.requests += BigInt(r.num_model_requests ?? 0);
          theirs.set(model, t);
        }
      }
      if (!body.has_more || !body.next_page) break;
      page = body.next_page;
    }
    const sql = this.sql();
    const ours = await sql.query<Record<string, string>>(
      `select model, sum(input_tokens + cached_input_tokens) i, sum(cached_input_tokens) c, sum(output_tokens) o, count(*) n,
              max(input_per1k) ir, max(cached_input_per1k) cr, max(output_per1k) orr
         from usage_records where created_at >= ?::timestamptz and created_at < ?::timestamptz group by model`,
      [from.toISOString(), to.toISOString()],
    );
    const rates = new Map(ours.map((r) => [r.model, { inputPer1k: toBigInt(r.ir), cachedInputPer1k: toBigInt(r.cr), outputPer1k: toBigInt(r.orr) }]));
    return compareProviderUsage(
      ours.map((r) => ({ model: r.model, inputTokens: toBigInt(r.i), cachedInputTokens: toBigInt(r.c), outputTokens: toBigInt(r.o), requests: toBigInt(r.n) })),
      [...theirs.values()],
      (model) => rates.get(model) ?? null,
    );
  }
}

/** Every item of an auto-paginating Stripe list (the SDK's toArray stops at 10,000). */
async function collect<T>(list: AsyncIterable<T>, max = 1_000_000): Promise<T[]> {
  const out: T[] = [];
  for await (const item of list) {
    out.push(item);
    if (out.length >= max) throw new Error(`more than ${max} Stripe objects in one day`);
  }
  return out;
}

export const yesterdayUtc = (now = new Date()) => utcDay(new Date(now.getTime() - 86_400_000));
