import type { EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../../db/values.js';

/*
 * Why SQL here: the gauges sum over every account, count the holds in flight and read the last
 * reconciliation run: aggregates over other features' tables, sampled once per scrape, indexed.
 */

export interface BalanceTotals {
  total: bigint;
  positive: bigint;
  active: number;
  negative: number;
  pending: bigint;
}

export async function balanceTotals(em: EntityManager): Promise<BalanceTotals> {
  const [a]: Record<string, string | null>[] = await em.execute(
    `select coalesce(sum(posted), 0) total, coalesce(sum(posted) filter (where posted > 0), 0) positive,
            count(*) filter (where posted > 0) active, count(*) filter (where posted < 0) negative,
            coalesce(sum(pending), 0) pending
       from accounts where kind <> 'SYSTEM'`,
  );
  return {
    total: toBigInt(a.total),
    positive: toBigInt(a.positive),
    active: Number(a.active),
    negative: Number(a.negative),
    pending: toBigInt(a.pending),
  };
}

export async function heldCount(em: EntityManager): Promise<number> {
  const [h]: { n: string }[] = await em.execute(`select count(*) n from holds where state = 'HELD'`);
  return Number(h.n);
}

/** From the table, so a restarted instance still reports the last run's findings. */
export async function lastReconciliationMismatches(em: EntityManager): Promise<number> {
  const [run]: { n: number }[] = await em.execute(
    `select mismatch_count as n from reconciliation_runs where status <> 'RUNNING' order by finished_at desc nulls last limit 1`,
  );
  return run ? Number(run.n) : 0;
}
