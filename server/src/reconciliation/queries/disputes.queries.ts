import type { EntityManager } from '@mikro-orm/postgresql';

const DISPUTES_NOT_MATCHING_LEDGER = `select d.id, d.account_id, d.status, d.credits, dp.amount as debited, rp.amount as restored,
              rt.reversal_of_id, d.debit_transaction_id
         from finance_purchase_disputes_v d
         left join finance_postings_v dp on dp.transaction_id = d.debit_transaction_id and dp.account_id = d.account_id
         left join finance_postings_v rp on rp.transaction_id = d.restore_transaction_id and rp.account_id = d.account_id
         left join finance_transactions_v rt on rt.id = d.restore_transaction_id
        where coalesce(-dp.amount, 0) <> d.credits
           or (d.status = 'WON' and d.credits > 0
               and (rp.amount is distinct from d.credits or rt.reversal_of_id is distinct from d.debit_transaction_id))
           or (d.status <> 'WON' and d.restore_transaction_id is not null)
        limit 1000`;

const DISPUTE_ENTRIES_WITHOUT_DISPUTE = `select t.id, t.account_id, t.idempotency_key,
              (select p.amount from finance_postings_v p where p.transaction_id = t.id and p.account_id = t.account_id) amount
         from finance_transactions_v t
        where t.type in ('REFUND', 'REVERSAL') and t.idempotency_key like 'dispute%'
          and not exists (select 1 from finance_purchase_disputes_v d where d.debit_transaction_id = t.id or d.restore_transaction_id = t.id)
        limit 1000`;

export const disputesNotMatchingLedger = (em: EntityManager, params: unknown[] = []) =>
  em.execute<Record<string, string | null>[]>(DISPUTES_NOT_MATCHING_LEDGER, params);

export const disputeEntriesWithoutDispute = (em: EntityManager, params: unknown[] = []) =>
  em.execute<{ id: string; account_id: string; idempotency_key: string; amount: string }[]>(DISPUTE_ENTRIES_WITHOUT_DISPUTE, params);
