import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlOf, toBigInt } from '../db/sql.js';
import { notFound, badInput } from '../shared/errors.js';

export type StatementSection = 'PURCHASE' | 'DEDUCTION' | 'REFUND' | 'ADJUSTMENT' | 'PROMOTIONAL' | 'EXPIRY';

export interface StatementLine {
  date: Date;
  section: StatementSection;
  type: string;
  transactionId: string;
  reference: string | null;
  description: string;
  amount: bigint;
  receiptUrl: string | null;
  /** What the customer actually paid for a PURCHASE, in cents, tax included (never derived from credits). */
  paidCents: bigint | null;
  /** The tax within `paidCents` (never credits, never revenue). */
  taxCents: bigint | null;
  /** The purchase's Stripe invoice (hosted page). */
  invoiceUrl: string | null;
}

export interface StatementUsageDay {
  day: string;
  calls: bigint;
  charged: bigint;
}

export interface StatementUsage {
  model: string;
  calls: bigint;
  inputTokens: bigint;
  cachedInputTokens: bigint;
  outputTokens: bigint;
  charged: bigint;
}

export interface Statement {
  accountId: string;
  accountName: string | null;
  accountEmail: string | null;
  /** Stable per account and period: the same statement always carries the same number. */
  number: string;
  from: Date;
  to: Date;
  label: string;
  generatedAt: Date;
  opening: bigint;
  /** Signed totals per section (credits in are positive). */
  totals: Record<StatementSection, bigint>;
  closing: bigint;
  /** Every movement except usage, which is summarised per model. */
  lines: StatementLine[];
  usage: StatementUsage[];
  usageByDay: StatementUsageDay[];
  usageTotal: bigint;
}

/** "CM-202611-3F2A9C1B": period start and the account id's first 8 hex digits. */
export const statementNumber = (accountId: string, from: Date) =>
  `CM-${from.toISOString().slice(0, 7).replace('-', '')}-${accountId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

const SECTION_OF: Record<string, StatementSection> = {
  sales: 'PURCHASE',
  consumption: 'DEDUCTION',
  refunds: 'REFUND',
  adjustments: 'ADJUSTMENT',
  promotions: 'PROMOTIONAL',
  expiry: 'EXPIRY',
};

export const SECTIONS: StatementSection[] = ['PURCHASE', 'DEDUCTION', 'REFUND', 'ADJUSTMENT', 'PROMOTIONAL', 'EXPIRY'];

/** opening + every section total = closing: the statement's invariant. */
export const closingOf = (opening: bigint, totals: Record<StatementSection, bigint>) =>
  SECTIONS.reduce((sum, s) => sum + totals[s], opening);

/**
 * The data of one account's statement for any period [from, to), read in one repeatable-read
 * snapshot so opening, movements and closing describe the same ledger. Opening is the sum of
 * every posting before `from`; the closing balance is opening + movements, which equals the sum of
 * every posting before `to` by construction (the test checks it against the ledger's own
 * balance_after too). One builder feeds both the CSV and the PDF.
 */
export async function buildStatement(em: EntityManager, accountId: string, from: Date, to: Date, label: string): Promise<Statement> {
  if (to.getTime() <= from.getTime()) throw badInput('The statement period is empty');
  // A fork: the snapshot is a REPEATABLE READ transaction of its own, never a savepoint in a caller's.
  return em.fork().transactional(
    async (tem) => {
      const sql = sqlOf(tem as EntityManager);
      const [account] = await sql.query<{ id: string; name: string | null; email: string | null }>(
        `select id, name, email from accounts where id = ?::uuid and kind <> 'SYSTEM'`,
        [accountId],
      );
      if (!account) throw notFound(`Account ${accountId} not found`);
      const [open] = await sql.query<{ s: string }>(
        `select coalesce(sum(amount), 0) s from ledger_postings where account_id = ?::uuid and created_at < ?::timestamptz`,
        [accountId, from.toISOString()],
      );
      const movements = await sql.query<Record<string, string | Date | null>>(
        `select p.amount, t.created_at, t.type, t.id as transaction_id, t.reference_id, t.reason,
                (select s.system_code from ledger_postings o join accounts s on s.id = o.account_id and s.kind = 'SYSTEM'
                  where o.transaction_id = p.transaction_id limit 1) as counterparty,
                pu.receipt_url,
                case when t.type = 'PURCHASE' then coalesce(pu.amount_paid_cents, pu.amount_cents) end as paid_cents,
                case when t.type = 'PURCHASE' then pu.tax_cents end as tax_cents,
                case when t.type = 'PURCHASE' then pu.invoice_url end as invoice_url
           from ledger_postings p join ledger_transactions t on t.id = p.transaction_id
           left join purchases pu on pu.id::text = t.reference_id and t.type in ('PURCHASE', 'REFUND')
          where p.account_id = ?::uuid and p.created_at >= ?::timestamptz and p.created_at < ?::timestamptz
          order by p.id`,
        [accountId, from.toISOString(), to.toISOString()],
      );
      const usage = await sql.query<Record<string, string>>(
        `select model, count(*) calls, sum(input_tokens) i, sum(cached_input_tokens) c, sum(output_tokens) o, sum(charged) charged
           from usage_records where account_id = ?::uuid and created_at >= ?::timestamptz and created_at < ?::timestamptz
          group by model order by sum(charged) desc, model`,
        [accountId, from.toISOString(), to.toISOString()],
      );
      const byDay = await sql.query<{ day: string; calls: string; charged: string }>(
        `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*) calls, sum(charged) charged
           from usage_records where account_id = ?::uuid and created_at >= ?::timestamptz and created_at < ?::timestamptz
          group by 1 order by 1`,
        [accountId, from.toISOString(), to.toISOString()],
      );
      const totals = Object.fromEntries(SECTIONS.map((s) => [s, 0n])) as Record<StatementSection, bigint>;
      const lines: StatementLine[] = [];
      for (const m of movements) {
        const section = SECTION_OF[(m.counterparty as string) ?? ''] ?? 'ADJUSTMENT';
        const amount = toBigInt(m.amount);
        totals[section] += amount;
        if (section === 'DEDUCTION' && m.type === 'USAGE') continue;
        lines.push({
          date: new Date(m.created_at as string),
          section,
          type: m.type as string,
          transactionId: m.transaction_id as string,
          reference: (m.reference_id as string | null) ?? null,
          description: describe(m.type as string, (m.reason as string | null) ?? null),
          amount,
          receiptUrl: (m.receipt_url as string | null) ?? null,
          paidCents: m.paid_cents === null || m.paid_cents === undefined ? null : toBigInt(m.paid_cents),
          taxCents: m.tax_cents === null || m.tax_cents === undefined ? null : toBigInt(m.tax_cents),
          invoiceUrl: (m.invoice_url as string | null) ?? null,
        });
      }
      const opening = toBigInt(open.s);
      const usageRows = usage.map((u) => ({
        model: u.model,
        calls: toBigInt(u.calls),
        inputTokens: toBigInt(u.i),
        cachedInputTokens: toBigInt(u.c),
        outputTokens: toBigInt(u.o),
        charged: toBigInt(u.charged),
      }));
      return {
        accountId,
        accountName: account.name,
        accountEmail: account.email,
        number: statementNumber(accountId, from),
        from,
        to,
        label,
        generatedAt: new Date(),
        opening,
        totals,
        closing: closingOf(opening, totals),
        lines,
        usage: usageRows,
        usageByDay: byDay.map((d) => ({ day: d.day, calls: toBigInt(d.calls), charged: toBigInt(d.charged) })),
        usageTotal: usageRows.reduce((s, u) => s + u.charged, 0n),
      };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}

function describe(type: string, reason: string | null): string {
  const base: Record<string, string> = {
    PURCHASE: 'Credit pack purchase',
    USAGE: 'Usage',
    REFUND: 'Refund',
    ADJUSTMENT: 'Adjustment',
    BONUS: 'Bonus credits',
    PROMO: 'Promotional credits',
    REVERSAL: 'Reversal',
    EXPIRY: 'Expired credits',
  };
  const text = base[type] ?? type;
  return reason ? `${text}: ${reason}`.slice(0, 200) : text;
}
