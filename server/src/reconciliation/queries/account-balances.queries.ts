import type { EntityManager } from '@mikro-orm/postgresql';

const CUSTOMER_ACCOUNT_COUNT = `select count(*) n from finance_accounts_v where kind <> 'SYSTEM'`;

const ACCOUNT_BALANCES_BATCH = `select a.id, a.posted,
                coalesce((select sum(p.amount) from finance_postings_v p where p.account_id = a.id), 0) as sum,
                (select p.balance_after from finance_postings_v p where p.account_id = a.id order by p.id desc limit 1) as last_after
           from finance_accounts_v a where a.kind <> 'SYSTEM' and a.id > ?::uuid order by a.id limit ?::int`;

export const customerAccountCount = (em: EntityManager, params: unknown[] = []) =>
  em.execute<{ n: string }[]>(CUSTOMER_ACCOUNT_COUNT, params);

export const accountBalancesBatch = (em: EntityManager, params: unknown[] = []) =>
  em.execute<{ id: string; posted: string; sum: string; last_after: string | null }[]>(ACCOUNT_BALANCES_BATCH, params);
