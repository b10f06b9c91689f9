import type { EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../../db/values.js';
import type { FinanceRollupStatusGql } from '../finance.graphql.js';
import type { Watermark } from './tail.js';

/** B of the rollup job's step 1: the highest usage seq and posting id visible now. */
export async function visibleBound(em: EntityManager): Promise<Watermark> {
  const [r] = await em.execute<{ u: string; p: string }[]>(
    `select (select coalesce(max(seq), 0) from finance_usage_v) as u, (select coalesce(max(id), 0) from finance_postings_v) as p`,
  );
  return { usageSeq: toBigInt(r.u), postingId: toBigInt(r.p) };
}

/**
 * Step 2: the virtual transactions of other sessions holding a RowExclusiveLock on the tables
 * behind the usage and postings views (a lock is on the table itself, so this names them).
 */
export async function writersInFlight(em: EntityManager): Promise<string[]> {
  const [r] = await em.execute<{ v: string[] | string }[]>(
    `select coalesce(array_agg(distinct virtualtransaction), '{}') as v from pg_locks
      where locktype = 'relation' and mode = 'RowExclusiveLock' and pid <> pg_backend_pid()
        and database = (select oid from pg_database where datname = current_database())
        and relation in ('usage_records'::regclass, 'ledger_postings'::regclass)`,
  );
  return pgArray(r.v);
}

/** Step 3: how many of these virtual transactions are still running. */
export async function stillRunning(em: EntityManager, virtualXids: string[]): Promise<number> {
  const [r] = await em.execute<{ n: string }[]>(
    `select count(*) as n from pg_locks where locktype = 'virtualxid' and virtualxid = any(?::text[])`,
    [`{${virtualXids.map((v) => `"${v.replace(/[^0-9/-]/g, '')}"`).join(',')}}`],
  );
  return Number(r.n);
}

/** The watermark; `forUpdate` locks the state row for the rest of the transaction. */
export async function readWatermark(em: EntityManager, forUpdate = false): Promise<Watermark> {
  const [s] = await em.execute<{ usage_seq: string; posting_id: string }[]>(
    `select usage_seq, posting_id from finance_rollup_state where id = 1${forUpdate ? ' for update' : ''}`,
  );
  return { usageSeq: toBigInt(s.usage_seq), postingId: toBigInt(s.posting_id) };
}

export async function moveWatermark(em: EntityManager, to: Watermark): Promise<void> {
  await em.execute(
    `update finance_rollup_state set usage_seq = ?::bigint, posting_id = ?::bigint, runs = runs + 1, updated_at = now() where id = 1`,
    [to.usageSeq.toString(), to.postingId.toString()],
  );
}

/** Small indexed reads: JIT compilation would cost more than the query itself. */
export async function jitOff(em: EntityManager): Promise<void> {
  await em.execute(`set local jit = off`);
}

/** The watermark, when it last moved, and how many rows wait above it. */
export async function rollupStateRow(em: EntityManager): Promise<FinanceRollupStatusGql> {
  const [r] = await em.execute<(Omit<FinanceRollupStatusGql, 'updatedAt'> & { updatedAt: string })[]>(
    `select s.usage_seq::text as "usageSeq", s.posting_id::text as "postingId", s.updated_at as "updatedAt",
            ((select count(*) from finance_usage_v where seq > s.usage_seq) + (select count(*) from finance_postings_v where id > s.posting_id))::text
              as "lagRows"
       from finance_rollup_state s where id = 1`,
  );
  // The driver hands timestamps over as text.
  return { ...r, updatedAt: new Date(r.updatedAt) };
}

const pgArray = (v: string[] | string): string[] =>
  Array.isArray(v)
    ? v
    : v
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean)
        .map((x) => x.replace(/^"|"$/g, ''));
