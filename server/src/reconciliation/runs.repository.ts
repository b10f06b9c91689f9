import { type Sql } from '../db/sql.js';
import { toBigInt } from '../db/values.js';
import type { CheckSummary, Finding } from './reconciliation.rules.js';

export const RECONCILIATION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];
export type ReconciliationTrigger = 'SCHEDULED' | 'MANUAL';

export interface ReconciliationRun {
  id: string;
  day: string;
  trigger: ReconciliationTrigger;
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

const RUN_COLUMNS = `id, day::text as day, trigger, status, step, progress_done, progress_total, checks, mismatch_count, error, started_at, finished_at`;

const toRun = (r: Record<string, unknown>): ReconciliationRun => ({
  id: r.id as string,
  day: r.day as string,
  trigger: r.trigger as ReconciliationTrigger,
  status: r.status as ReconciliationStatus,
  step: (r.step as string | null) ?? null,
  progressDone: Number(r.progress_done),
  progressTotal: Number(r.progress_total),
  checks: (r.checks as CheckSummary[]) ?? [],
  mismatchCount: Number(r.mismatch_count),
  error: (r.error as string | null) ?? null,
  startedAt: new Date(r.started_at as string),
  finishedAt: r.finished_at ? new Date(r.finished_at as string) : null,
});

export async function insertRun(sql: Sql, day: string, trigger: ReconciliationTrigger, actorKeyId: string | null): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into reconciliation_runs (day, trigger, status, actor_key_id, step) values (?::date, ?, 'RUNNING', ?::uuid, 'starting') returning id`,
    [day, trigger, actorKeyId],
  );
  return row.id;
}

export async function findRun(sql: Sql, id: string): Promise<ReconciliationRun | null> {
  const [r] = await sql.query(`select ${RUN_COLUMNS} from reconciliation_runs where id = ?::uuid`, [id]);
  return r ? toRun(r) : null;
}

export async function findRuns(sql: Sql, limit: number): Promise<ReconciliationRun[]> {
  const rows = await sql.query(`select ${RUN_COLUMNS} from reconciliation_runs order by started_at desc, id limit ?::int`, [limit]);
  return rows.map(toRun);
}

/** Whether a scheduled run already covered `day` (the daily job runs once per day). */
export async function hasScheduledRun(sql: Sql, day: string): Promise<boolean> {
  const rows = await sql.query(`select 1 from reconciliation_runs where day = ?::date and trigger = 'SCHEDULED' and status <> 'FAILED'`, [
    day,
  ]);
  return rows.length > 0;
}

export async function recordProgress(sql: Sql, runId: string, step: string, done?: number, total?: number): Promise<void> {
  await sql.query(
    `update reconciliation_runs set step = ?, progress_done = coalesce(?::int, progress_done), progress_total = coalesce(?::int, progress_total) where id = ?::uuid`,
    [step, done ?? null, total ?? null, runId],
  );
}

export async function finishRun(
  sql: Sql,
  runId: string,
  outcome: { status: 'SUCCEEDED' | 'FAILED'; checks: CheckSummary[]; mismatches: number; error?: string },
): Promise<void> {
  await sql.query(
    `update reconciliation_runs set status = ?, step = null, error = ?, checks = ?::jsonb, mismatch_count = ?::int, finished_at = now() where id = ?::uuid`,
    [outcome.status, outcome.error?.slice(0, 500) ?? null, JSON.stringify(outcome.checks), outcome.mismatches, runId],
  );
}

/** One statement per batch of findings (jsonb_to_recordset). */
export async function storeFindings(sql: Sql, runId: string, findings: Finding[]): Promise<void> {
  if (!findings.length) return;
  await sql.query(
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

export async function findFindings(sql: Sql, runId: string, limit: number): Promise<StoredFinding[]> {
  const rows = await sql.query<Record<string, unknown>>(
    `select id, run_id, check_name, account_id, subject, expected, actual, drift_millicredits, drift_tokens, details, created_at
       from reconciliation_findings where run_id = ?::uuid order by id limit ?::int`,
    [runId, limit],
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
