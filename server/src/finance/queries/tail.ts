/** The rollups hold every row up to here; reports add the rows above it (the tail) live. */
export interface Watermark {
  usageSeq: bigint;
  postingId: bigint;
}

/** Sentinel for "none" in rollup key columns: usage without an api key, or not charged by a team member. */
export const NO_KEY = '00000000-0000-0000-0000-000000000000';

/** The start of a UTC day given as a `?` parameter ("2026-11-24"), as a timestamptz. */
export const dayStart = (param: string) => `(${param}::date)::timestamp at time zone 'UTC'`;

/** A fragment of SQL text and its parameters, in the order of its placeholders. */
interface Fragment {
  sql: string;
  params: unknown[];
}

/**
 * Usage rows not yet in the rollups (the tail above the watermark), shaped like rollup rows, for
 * the days [fromDay, toDay]. MikroORM's `execute` inlines parameters, so the planner still sees the
 * watermark as a constant, knows how small the tail is and walks the index instead of scanning.
 */
export const usageAll = (wm: Watermark, fromDay: string, toDay: string, grain: 'account' | 'day' = 'account'): Fragment => ({
  sql: `
  usage_all as (
    select day, ${grain === 'day' ? `null::uuid as account_id, model, null::uuid as api_key_id` : 'account_id, model, api_key_id'},
           calls, input_tokens, cached_input_tokens, output_tokens, charged, cost_micro_usd
      from ${grain === 'day' ? 'finance_usage_day_model' : 'finance_usage_daily'} where day >= ?::date and day <= ?::date
    union all
    select (r.created_at at time zone 'UTC')::date, r.account_id, r.model, coalesce(r.api_key_id, ?::uuid), 1,
           r.input_tokens, r.cached_input_tokens, r.output_tokens, r.charged, r.cost_micro_usd
      from finance_usage_v r
     where r.seq > ?::bigint and r.created_at >= ${dayStart('?')} and r.created_at < ${dayStart('?')} + interval '1 day'
  )`,
  params: [fromDay, toDay, NO_KEY, wm.usageSeq.toString(), fromDay, toDay],
});

/**
 * Customer postings not yet in the rollups, with their entry type and counterparty (the system
 * account on the other side, looked up by transaction: its posting may sit below the watermark).
 */
export const ledgerTail = (wm: Watermark): Fragment => ({
  sql: `
    select (p.created_at at time zone 'UTC')::date as day, p.account_id, t.type, coalesce(sys.code, 'none') as counterparty,
           1::bigint as entries, p.amount
      from finance_postings_v p
      join finance_accounts_v a on a.id = p.account_id and a.kind <> 'SYSTEM'
      join finance_transactions_v t on t.id = p.transaction_id
      left join lateral (
        select min(s.system_code) as code
          from finance_postings_v o join finance_accounts_v s on s.id = o.account_id and s.kind = 'SYSTEM'
         where o.transaction_id = p.transaction_id
      ) sys on true
     where p.id > ?::bigint`,
  params: [wm.postingId.toString()],
});
