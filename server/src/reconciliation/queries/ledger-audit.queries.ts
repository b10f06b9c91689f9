import type { EntityManager } from '@mikro-orm/postgresql';

/** The ledger-audit check's reads: entries and audit rows of the discretionary kinds, each without its match. */
// A view has no primary key, so grouping by t.id does not cover t.created_at: it is grouped by too.
const ENTRIES_WITHOUT_MATCHING_AUDIT = `with expected as (select * from unnest(?::text[], ?::text[]) as x(type, action)),
       audits as (
         select a.after->>'transactionId' as tx, x.type, a.after->>'amountMillicredits' as amount
           from finance_audit_log_v a join expected x on x.action = a.action
          where a.after->>'transactionId' is not null
       )
       select t.id, t.account_id, t.type, p.amount::text as amount, count(a.tx)::int as audits,
              min(a.amount) filter (where a.amount is distinct from p.amount::text) as audit_amount
         from finance_transactions_v t
         join finance_postings_v p on p.transaction_id = t.id and p.account_id = t.account_id
         left join audits a on a.tx = t.id::text and a.type = t.type
        where t.type = any(?::text[])
        group by t.id, t.account_id, t.type, t.created_at, p.amount
       having count(a.tx) = 0 or bool_or(a.amount is distinct from p.amount::text)
        order by t.created_at, t.id
        limit ?::int`;

const AUDITS_WITHOUT_ENTRY = `with expected as (select * from unnest(?::text[], ?::text[]) as x(type, action))
       select a.after->>'transactionId' as tx, a.action, a.id::text as audit_id
         from finance_audit_log_v a join expected x on x.action = a.action
        where a.after->>'transactionId' is not null
          and not exists (select 1 from finance_transactions_v t where t.id::text = a.after->>'transactionId' and t.type = x.type)
        order by a.id limit ?::int`;

export const entriesWithoutMatchingAudit = (em: EntityManager, params: unknown[] = []) =>
  em.execute<
    {
      id: string;
      account_id: string;
      type: string;
      amount: string;
      audits: number;
      audit_amount: string | null;
    }[]
  >(ENTRIES_WITHOUT_MATCHING_AUDIT, params);

export const auditsWithoutEntry = (em: EntityManager, params: unknown[] = []) =>
  em.execute<{ tx: string; action: string; audit_id: string }[]>(AUDITS_WITHOUT_ENTRY, params);
