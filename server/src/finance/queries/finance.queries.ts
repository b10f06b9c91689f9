import { type Sql } from '../../db/sql.js';
import { toBigInt } from '../../db/values.js';
import { orderColumn, type FinanceOrder } from '../finance.rules.js';
import { ledgerTail, NO_KEY, usageAll, type Watermark } from './tail.js';

export interface FinanceDayRow {
  date: string;
  calls: bigint;
  revenueMillicredits: bigint;
  costMicroUsd: bigint;
  creditsPurchased: bigint;
  creditsDeducted: bigint;
  creditsRefunded: bigint;
  creditsPromotional: bigint;
  creditsExpired: bigint;
}

export interface UsageGroupRow {
  key: string;
  accountId: string | null;
  apiKeyId: string | null;
  label: string | null;
  calls: bigint;
  inputTokens: bigint;
  cachedInputTokens: bigint;
  outputTokens: bigint;
  revenueMillicredits: bigint;
  costMicroUsd: bigint;
}

export type UsageGrouping = 'model' | 'account' | 'member';

/** Per UTC day of [fromDay, toDay]: calls, cost and credits by counterparty, rollups plus tail. */
export async function dailyRows(sql: Sql, wm: Watermark, fromDay: string, toDay: string): Promise<FinanceDayRow[]> {
  const usage = usageAll(wm, fromDay, toDay, 'day');
  const tail = ledgerTail(wm);
  const rows = await sql.query<Record<string, string>>(
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
     select d::date::text as day, coalesce(u.calls, 0) calls, coalesce(u.cost, 0) cost, coalesce(l.purchased, 0) purchased,
            coalesce(l.deducted, 0) deducted, coalesce(l.refunded, 0) refunded, coalesce(l.promotional, 0) promotional,
            coalesce(l.expired, 0) expired
       from generate_series(?::date, ?::date, interval '1 day') d
       left join u on u.day = d::date left join l on l.day = d::date
      order by 1`,
    [...usage.params, fromDay, toDay, ...tail.params, fromDay, toDay, fromDay, toDay],
  );
  return rows.map((r) => ({
    date: r.day,
    calls: toBigInt(r.calls),
    // Revenue is what usage deducted, net of reversed usage: credits deducted / 1,000 = USD.
    revenueMillicredits: toBigInt(r.deducted),
    costMicroUsd: toBigInt(r.cost),
    creditsPurchased: toBigInt(r.purchased),
    creditsDeducted: toBigInt(r.deducted),
    creditsRefunded: toBigInt(r.refunded),
    creditsPromotional: toBigInt(r.promotional),
    creditsExpired: toBigInt(r.expired),
  }));
}

/** The SQL pieces of one grouping: its key, its id columns, its GROUP BY and its label. */
const GROUPING: Record<UsageGrouping, { key: string; ids: string; groupBy: string; label: string; join: string }> = {
  model: { key: 'model', ids: `null::uuid as account_id, null::uuid as api_key_id`, groupBy: 'model', label: 'null', join: '' },
  account: {
    key: 'account_id::text',
    ids: `account_id, null::uuid as api_key_id`,
    groupBy: 'account_id',
    label: 'coalesce(a.email, a.name)',
    join: 'left join finance_accounts_v a on a.id = g.account_id',
  },
  member: {
    key: `account_id::text || '/' || api_key_id::text`,
    ids: `account_id, api_key_id`,
    groupBy: 'account_id, api_key_id',
    label: 'k.label',
    join: 'left join finance_api_keys_v k on k.id = g.api_key_id',
  },
};

/** The top `limit` groups of usage over [fromDay, toDay] by `order`, of one account or all. */
export async function usageGroupRows(
  sql: Sql,
  wm: Watermark,
  q: { fromDay: string; toDay: string; groupBy: UsageGrouping; order: FinanceOrder; limit: number; accountId: string | null },
): Promise<UsageGroupRow[]> {
  const g = GROUPING[q.groupBy];
  const usage = usageAll(wm, q.fromDay, q.toDay, q.groupBy === 'model' && !q.accountId ? 'day' : 'account');
  const rows = await sql.query<Record<string, string | null>>(
    `with ${usage.sql},
     g as (
       select ${g.key} as key, ${g.ids}, sum(calls) calls, sum(input_tokens) i, sum(cached_input_tokens) c, sum(output_tokens) o,
              sum(charged) charged, sum(cost_micro_usd) cost_micro_usd
         from usage_all where (?::uuid is null or account_id = ?::uuid)
        group by ${g.groupBy}
     )
     select g.*, ${g.label} as label
       from g ${g.join}
      order by ${orderColumn[q.order].replace(/(charged|cost_micro_usd|calls)/g, 'g.$1')} desc, g.key
      limit ?::int`,
    [...usage.params, q.accountId, q.accountId, q.limit],
  );
  return rows.map((r) => ({
    key: r.key as string,
    accountId: r.account_id,
    apiKeyId: r.api_key_id === NO_KEY ? null : r.api_key_id,
    label: r.label,
    calls: toBigInt(r.calls),
    inputTokens: toBigInt(r.i),
    cachedInputTokens: toBigInt(r.c),
    outputTokens: toBigInt(r.o),
    revenueMillicredits: toBigInt(r.charged),
    costMicroUsd: toBigInt(r.cost_micro_usd),
  }));
}

/** Credits expired unused (EXPIRY entries), per UTC month of [fromDay, toDay]. */
export async function breakageRows(sql: Sql, wm: Watermark, fromDay: string, toDay: string) {
  const tail = ledgerTail(wm);
  const rows = await sql.query<Record<string, string>>(
    `with e as (
       select day, entries, amount from finance_ledger_daily where counterparty = 'expiry' and day >= ?::date and day <= ?::date
       union all
       select day, entries, amount from (${tail.sql}) tail where counterparty = 'expiry' and day >= ?::date and day <= ?::date
     )
     select to_char(date_trunc('month', day), 'YYYY-MM') as month, -sum(amount) expired, sum(entries) entries from e group by 1 order by 1`,
    [fromDay, toDay, ...tail.params, fromDay, toDay],
  );
  return rows.map((r) => ({ month: r.month, expired: toBigInt(r.expired), entries: toBigInt(r.entries) }));
}
