import type { EntityManager } from '@mikro-orm/postgresql';
import { BreakageMonthGql, FinanceBreakdownGql, FinanceDayGql } from '../finance.graphql.js';
import { orderColumn, type FinanceOrder } from '../finance.rules.js';
import { ledgerTail, NO_KEY, usageAll, type Watermark } from './tail.js';

export type UsageGrouping = 'model' | 'account' | 'member';

/** Per UTC day of [fromDay, toDay]: calls, cost and credits by counterparty, rollups plus tail. */
export async function dailyRows(em: EntityManager, wm: Watermark, fromDay: string, toDay: string): Promise<FinanceDayGql[]> {
  const usage = usageAll(wm, fromDay, toDay, 'day');
  const tail = ledgerTail(wm);
  const rows = await em.execute<FinanceDayGql[]>(
    `with ${usage.sql},
     ledger_all as (
       select day, counterparty, amount from finance_ledger_day where day >= ?::date and day <= ?::date
       union all
       select day, counterparty, amount from (${tail.sql}) tail where day >= ?::date and day <= ?::date
     ),
     u as (select day, sum(calls) calls, sum(cost_micro_usd) cost from usage_all group by day),
     l as (
       select day,
              sum(amount) filter (where counterparty = 'sales') as purchased,
              -sum(amount) filter (where counterparty = 'consumption') as deducted,
              -sum(amount) filter (where counterparty = 'refunds') as refunded,
              sum(amount) filter (where counterparty = 'promotions') as promotional,
              -sum(amount) filter (where counterparty = 'expiry') as expired
         from ledger_all group by day
     )
     select d::date::text as "date", coalesce(u.calls, 0)::int as "calls",
            -- Revenue is what usage deducted, net of reversed usage: credits deducted / 1,000 = USD.
            coalesce(l.deducted, 0)::text as "revenueMillicredits", coalesce(u.cost, 0)::text as "costMicroUsd",
            (coalesce(l.deducted, 0) - coalesce(u.cost, 0))::text as "marginMillicredits",
            coalesce(l.purchased, 0)::text as "creditsPurchasedMillicredits", coalesce(l.deducted, 0)::text as "creditsDeductedMillicredits",
            coalesce(l.refunded, 0)::text as "creditsRefundedMillicredits",
            coalesce(l.promotional, 0)::text as "creditsPromotionalMillicredits", coalesce(l.expired, 0)::text as "creditsExpiredMillicredits"
       from generate_series(?::date, ?::date, interval '1 day') d
       left join u on u.day = d::date left join l on l.day = d::date
      order by 1`,
    [...usage.params, fromDay, toDay, ...tail.params, fromDay, toDay, fromDay, toDay],
  );
  return rows.map((r) => Object.assign(new FinanceDayGql(), r));
}

/** The SQL pieces of one grouping: its key, its id columns, its GROUP BY and its label. */
const GROUPING: Record<UsageGrouping, { key: string; ids: string; groupBy: string; label: string; join: string; model: string }> = {
  model: {
    key: 'model',
    ids: `null::uuid as account_id, null::uuid as api_key_id`,
    groupBy: 'model',
    label: 'null',
    join: '',
    model: 'g.key',
  },
  account: {
    key: 'account_id::text',
    ids: `account_id, null::uuid as api_key_id`,
    groupBy: 'account_id',
    label: 'coalesce(a.email, a.name)',
    join: 'left join finance_accounts_v a on a.id = g.account_id',
    model: 'null',
  },
  member: {
    key: `account_id::text || '/' || api_key_id::text`,
    ids: `account_id, api_key_id`,
    groupBy: 'account_id, api_key_id',
    label: 'k.label',
    join: 'left join finance_api_keys_v k on k.id = g.api_key_id',
    model: 'null',
  },
};

/** The top `limit` groups of usage over [fromDay, toDay] by `order`, of one account or all. */
export async function usageGroupRows(
  em: EntityManager,
  wm: Watermark,
  q: { fromDay: string; toDay: string; groupBy: UsageGrouping; order: FinanceOrder; limit: number; accountId: string | null },
): Promise<FinanceBreakdownGql[]> {
  const g = GROUPING[q.groupBy];
  const usage = usageAll(wm, q.fromDay, q.toDay, q.groupBy === 'model' && !q.accountId ? 'day' : 'account');
  const rows = await em.execute<FinanceBreakdownGql[]>(
    `with ${usage.sql},
     g as (
       select ${g.key} as key, ${g.ids}, sum(calls) calls, sum(input_tokens) i, sum(cached_input_tokens) c, sum(output_tokens) o,
              sum(charged) charged, sum(cost_micro_usd) cost_micro_usd
         from usage_all where (?::uuid is null or account_id = ?::uuid)
        group by ${g.groupBy}
     )
     select g.key, ${g.model} as "model", g.account_id as "accountId", nullif(g.api_key_id, ?::uuid) as "apiKeyId",
            ${g.label} as "label", g.calls::int as "calls", g.i::float8 as "inputTokens", g.c::float8 as "cachedInputTokens",
            g.o::float8 as "outputTokens", g.charged::text as "revenueMillicredits", g.cost_micro_usd::text as "costMicroUsd",
            (g.charged - g.cost_micro_usd)::text as "marginMillicredits"
       from g ${g.join}
      order by ${orderColumn[q.order].replace(/(charged|cost_micro_usd|calls)/g, 'g.$1')} desc, g.key
      limit ?::int`,
    [...usage.params, q.accountId, q.accountId, NO_KEY, q.limit],
  );
  return rows.map((r) => Object.assign(new FinanceBreakdownGql(), r));
}

/** Credits expired unused (EXPIRY entries), per UTC month of [fromDay, toDay]. */
export async function breakageRows(em: EntityManager, wm: Watermark, fromDay: string, toDay: string): Promise<BreakageMonthGql[]> {
  const tail = ledgerTail(wm);
  const rows = await em.execute<BreakageMonthGql[]>(
    `with e as (
       select day, entries, amount from finance_ledger_daily where counterparty = 'expiry' and day >= ?::date and day <= ?::date
       union all
       select day, entries, amount from (${tail.sql}) tail where counterparty = 'expiry' and day >= ?::date and day <= ?::date
     )
     select to_char(date_trunc('month', day), 'YYYY-MM') as "month", (-sum(amount))::text as "expiredMillicredits",
            sum(entries)::int as "entries"
       from e group by 1 order by 1`,
    [fromDay, toDay, ...tail.params, fromDay, toDay],
  );
  return rows.map((r) => Object.assign(new BreakageMonthGql(), r));
}
