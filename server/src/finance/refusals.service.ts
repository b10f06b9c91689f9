import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlOf } from '../db/sql.js';
import { currentEm } from '../db/unit-of-work.js';
import type { Clock } from '../sessions/tokens.js';
import { dayRange, utcDay } from './finance.rules.js';

/** Where a request was refused for credits (402 INSUFFICIENT_CREDITS). */
export type RefusalSource = 'graphql' | 'proxy';

export interface RefusalDayRow {
  date: string;
  graphql: bigint;
  proxy: bigint;
}

/**
 * 402s per UTC day, for the dashboard. A refusal is counted in memory (a flood of 402s must not
 * queue on one row per day) and folded into `refusals_daily` by an upsert: every few seconds by
 * a job, at shutdown, and before this instance answers a report.
 */
export class RefusalTally {
  private pending = new Map<string, number>();

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  count(source: RefusalSource): void {
    const key = `${utcDay(this.clock())}|${source}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const keys = [...batch.keys()].map((k) => k.split('|'));
    try {
      await sqlOf(currentEm(this.em)).query(
        `insert into refusals_daily (day, source, count)
         select d::date, s, n from unnest(?::text[], ?::text[], ?::bigint[]) as t(d, s, n)
         on conflict (day, source) do update set count = refusals_daily.count + excluded.count`,
        [pgArray(keys.map(([day]) => day)), pgArray(keys.map(([, source]) => source)), pgArray([...batch.values()].map(String))],
      );
    } catch (err) {
      // Not lost: counted again with the next flush.
      for (const [key, n] of batch) this.pending.set(key, (this.pending.get(key) ?? 0) + n);
      throw err;
    }
  }

  /** Every UTC day of [from, to), refusals by source (zero on quiet days). */
  async daily(from: Date, to: Date): Promise<RefusalDayRow[]> {
    const { fromDay, toDay } = dayRange(from, to);
    await this.flush();
    const rows = await sqlOf(currentEm(this.em)).query<{ day: string; graphql: string; proxy: string }>(
      `select d::date::text as day,
              coalesce(sum(r.count) filter (where r.source = 'graphql'), 0) as graphql,
              coalesce(sum(r.count) filter (where r.source = 'proxy'), 0) as proxy
         from generate_series(?::date, ?::date, interval '1 day') d
         left join refusals_daily r on r.day = d::date
        group by d order by d`,
      [fromDay, toDay],
    );
    return rows.map((r) => ({ date: r.day, graphql: BigInt(r.graphql), proxy: BigInt(r.proxy) }));
  }
}

/** A PostgreSQL array literal of plain tokens (ISO days, source names, integers). */
const pgArray = (items: string[]) => `{${items.join(',')}}`;
