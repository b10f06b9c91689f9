import type { EntityManager } from '@mikro-orm/postgresql';

const PURCHASES_NOT_FULFILLED_ONCE = `with entries as (
         select t.reference_id, count(*) n, min(t.id::text) first_id, sum(p.amount) credited
           from finance_transactions_v t join finance_postings_v p on p.transaction_id = t.id and p.account_id = t.account_id
          where t.type = 'PURCHASE' and t.reference_id is not null group by t.reference_id
       )
       select pu.id, pu.account_id, pu.status, pu.credits, pu.transaction_id, e.n, e.first_id, e.credited
         from finance_purchases_v pu left join entries e on e.reference_id = pu.id::text
        where (pu.status in ('FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED')
               and (e.n is distinct from 1 or pu.transaction_id is null or pu.transaction_id::text <> e.first_id or e.credited <> pu.credits))
           or (pu.status not in ('FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED') and e.n is not null)
        limit 1000`;

const PURCHASE_ENTRIES_WITHOUT_PURCHASE = `select t.id, t.account_id, t.reference_id, (select p.amount from finance_postings_v p where p.transaction_id = t.id and p.account_id = t.account_id) amount
         from finance_transactions_v t
        where t.type = 'PURCHASE' and not exists (select 1 from finance_purchases_v pu where pu.id::text = t.reference_id)
        limit 1000`;

export const purchasesNotFulfilledOnce = (em: EntityManager, params: unknown[] = []) =>
  em.execute<Record<string, string | null>[]>(PURCHASES_NOT_FULFILLED_ONCE, params);

export const purchaseEntriesWithoutPurchase = (em: EntityManager, params: unknown[] = []) =>
  em.execute<{ id: string; account_id: string; reference_id: string | null; amount: string }[]>(PURCHASE_ENTRIES_WITHOUT_PURCHASE, params);
