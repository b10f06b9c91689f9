import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction, sqlOf, toBigInt, type Sql } from '../db/sql.js';
import { currentEm } from '../db/unit-of-work.js';
import { USAGE_TOKEN_CLASSES } from './usage-report.rules.js';

/** Sentinel for "none" in rollup key columns: usage without an api key, or not charged by a team member. */
export const NO_KEY = '00000000-0000-0000-0000-000000000000';

/** The usage report's token classes besides input, cached and output (usage_records' and usage_report_daily's columns). */
const CLASS_COLUMNS = USAGE_TOKEN_CLASSES.map((c) => `${c}_tokens`);

export interface RollupResult {
  /** False when a long writer transaction kept the safe bound from advancing this time. */
  advanced: boolean;
  usageRows: number;
  postings: number;
  usageSeq: bigint;
  postingId: bigint;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Folds new usage rows and customer postings into the daily rollups, asynchronously: the charge
 * path never touches a rollup row (a global per-day row would serialise every charge).
 *
 * Ids (usage seq, posting id) are drawn from sequences at insert time, but transactions commit in
 * any order, so "max id seen" is not a safe watermark: a slower transaction may still commit a
 * smaller id. The bound is made safe by waiting for exactly the transactions that could hold one:
 *  1. read B = the highest visible ids;
 *  2. then list the transactions holding a RowExclusiveLock on usage_records or ledger_postings.
 *     PostgreSQL takes that lock when it parses the INSERT, before any default (the identity) is
 *     evaluated, so every transaction that drew an id <= B and had not committed at step 1 is in
 *     this list (or has finished since);
 *  3. wait until those transactions have ended (their virtualxid locks are gone: charges are
 *     millisecond-short, so this is normally immediate);
 *  4. in one transaction, under the state row's lock, aggregate the ids in (watermark, B] into the
 *     rollups and move the watermark to B. Re-running is harmless: the range is gone.
 * Unlike waiting for pg_snapshot_xmin, an unrelated long transaction (another database on the
 * server, a batch job on other tables) does not stall the rollup. Rows above B stay in the "tail"
 * that reports read live, so nothing is lost and nothing is counted twice. If a long writer on
 * these tables blocks step 3, this run skips and the tail grows; reports stay exact.
 */
export async function runRollup(em: EntityManager, opts: { waitMs?: number } = {}): Promise<RollupResult> {
  const sql = sqlOf(currentEm(em));
  const [bound] = await sql.query<{ u: string; p: string }>(
    `select (select coalesce(max(seq), 0) from usage_records) as u, (select coalesce(max(id), 0) from ledger_postings) as p`,
  );
  const [writers] = await sql.query<{ v: string[] | string }>(
    `select coalesce(array_agg(distinct virtualtransaction), '{}') as v from pg_locks
      where locktype = 'relation' and mode = 'RowExclusiveLock' and pid <> pg_backend_pid()
        and database = (select oid from pg_database where datname = current_database())
        and relation in ('usage_records'::regclass, 'ledger_postings'::regclass)`,
  );
  const inFlight = pgArray(writers.v);
  const deadline = Date.now() + (opts.waitMs ?? 2000);
  while (inFlight.length) {
    const [r] = await sql.query<{ n: string }>(
      `select count(*) as n from pg_locks where locktype = 'virtualxid' and virtualxid = any(?::text[])`,
      [`{${inFlight.map((v) => `"${v.replace(/[^0-9/-]/g, '')}"`).join(',')}}`],
    );
    if (Number(r.n) === 0) break;
    if (Date.now() > deadline) {
      const state = await readState(sql);
      return { advanced: false, usageRows: 0, postings: 0, usageSeq: state.usageSeq, postingId: state.postingId };
    }
    await sleep(10);
  }
  return inTransaction(currentEm(em), async (tx) => {
    await tx.query(`set local jit = off`);
    const [state] = await tx.query<{ usage_seq: string; posting_id: string }>(
      `select usage_seq, posting_id from finance_rollup_state where id = 1 for update`,
    );
    const fromU = toBigInt(state.usage_seq);
    const fromP = toBigInt(state.posting_id);
    const toU = toBigInt(bound.u) > fromU ? toBigInt(bound.u) : fromU;
    const toP = toBigInt(bound.p) > fromP ? toBigInt(bound.p) : fromP;
    const { usageRows, postings } = await foldRange(tx, { fromU, toU, fromP, toP });
    await tx.query(
      `update finance_rollup_state set usage_seq = ?::bigint, posting_id = ?::bigint, runs = runs + 1, updated_at = now() where id = 1`,
      [toU.toString(), toP.toString()],
    );
    return { advanced: true, usageRows, postings, usageSeq: toU, postingId: toP };
  });
}

/**
 * Adds the usage rows with seq in (fromU, toU] and the customer postings with id in (fromP, toP]
 * to the rollups. Only `runRollup` calls it with live bounds (it moves the watermark in the same
 * transaction); exported so a test can fold a range whose bound splits a transaction.
 */
export async function foldRange(
  tx: Sql,
  range: { fromU: bigint; toU: bigint; fromP: bigint; toP: bigint },
): Promise<{ usageRows: number; postings: number }> {
  const { fromU, toU, fromP, toP } = range;
  let usageRows = 0;
  let postings = 0;
  if (toU > fromU) {
    const [r] = await tx.query<{ n: string }>(
      `with src as (
         select (created_at at time zone 'UTC')::date as day, account_id, model, coalesce(api_key_id, ?::uuid) as api_key_id,
                coalesce(member_account_id, ?::uuid) as member_account_id,
                count(*) as calls, sum(input_tokens) as i, sum(cached_input_tokens) as c, sum(output_tokens) as o,
                ${CLASS_COLUMNS.map((c) => `sum(${c}) as ${c}, `).join('')}
                sum(charged) as charged, sum(cost_micro_usd) as cost, sum(count(*)) over () as n
           from usage_records where seq > ?::bigint and seq <= ?::bigint
          group by 1, 2, 3, 4, 5
       ), up_report as (
         insert into usage_report_daily as d (day, account_id, model, api_key_id, member_account_id, calls, input_tokens,
                                             cached_input_tokens, output_tokens, ${CLASS_COLUMNS.join(', ')}, charged, cost_micro_usd)
         select day, account_id, model, api_key_id, member_account_id, calls, i, c, o, ${CLASS_COLUMNS.join(', ')}, charged, cost from src
         on conflict (day, account_id, model, api_key_id, member_account_id) do update set
           ${CLASS_COLUMNS.map((c) => `${c} = d.${c} + excluded.${c}, `).join('')}
           calls = d.calls + excluded.calls, input_tokens = d.input_tokens + excluded.input_tokens,
           cached_input_tokens = d.cached_input_tokens + excluded.cached_input_tokens,
           output_tokens = d.output_tokens + excluded.output_tokens,
           charged = d.charged + excluded.charged, cost_micro_usd = d.cost_micro_usd + excluded.cost_micro_usd
         returning 1
       ), up as (
         insert into finance_usage_daily as d (day, account_id, model, api_key_id, calls, input_tokens, cached_input_tokens, output_tokens, charged, cost_micro_usd)
         select day, account_id, model, api_key_id, sum(calls), sum(i), sum(c), sum(o), sum(charged), sum(cost) from src
          group by day, account_id, model, api_key_id
         on conflict (day, account_id, model, api_key_id) do update set
           calls = d.calls + excluded.calls, input_tokens = d.input_tokens + excluded.input_tokens,
           cached_input_tokens = d.cached_input_tokens + excluded.cached_input_tokens,
           output_tokens = d.output_tokens + excluded.output_tokens,
           charged = d.charged + excluded.charged, cost_micro_usd = d.cost_micro_usd + excluded.cost_micro_usd
         returning 1
       ), up_day as (
         insert into finance_usage_day_model as d (day, model, calls, input_tokens, cached_input_tokens, output_tokens, charged, cost_micro_usd)
         select day, model, sum(calls), sum(i), sum(c), sum(o), sum(charged), sum(cost) from src group by day, model
         on conflict (day, model) do update set
           calls = d.calls + excluded.calls, input_tokens = d.input_tokens + excluded.input_tokens,
           cached_input_tokens = d.cached_input_tokens + excluded.cached_input_tokens,
           output_tokens = d.output_tokens + excluded.output_tokens,
           charged = d.charged + excluded.charged, cost_micro_usd = d.cost_micro_usd + excluded.cost_micro_usd
         returning 1
       )
       select coalesce(max(n), 0) as n from src`,
      [NO_KEY, NO_KEY, fromU.toString(), toU.toString()],
    );
    usageRows = Number(r.n);
  }
  if (toP > fromP) {
    const [r] = await tx.query<{ n: string }>(
      // The system side is found in the same id range (one hash join); a transaction whose ids
      // straddle the bound (another session drew an id between its two postings) is looked up
      // by transaction id instead, only for those rows.
      `with sys as (
         select o.transaction_id, min(s.system_code) as system_code
           from ledger_postings o join accounts s on s.id = o.account_id and s.kind = 'SYSTEM'
          where o.id > ?::bigint and o.id <= ?::bigint
          group by o.transaction_id
       ), src as (
         select (p.created_at at time zone 'UTC')::date as day, p.account_id, t.type,
                coalesce(sa.system_code, sb.code, 'none') as counterparty,
                count(*) as entries, sum(p.amount) as amount, sum(count(*)) over () as n
           from ledger_postings p
           join accounts a on a.id = p.account_id and a.kind <> 'SYSTEM'
           join ledger_transactions t on t.id = p.transaction_id
           left join sys sa on sa.transaction_id = p.transaction_id
           left join lateral (
             select min(s.system_code) as code
               from ledger_postings o join accounts s on s.id = o.account_id and s.kind = 'SYSTEM'
              where sa.transaction_id is null and o.transaction_id = p.transaction_id
           ) sb on true
          where p.id > ?::bigint and p.id <= ?::bigint
          group by 1, 2, 3, 4
       ), up as (
         insert into finance_ledger_daily as d (day, account_id, type, counterparty, entries, amount)
         select day, account_id, type, counterparty, entries, amount from src
         on conflict (day, account_id, type, counterparty) do update set
           entries = d.entries + excluded.entries, amount = d.amount + excluded.amount
         returning 1
       ), up_day as (
         insert into finance_ledger_day as d (day, type, counterparty, entries, amount)
         select day, type, counterparty, sum(entries), sum(amount) from src group by day, type, counterparty
         on conflict (day, type, counterparty) do update set
           entries = d.entries + excluded.entries, amount = d.amount + excluded.amount
         returning 1
       )
       select coalesce(max(n), 0) as n from src`,
      [fromP.toString(), toP.toString(), fromP.toString(), toP.toString()],
    );
    postings = Number(r.n);
  }
  return { usageRows, postings };
}

const pgArray = (v: string[] | string): string[] =>
  Array.isArray(v)
    ? v
    : v
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean)
        .map((x) => x.replace(/^"|"$/g, ''));

async function readState(sql: Sql) {
  const [s] = await sql.query<{ usage_seq: string; posting_id: string }>(
    `select usage_seq, posting_id from finance_rollup_state where id = 1`,
  );
  return { usageSeq: toBigInt(s.usage_seq), postingId: toBigInt(s.posting_id) };
}
