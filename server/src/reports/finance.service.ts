import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlOf, toBigInt, type Sql } from '../db/sql.js';
import { currentEm } from '../db/unit-of-work.js';
import { parseId } from '../shared/validate.js';
import { NO_KEY, runRollup } from './rollup.job.js';
import { rollupSnapshot, type Watermark } from './rollup-snapshot.js';
import { PAGE_SIZES, pageSize } from '../shared/paging.js';
import { dayRange, orderColumn, type FinanceOrder } from './finance.rules.js';

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

export interface LiabilityRow {
  outstanding: bigint;
  paid: bigint;
  promotional: bigint;
  /** Unspent goodwill: credits staff granted by adjustment (never bought, so never paid). */
  adjustments: bigint;
  negative: bigint;
  negativeAccounts: number;
  held: bigint;
  expiringNext30Days: bigint | null;
}

const ts = (param: string) => `(${param}::date)::timestamp at time zone 'UTC'`;

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
const usageAll = (wm: Watermark, fromDay: string, toDay: string, grain: 'account' | 'day' = 'account'): Fragment => ({
  sql: `
  usage_all as (
    select day, ${grain === 'day' ? `null::uuid as account_id, model, null::uuid as api_key_id` : 'account_id, model, api_key_id'},
           calls, input_tokens, cached_input_tokens, output_tokens, charged, cost_micro_usd
      from ${grain === 'day' ? 'finance_usage_day_model' : 'finance_usage_daily'} where day >= ?::date and day <= ?::date
    union all
    select (r.created_at at time zone 'UTC')::date, r.account_id, r.model, coalesce(r.api_key_id, ?::uuid), 1,
           r.input_tokens, r.cached_input_tokens, r.output_tokens, r.charged, r.cost_micro_usd
      from usage_records r
     where r.seq > ?::bigint and r.created_at >= ${ts('?')} and r.created_at < ${ts('?')} + interval '1 day'
  )`,
  params: [fromDay, toDay, NO_KEY, wm.usageSeq.toString(), fromDay, toDay],
});

/**
 * Customer postings not yet in the rollups, with their entry type and counterparty (the system
 * account on the other side, looked up by transaction: its posting may sit below the watermark).
 */
const ledgerTail = (wm: Watermark): Fragment => ({
  sql: `
    select (p.created_at at time zone 'UTC')::date as day, p.account_id, t.type, coalesce(sys.code, 'none') as counterparty,
           1::bigint as entries, p.amount
      from ledger_postings p
      join accounts a on a.id = p.account_id and a.kind <> 'SYSTEM'
      join ledger_transactions t on t.id = p.transaction_id
      left join lateral (
        select min(s.system_code) as code
          from ledger_postings o join accounts s on s.id = o.account_id and s.kind = 'SYSTEM'
         where o.transaction_id = p.transaction_id
      ) sys on true
     where p.id > ?::bigint`,
  params: [wm.postingId.toString()],
});

/**
 * Finance reports, read from the daily rollups plus the small tail above the watermark, in one
 * repeatable-read snapshot (the watermark cannot move between reading it and the two halves).
 */
export class FinanceService {
  constructor(private readonly em: EntityManager) {}

  private sql() {
    return sqlOf(currentEm(this.em));
  }

  private snapshot<T>(fn: (sql: Sql, wm: Watermark) => Promise<T>): Promise<T> {
    return rollupSnapshot(this.em, fn);
  }

  /** Folds new rows into the rollups (the scheduled job calls this every few seconds). */
  rollup(waitMs?: number) {
    return runRollup(this.em, { waitMs });
  }

  async daily(from: Date, to: Date): Promise<FinanceDayRow[]> {
    const { fromDay, toDay } = dayRange(from, to);
    const rows = await this.snapshot((sql, wm) => {
      const usage = usageAll(wm, fromDay, toDay, 'day');
      const tail = ledgerTail(wm);
      return sql.query<Record<string, string>>(
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
    });
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

  private async usageGroups(
    from: Date,
    to: Date,
    groupBy: 'model' | 'account' | 'member',
    order: FinanceOrder,
    limit: number,
    accountId?: string | null,
  ) {
    const { fromDay, toDay } = dayRange(from, to);
    const keyExpr = { model: 'model', account: 'account_id::text', member: `account_id::text || '/' || api_key_id::text` }[groupBy];
    const extra = {
      model: `null::uuid as account_id, null::uuid as api_key_id`,
      account: `account_id, null::uuid as api_key_id`,
      member: `account_id, api_key_id`,
    }[groupBy];
    const groupCols = { model: 'model', account: 'account_id', member: 'account_id, api_key_id' }[groupBy];
    const rows = await this.snapshot((sql, wm) => {
      const usage = usageAll(wm, fromDay, toDay, groupBy === 'model' && !accountId ? 'day' : 'account');
      return sql.query<Record<string, string | null>>(
        `with ${usage.sql},
       g as (
         select ${keyExpr} as key, ${extra}, sum(calls) calls, sum(input_tokens) i, sum(cached_input_tokens) c, sum(output_tokens) o,
                sum(charged) charged, sum(cost_micro_usd) cost_micro_usd
           from usage_all where (?::uuid is null or account_id = ?::uuid)
          group by ${groupCols}
       )
       select g.*, ${groupBy === 'model' ? 'null' : groupBy === 'account' ? 'coalesce(a.email, a.name)' : `coalesce(k.label, k.key_prefix)`} as label
         from g
         ${groupBy === 'account' ? 'left join accounts a on a.id = g.account_id' : ''}
         ${groupBy === 'member' ? 'left join api_keys k on k.id = g.api_key_id' : ''}
        order by ${orderColumn[order].replace(/(charged|cost_micro_usd|calls)/g, 'g.$1')} desc, g.key
        limit ?::int`,
        [...usage.params, accountId ?? null, accountId ?? null, limit],
      );
    });
    return rows.map((r): UsageGroupRow => ({
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

  byModel(from: Date, to: Date, order: FinanceOrder = 'REVENUE', limit?: number | null) {
    return this.usageGroups(from, to, 'model', order, pageSize(limit, PAGE_SIZES.ranking));
  }

  byAccount(from: Date, to: Date, order: FinanceOrder = 'REVENUE', limit?: number | null) {
    return this.usageGroups(from, to, 'account', order, pageSize(limit, PAGE_SIZES.ranking));
  }

  /** Per team member (api key) of one account, or across all accounts. */
  byMember(from: Date, to: Date, accountId?: string | null, order: FinanceOrder = 'REVENUE', limit?: number | null) {
    return this.usageGroups(
      from,
      to,
      'member',
      order,
      pageSize(limit, PAGE_SIZES.ranking),
      accountId ? parseId(accountId, 'accountId') : null,
    );
  }

  /**
   * Outstanding liability = sum of customer balances (the cached `posted`), split into paid,
   * promotional and staff goodwill by the grants' remainders (grants record which credits each
   * debit burned), so paid + promotional + adjustments = outstanding. Paid is what is left: it
   * carries the customers' debt, as the revenue roll-forward does.
   */
  async liability(): Promise<LiabilityRow> {
    const [r] = await this.sql().query<Record<string, string>>(
      `select coalesce(sum(posted), 0) outstanding, coalesce(sum(pending), 0) held,
              coalesce(sum(posted) filter (where posted < 0), 0) negative, count(*) filter (where posted < 0) negative_accounts
         from accounts where kind <> 'SYSTEM'`,
    );
    const outstanding = toBigInt(r.outstanding);
    const { promotional, adjustments } = await this.freeCreditsFromGrants();
    return {
      outstanding,
      paid: outstanding - promotional - adjustments,
      promotional,
      adjustments,
      negative: toBigInt(r.negative),
      negativeAccounts: Number(r.negative_accounts),
      held: toBigInt(r.held),
      expiringNext30Days: await this.expiringWithin(30),
    };
  }

  /** Credits of live grants that expire within `days`. */
  async expiringWithin(days: number): Promise<bigint> {
    const [r] = await this.sql().query<{ s: string }>(
      `select coalesce(sum(remaining), 0) s from grants
        where remaining > 0 and expired_at is null and voided_at is null
          and expires_at > now() and expires_at <= now() + make_interval(days => ?::int)`,
      [days],
    );
    return toBigInt(r.s);
  }

  /** Promotional and goodwill credits still unspent, from the grants (which record what each debit burned). */
  private async freeCreditsFromGrants(): Promise<{ promotional: bigint; adjustments: bigint }> {
    const [r] = await this.sql().query<{ promotional: string; adjustments: string }>(
      `select coalesce(sum(remaining) filter (where kind in ('PROMO', 'BONUS')), 0) promotional,
              coalesce(sum(remaining) filter (where kind = 'ADJUSTMENT'), 0) adjustments
         from grants where remaining > 0 and expired_at is null and voided_at is null and kind in ('PROMO', 'BONUS', 'ADJUSTMENT')`,
    );
    return { promotional: toBigInt(r.promotional), adjustments: toBigInt(r.adjustments) };
  }

  /** Credits expired unused (EXPIRY entries), per UTC month. */
  async breakage(from: Date, to: Date): Promise<{ month: string; expired: bigint; entries: bigint }[]> {
    const { fromDay, toDay } = dayRange(from, to);
    const rows = await this.snapshot((sql, wm) => {
      const tail = ledgerTail(wm);
      return sql.query<Record<string, string>>(
        `with e as (
         select day, entries, amount from finance_ledger_daily where counterparty = 'expiry' and day >= ?::date and day <= ?::date
         union all
         select day, entries, amount from (${tail.sql}) tail where counterparty = 'expiry' and day >= ?::date and day <= ?::date
       )
       select to_char(date_trunc('month', day), 'YYYY-MM') as month, -sum(amount) expired, sum(entries) entries from e group by 1 order by 1`,
        [fromDay, toDay, ...tail.params, fromDay, toDay],
      );
    });
    return rows.map((r) => ({ month: r.month, expired: toBigInt(r.expired), entries: toBigInt(r.entries) }));
  }

  async rollupState(): Promise<{ usageSeq: bigint; postingId: bigint; updatedAt: Date; lagRows: bigint }> {
    const [r] = await this.sql().query<Record<string, string>>(
      `select s.usage_seq, s.posting_id, s.updated_at,
              (select count(*) from usage_records where seq > s.usage_seq) + (select count(*) from ledger_postings where id > s.posting_id) lag
         from finance_rollup_state s where id = 1`,
    );
    return {
      usageSeq: toBigInt(r.usage_seq),
      postingId: toBigInt(r.posting_id),
      updatedAt: new Date(r.updated_at),
      lagRows: toBigInt(r.lag),
    };
  }
}
