export const CUSTOMER_ACCOUNT_COUNT = `select count(*) n from finance_accounts_v where kind <> 'SYSTEM'`;

export const ACCOUNT_BALANCES_BATCH = `select a.id, a.posted,
                coalesce((select sum(p.amount) from finance_postings_v p where p.account_id = a.id), 0) as sum,
                (select p.balance_after from finance_postings_v p where p.account_id = a.id order by p.id desc limit 1) as last_after
           from finance_accounts_v a where a.kind <> 'SYSTEM' and a.id > ?::uuid order by a.id limit ?::int`;
