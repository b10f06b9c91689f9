import type { EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../../db/values.js';
import { centsToMillicredits } from '../../money/money.js';
import { type CashLine, type DeferredSection, type MovementLine, type SectionState } from '../revenue.rules.js';

/** A grant's section: what kind of credit it is, for deferred revenue (see docs/finance.md). */
const SECTION_OF_GRANT = `case g.kind when 'PROMO' then 'promotional' when 'BONUS' then 'promotional'
  when 'ADJUSTMENT' then 'adjustments' else 'paid' end`;

/** Debits that are cash going back to the buyer: all of them leave the paid section. */
const CASH_BACK = `('refunds', 'sales')`;

/**
 * Every customer movement before `to`, split by the section of the credits it moved (the grants
 * record which credits each debit burned) and by its counterparty (the system account on the other
 * side), summed per UTC day from `from` on and into one opening row (day null) before it.
 *
 * - A credit moves the whole amount into its grant's section.
 * - A debit takes from each section what it burned; the part no grant funded (a refund of spent
 *   credits takes the balance below zero) is the paid section's, as a negative liability.
 * - A refund or a reversed purchase is cash back, so all of it leaves the paid section; the
 *   promotional or goodwill credits it burned are first moved to paid ('reclassified').
 * - A promotional or goodwill credit that paid back a debt moves that part to paid the same way.
 *
 * Times are the ledger transaction's (its postings and allocations share it), so the same
 * movement always falls in the same month and the sections add up to the ledger's balances.
 */
export async function movementLines(em: EntityManager, from: Date, to: Date): Promise<MovementLine[]> {
  const rows = await em.execute<{ day: string | null; section: DeferredSection; counterparty: string; amount: string }[]>(
    `with mv as (
       select p.transaction_id as tx, p.account_id, p.amount, p.created_at as at
         from finance_postings_v p join finance_accounts_v a on a.id = p.account_id and a.kind <> 'SYSTEM'
        where p.created_at < ?::timestamptz
     ), sys as (
       select o.transaction_id as tx, min(s.system_code) as code
         from finance_postings_v o join finance_accounts_v s on s.id = o.account_id and s.kind = 'SYSTEM'
        where o.created_at < ?::timestamptz
        group by o.transaction_id
     ), m as (
       select mv.*, coalesce(sys.code, 'none') as cp from mv left join sys on sys.tx = mv.tx
     ), unpaid as (
       select ga.transaction_id as tx, ga.account_id, ga.purpose, ${SECTION_OF_GRANT} as section, sum(ga.amount) as amount
         from finance_grant_allocations_v ga join finance_grants_v g on g.id = ga.grant_id
        where g.kind in ('PROMO', 'BONUS', 'ADJUSTMENT') and ga.created_at < ?::timestamptz
        group by 1, 2, 3, 4
     ), lines as (
       select m.at, coalesce(${SECTION_OF_GRANT}, 'paid') as section, m.cp, m.amount
         from m left join finance_grants_v g on g.source_transaction_id = m.tx
        where m.amount > 0
       union all
       select m.at, u.section,
              case when u.purpose = 'DEBT' or m.cp in ${CASH_BACK} then 'reclassified' else m.cp end, -u.amount
         from m join unpaid u on u.tx = m.tx and u.account_id = m.account_id
       union all
       select m.at, 'paid', 'reclassified', u.amount
         from m join unpaid u on u.tx = m.tx and u.account_id = m.account_id
        where u.purpose = 'DEBT' or m.cp in ${CASH_BACK}
       union all
       select m.at, 'paid', m.cp,
              m.amount + case when m.cp in ${CASH_BACK} then 0
                              else coalesce((select sum(u.amount) from unpaid u
                                              where u.tx = m.tx and u.account_id = m.account_id and u.purpose = 'DEBIT'), 0) end
         from m where m.amount < 0
     )
     select case when at < ?::timestamptz then null else to_char(at at time zone 'UTC', 'YYYY-MM-DD') end as day,
            section, cp as counterparty, sum(amount)::text as amount
       from lines group by 1, 2, 3 having sum(amount) <> 0 order by 1 nulls first, 2, 3`,
    [to.toISOString(), to.toISOString(), to.toISOString(), from.toISOString()],
  );
  return rows.map((r) => ({ day: r.day, section: r.section, counterparty: r.counterparty, amount: toBigInt(r.amount) }));
}

/**
 * What the ledger holds at `at`, independently of the movements: each section's grant remainders
 * then (amount less what was allocated from it before `at`), the customers' debt (balances below
 * zero) and the sum of all customer balances.
 */
export async function deferredStateAt(em: EntityManager, at: Date): Promise<SectionState> {
  const t = at.toISOString();
  const [r] = await em.execute<Record<string, string>[]>(
    `with rem as (
       select ${SECTION_OF_GRANT} as section,
              g.amount - coalesce((select sum(ga.amount) from finance_grant_allocations_v ga
                                    where ga.grant_id = g.id and ga.created_at < ?::timestamptz), 0) as remaining
         from finance_grants_v g left join finance_transactions_v t on t.id = g.source_transaction_id
        where coalesce(t.created_at, g.created_at) < ?::timestamptz
     ), bal as (
       select p.account_id, sum(p.amount) as balance
         from finance_postings_v p join finance_accounts_v a on a.id = p.account_id and a.kind <> 'SYSTEM'
        where p.created_at < ?::timestamptz group by p.account_id
     )
     select (select coalesce(sum(remaining), 0) from rem where section = 'paid')::text as paid,
            (select coalesce(sum(remaining), 0) from rem where section = 'promotional')::text as promotional,
            (select coalesce(sum(remaining), 0) from rem where section = 'adjustments')::text as adjustments,
            (select coalesce(sum(-balance), 0) from bal where balance < 0)::text as debt,
            (select coalesce(sum(balance), 0) from bal)::text as ledger`,
    [t, t, t],
  );
  return {
    paidRemaining: toBigInt(r.paid),
    promotionalRemaining: toBigInt(r.promotional),
    adjustmentsRemaining: toBigInt(r.adjustments),
    debt: toBigInt(r.debt),
    ledgerBalance: toBigInt(r.ledger),
  };
}

/**
 * The cash behind the Stripe movements of paid credits from `from` to `to`, per UTC day (see
 * `CashLine`), dated like the ledger entries they match:
 * - a fulfilled purchase's PURCHASE entry: its total charged, tax included;
 * - a REFUND entry of `charge.refunded`: the cents refunded since the purchase's previous one (its
 *   key carries the cumulative amount Stripe reported);
 * - a dispute's REFUND entry: the cents disputed; a dispute won's REVERSAL gives them back.
 * The tax in a refund or dispute is what is left after its pre-tax share (`preTaxShare`).
 */
export async function cashLines(em: EntityManager, from: Date, to: Date): Promise<CashLine[]> {
  const rows = await em.execute<Record<string, string>[]>(
    `with pay as (
       select p.id, coalesce(p.total_cents, p.amount_paid_cents, p.amount_cents) as total, coalesce(p.tax_cents, 0) as tax
         from finance_purchases_v p where p.transaction_id is not null
     ), refunds as (
       select t.id as tx, t.reference_id,
              split_part(t.idempotency_key, ':', 3)::bigint
                - coalesce(lag(split_part(t.idempotency_key, ':', 3)::bigint)
                             over (partition by t.reference_id order by split_part(t.idempotency_key, ':', 3)::bigint), 0) as cents
         from finance_transactions_v t
        where t.type = 'REFUND' and t.idempotency_key like 'refund:%:%'
     ), moves as (
       select p.transaction_id as tx, 'purchased' as line, pay.total as cents, pay.total, pay.tax
         from finance_purchases_v p join pay on pay.id = p.id
       union all
       select r.tx, 'refunded', -r.cents, pay.total, pay.tax from refunds r join pay on pay.id::text = r.reference_id
       union all
       select d.debit_transaction_id, 'refunded', -d.amount_cents, pay.total, pay.tax
         from finance_purchase_disputes_v d join pay on pay.id = d.purchase_id where d.debit_transaction_id is not null
       union all
       select d.restore_transaction_id, 'refunded', d.amount_cents, pay.total, pay.tax
         from finance_purchase_disputes_v d join pay on pay.id = d.purchase_id where d.restore_transaction_id is not null
     )
     select to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, m.line,
            sum(m.cents)::text as cents,
            sum(m.cents - case when m.total > 0 then sign(m.cents) * ((abs(m.cents) * (m.total - m.tax)) / m.total) else m.cents end)::text as tax,
            sum((select sum(lp.amount) from finance_postings_v lp where lp.transaction_id = t.id and lp.account_id = t.account_id))::text as credits
       from moves m join finance_transactions_v t on t.id = m.tx
      where t.created_at >= ?::timestamptz and t.created_at < ?::timestamptz
      group by 1, 2 order by 1, 2`,
    [from.toISOString(), to.toISOString()],
  );
  return rows.map((r) => ({
    day: r.day,
    line: r.line as CashLine['line'],
    cash: centsToMillicredits(toBigInt(r.cents)),
    tax: centsToMillicredits(toBigInt(r.tax)),
    credits: toBigInt(r.credits),
  }));
}
