import { currentEm } from '../../db/unit-of-work.js';
import type { EntityManager } from '@mikro-orm/postgresql';

/** A PostgreSQL array literal of plain tokens (ISO days, source names, integers). */
const pgArray = (items: string[]) => `{${items.join(',')}}`;

/** Adds counts to `refusals_daily`, one upsert for the whole batch. */
export async function addRefusals(em: EntityManager, rows: { day: string; source: string; count: number }[]): Promise<void> {
  await currentEm(em).execute(
    `insert into refusals_daily (day, source, count)
     select d::date, s, n from unnest(?::text[], ?::text[], ?::bigint[]) as t(d, s, n)
     on conflict (day, source) do update set count = refusals_daily.count + excluded.count`,
    [pgArray(rows.map((r) => r.day)), pgArray(rows.map((r) => r.source)), pgArray(rows.map((r) => String(r.count)))],
  );
}

/** Every UTC day of [fromDay, toDay], refusals by source (zero on quiet days). */
export async function refusalsByDay(em: EntityManager, fromDay: string, toDay: string) {
  const rows = await currentEm(em).execute<{ day: string; graphql: string; proxy: string }[]>(
    `select d::date::text as day,
            coalesce(sum(r.count) filter (where r.source = 'graphql'), 0) as graphql,
            coalesce(sum(r.count) filter (where r.source = 'proxy'), 0) as proxy
       from generate_series(?::date, ?::date, interval '1 day') d
       left join refusals_daily r on r.day = d::date
      group by d order by d`,
    [fromDay, toDay],
  );
  return rows.map((r) => ({ date: r.day, graphql: Number(r.graphql), proxy: Number(r.proxy), total: Number(r.graphql) + Number(r.proxy) }));
}
