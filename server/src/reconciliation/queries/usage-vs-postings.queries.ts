import type { EntityManager } from '@mikro-orm/postgresql';

const USAGE_ROWS_WITHOUT_POSTING = `select u.id, u.account_id, u.charged, -p.amount as posted
         from finance_usage_v u
         left join finance_postings_v p on p.transaction_id = u.transaction_id and p.account_id = u.account_id
        where u.created_at >= ?::timestamptz and u.created_at < ?::timestamptz and (p.id is null or -p.amount <> u.charged)
        limit 1000`;

const USAGE_ENTRIES_WITHOUT_ROW = `select t.id, t.account_id, (select -p.amount from finance_postings_v p where p.transaction_id = t.id and p.account_id = t.account_id) amount
         from finance_transactions_v t
        where t.type = 'USAGE' and t.created_at >= ?::timestamptz and t.created_at < ?::timestamptz
          and not exists (select 1 from finance_usage_v u where u.transaction_id = t.id)
        limit 1000`;

const USAGE_DAY_TOTALS = `select (select coalesce(sum(charged), 0) from finance_usage_v where created_at >= ?::timestamptz and created_at < ?::timestamptz) charged,
              (select coalesce(-sum(p.amount), 0) from finance_postings_v p join finance_transactions_v t on t.id = p.transaction_id and t.type = 'USAGE'
                 join finance_accounts_v a on a.id = p.account_id and a.kind <> 'SYSTEM'
                where t.created_at >= ?::timestamptz and t.created_at < ?::timestamptz) posted`;

export const usageRowsWithoutPosting = (em: EntityManager, params: unknown[] = []) =>
  em.execute<{ id: string; account_id: string; charged: string; posted: string | null }[]>(USAGE_ROWS_WITHOUT_POSTING, params);

export const usageEntriesWithoutRow = (em: EntityManager, params: unknown[] = []) =>
  em.execute<{ id: string; account_id: string; amount: string }[]>(USAGE_ENTRIES_WITHOUT_ROW, params);

export const usageDayTotals = (em: EntityManager, params: unknown[] = []) =>
  em.execute<{ charged: string; posted: string }[]>(USAGE_DAY_TOTALS, params);
