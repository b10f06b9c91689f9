import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, badInput } from '../shared/errors.js';
import { balanceBefore, movementsOf, statementAccount, usageByDay, usageByModel, type MovementRow } from './queries/statement.queries.js';

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

/** The period's movements as statement lines (usage deductions summarised elsewhere) and each section's total. */
function linesAndTotals(movements: MovementRow[]): { lines: StatementLine[]; totals: Record<StatementSection, bigint> } {
  const totals = Object.fromEntries(SECTIONS.map((s) => [s, 0n])) as Record<StatementSection, bigint>;
  const lines: StatementLine[] = [];
  for (const m of movements) {
    const section = SECTION_OF[m.counterparty ?? ''] ?? 'ADJUSTMENT';
    totals[section] += m.amount;
    if (section === 'DEDUCTION' && m.type === 'USAGE') continue;
    lines.push({
      date: m.createdAt,
      section,
      type: m.type,
      transactionId: m.transactionId,
      reference: m.referenceId,
      description: describe(m.type, m.reason),
      amount: m.amount,
      receiptUrl: m.receiptUrl,
      paidCents: m.paidCents,
      taxCents: m.taxCents,
      invoiceUrl: m.invoiceUrl,
    });
  }
  return { lines, totals };
}

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
      const account = await statementAccount(tem, accountId);
      if (!account) throw notFound(`Account ${accountId} not found`);
      const opening = await balanceBefore(tem, accountId, from);
      const { lines, totals } = linesAndTotals(await movementsOf(tem, accountId, from, to));
      const usage = await usageByModel(tem, accountId, from, to);
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
        usage,
        usageByDay: await usageByDay(tem, accountId, from, to),
        usageTotal: usage.reduce((s, u) => s + u.charged, 0n),
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
