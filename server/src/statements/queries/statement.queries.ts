import type { EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../../db/values.js';

/** One movement of the account in the period, with its counterparty and, for a purchase, what was paid. */
export interface MovementRow {
  amount: bigint;
  createdAt: Date;
  type: string;
  transactionId: string;
  referenceId: string | null;
  reason: string | null;
  counterparty: string | null;
  receiptUrl: string | null;
  paidCents: bigint | null;
  taxCents: bigint | null;
  invoiceUrl: string | null;
}

const period = (accountId: string, from: Date, to: Date) => [accountId, from.toISOString(), to.toISOString()];
const cents = (v: unknown) => (v === null || v === undefined ? null : toBigInt(v as string));

/** A customer account's name and email; undefined when there is none with this id. */
export async function statementAccount(em: EntityManager, accountId: string) {
  const [account] = await em.execute<{ id: string; name: string | null; email: string | null }[]>(
    `select id, name, email from finance_accounts_v where id = ?::uuid and kind <> 'SYSTEM'`,
    [accountId],
  );
  return account as { id: string; name: string | null; email: string | null } | undefined;
}

/** The account's balance at `at`: the sum of its postings before then. */
export async function balanceBefore(em: EntityManager, accountId: string, at: Date): Promise<bigint> {
  const [open] = await em.execute<{ s: string }[]>(
    `select coalesce(sum(amount), 0) s from finance_postings_v where account_id = ?::uuid and created_at < ?::timestamptz`,
    [accountId, at.toISOString()],
  );
  return toBigInt(open.s);
}

/** Every posting of the account in [from, to), in ledger order. */
export async function movementsOf(em: EntityManager, accountId: string, from: Date, to: Date): Promise<MovementRow[]> {
  const rows = await em.execute<Record<string, string | Date | null>[]>(
    `select p.amount, t.created_at, t.type, t.id as transaction_id, t.reference_id, t.reason,
            (select s.system_code from finance_postings_v o join finance_accounts_v s on s.id = o.account_id and s.kind = 'SYSTEM'
              where o.transaction_id = p.transaction_id limit 1) as counterparty,
            pu.receipt_url,
            case when t.type = 'PURCHASE' then coalesce(pu.amount_paid_cents, pu.amount_cents) end as paid_cents,
            case when t.type = 'PURCHASE' then pu.tax_cents end as tax_cents,
            case when t.type = 'PURCHASE' then pu.invoice_url end as invoice_url
       from finance_postings_v p join finance_transactions_v t on t.id = p.transaction_id
       left join finance_purchases_v pu on pu.id::text = t.reference_id and t.type in ('PURCHASE', 'REFUND')
      where p.account_id = ?::uuid and p.created_at >= ?::timestamptz and p.created_at < ?::timestamptz
      order by p.id`,
    period(accountId, from, to),
  );
  return rows.map((m) => ({
    amount: toBigInt(m.amount as string),
    createdAt: new Date(m.created_at as string),
    type: m.type as string,
    transactionId: m.transaction_id as string,
    referenceId: (m.reference_id as string | null) ?? null,
    reason: (m.reason as string | null) ?? null,
    counterparty: (m.counterparty as string | null) ?? null,
    receiptUrl: (m.receipt_url as string | null) ?? null,
    paidCents: cents(m.paid_cents),
    taxCents: cents(m.tax_cents),
    invoiceUrl: (m.invoice_url as string | null) ?? null,
  }));
}

/** The account's usage in [from, to) per model, most charged first. */
export async function usageByModel(em: EntityManager, accountId: string, from: Date, to: Date) {
  const rows = await em.execute<Record<string, string>[]>(
    `select model, count(*) calls, sum(input_tokens) i, sum(cached_input_tokens) c, sum(output_tokens) o, sum(charged) charged
       from finance_usage_v where account_id = ?::uuid and created_at >= ?::timestamptz and created_at < ?::timestamptz
      group by model order by sum(charged) desc, model`,
    period(accountId, from, to),
  );
  return rows.map((u) => ({
    model: u.model,
    calls: toBigInt(u.calls),
    inputTokens: toBigInt(u.i),
    cachedInputTokens: toBigInt(u.c),
    outputTokens: toBigInt(u.o),
    charged: toBigInt(u.charged),
  }));
}

/** The account's usage in [from, to) per UTC day. */
export async function usageByDay(em: EntityManager, accountId: string, from: Date, to: Date) {
  const rows = await em.execute<{ day: string; calls: string; charged: string }[]>(
    `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*) calls, sum(charged) charged
       from finance_usage_v where account_id = ?::uuid and created_at >= ?::timestamptz and created_at < ?::timestamptz
      group by 1 order by 1`,
    period(accountId, from, to),
  );
  return rows.map((d) => ({ day: d.day, calls: toBigInt(d.calls), charged: toBigInt(d.charged) }));
}
