import { formatMicroUsd } from '../money/money.js';

/**
 * Deferred revenue, pure: the roll-forward of each kind of credit and the journal that books it.
 * The chart of accounts and the reasoning are in docs/finance.md.
 */

/** Paid credits are deferred revenue; promotional and staff goodwill credits are not revenue at all. */
export const DEFERRED_SECTIONS = ['paid', 'promotional', 'adjustments'] as const;
export type DeferredSection = (typeof DEFERRED_SECTIONS)[number];

export const ROLL_FORWARD_LINES = ['purchased', 'recognised', 'breakage', 'refunded', 'adjusted', 'reclassified'] as const;
export type RollForwardLine = (typeof ROLL_FORWARD_LINES)[number];

/** Lines that take credits out of a section: reported as positive amounts and subtracted. */
const OUTFLOWS: ReadonlySet<RollForwardLine> = new Set(['recognised', 'breakage', 'refunded']);

/** One section's movements on one UTC day (`day` null: everything before the period). Signed: + into the section. */
export interface MovementLine {
  day: string | null;
  section: DeferredSection;
  counterparty: string;
  amount: bigint;
}

export type SectionRollForward = Record<'opening' | RollForwardLine | 'closing', bigint>;
export type RollForward = Record<DeferredSection, SectionRollForward>;

/** The ledger at one instant, read from the grants and postings rather than from the movements. */
export interface SectionState {
  paidRemaining: bigint;
  promotionalRemaining: bigint;
  adjustmentsRemaining: bigint;
  /** Customers' balances below zero (a refund of credits already spent), as a positive amount. */
  debt: bigint;
  /** The sum of every customer balance. */
  ledgerBalance: bigint;
}

/** Which line of the roll-forward a movement against a system account is. */
export function lineOf(section: DeferredSection, counterparty: string): RollForwardLine {
  switch (counterparty) {
    case 'reclassified':
      return 'reclassified';
    case 'sales':
      return section === 'paid' ? 'purchased' : 'adjusted';
    case 'promotions':
      return section === 'promotional' ? 'purchased' : 'adjusted';
    case 'consumption':
      return 'recognised';
    case 'expiry':
      return 'breakage';
    case 'refunds':
      return section === 'paid' ? 'refunded' : 'adjusted';
    default:
      return 'adjusted';
  }
}

const emptySection = (): SectionRollForward => ({
  opening: 0n,
  purchased: 0n,
  recognised: 0n,
  breakage: 0n,
  refunded: 0n,
  adjusted: 0n,
  reclassified: 0n,
  closing: 0n,
});

/** opening + purchased + adjusted + reclassified − recognised − breakage − refunded = closing, per section. */
export function rollForward(lines: readonly MovementLine[]): RollForward {
  const out = { paid: emptySection(), promotional: emptySection(), adjustments: emptySection() };
  for (const l of lines) {
    const s = out[l.section];
    if (l.day === null) s.opening += l.amount;
    else {
      const line = lineOf(l.section, l.counterparty);
      s[line] += OUTFLOWS.has(line) ? -l.amount : l.amount;
    }
    s.closing += l.amount;
  }
  return out;
}

/** The closing balance the equation gives (checked against the running total in tests). */
export const closingByEquation = (s: SectionRollForward): bigint =>
  s.opening + s.purchased + s.adjusted + s.reclassified - s.recognised - s.breakage - s.refunded;

/** Sum of the three sections, line by line. */
export function totalOf(r: RollForward): SectionRollForward {
  const total = emptySection();
  for (const section of DEFERRED_SECTIONS) {
    for (const key of Object.keys(total) as (keyof SectionRollForward)[]) total[key] += r[section][key];
  }
  return total;
}

/** Where the ledger's own state disagrees with the roll-forward's closing balances (none = it ties). */
export function tieOut(r: RollForward, state: SectionState): { subject: string; expected: bigint; actual: bigint }[] {
  const pairs: [string, bigint, bigint][] = [
    ['paid', state.paidRemaining - state.debt, r.paid.closing],
    ['promotional', state.promotionalRemaining, r.promotional.closing],
    ['adjustments', state.adjustmentsRemaining, r.adjustments.closing],
    ['ledger', state.ledgerBalance, totalOf(r).closing],
  ];
  return pairs.filter(([, expected, actual]) => expected !== actual).map(([subject, expected, actual]) => ({ subject, expected, actual }));
}

// ---- The journal ---------------------------------------------------------------------------

export interface LedgerAccount {
  code: string;
  name: string;
}

/**
 * Free credits are neither revenue nor a liability: memorandum accounts count them (outstanding,
 * granted, used, expired, anything else), each entry balancing within the range.
 */
function memoAccounts(base: number, what: string, grantedBy: RollForwardLine) {
  const account = (offset: number, name: string): LedgerAccount => ({
    code: String(base + offset),
    name: `${what} credits ${name} (memo)`,
  });
  const other = account(40, 'adjusted');
  const lines = { purchased: other, recognised: account(20, 'used'), breakage: account(30, 'expired'), refunded: other, adjusted: other };
  return { deferred: account(0, 'outstanding'), lines: { ...lines, reclassified: other, [grantedBy]: account(10, 'granted') } };
}

/** The chart of accounts (docs/finance.md): one deferred account per section and one account per line. */
export const CHART: Record<DeferredSection, { deferred: LedgerAccount; lines: Record<RollForwardLine, LedgerAccount> }> = {
  paid: {
    deferred: { code: '2300', name: 'Deferred revenue: prepaid credits' },
    lines: {
      purchased: { code: '1100', name: 'Stripe clearing' },
      recognised: { code: '4000', name: 'Usage revenue' },
      breakage: { code: '4100', name: 'Breakage revenue' },
      refunded: { code: '1100', name: 'Stripe clearing' },
      adjusted: { code: '6300', name: 'Staff credit adjustments' },
      reclassified: { code: '6200', name: 'Promotional credits applied to refunds and debts' },
    },
  },
  promotional: memoAccounts(9200, 'Promotional', 'purchased'),
  adjustments: memoAccounts(9300, 'Goodwill', 'adjusted'),
};

const MEMO: Record<RollForwardLine, string> = {
  purchased: 'credits bought',
  recognised: 'credits used: revenue recognised',
  breakage: 'credits expired unused: breakage',
  refunded: 'refunds and disputes',
  adjusted: 'staff adjustments and reversals',
  reclassified: 'credits moved between paid and promotional',
};

const SECTION_LABEL: Record<DeferredSection, string> = { paid: 'Paid', promotional: 'Promotional', adjustments: 'Goodwill' };

export interface JournalRow {
  date: string;
  account: string;
  accountName: string;
  /** Micro-dollars (= millicredits): exactly one of debit and credit is non-zero. */
  debit: bigint;
  credit: bigint;
  memo: string;
  reference: string;
}

/**
 * One balanced two-line entry per day, section and line of the roll-forward: a credit into a
 * section debits the line's account and credits the section's deferred account, an outflow the
 * reverse. Days before the month (the opening) are not journal entries.
 */
export function journalRows(lines: readonly MovementLine[]): JournalRow[] {
  const byEntry = new Map<string, { date: string; section: DeferredSection; line: RollForwardLine; amount: bigint }>();
  for (const l of lines) {
    if (l.day === null) continue;
    const line = lineOf(l.section, l.counterparty);
    const key = `${l.day}|${l.section}|${line}`;
    const entry = byEntry.get(key) ?? { date: l.day, section: l.section, line, amount: 0n };
    entry.amount += l.amount;
    byEntry.set(key, entry);
  }
  const order = (s: DeferredSection) => DEFERRED_SECTIONS.indexOf(s);
  const entries = [...byEntry.values()]
    .filter((e) => e.amount !== 0n)
    .sort((a, b) => a.date.localeCompare(b.date) || order(a.section) - order(b.section) || a.line.localeCompare(b.line));
  const rows: JournalRow[] = [];
  for (const e of entries) {
    const { deferred, lines: accounts } = CHART[e.section];
    const other = accounts[e.line];
    const amount = e.amount < 0n ? -e.amount : e.amount;
    const [debit, credit] = e.amount > 0n ? [other, deferred] : [deferred, other];
    const memo = `${SECTION_LABEL[e.section]} ${MEMO[e.line]}`;
    const reference = `CM-${e.date}-${e.section.toUpperCase()}-${e.line.toUpperCase()}`;
    rows.push({ date: e.date, account: debit.code, accountName: debit.name, debit: amount, credit: 0n, memo, reference });
    rows.push({ date: e.date, account: credit.code, accountName: credit.name, debit: 0n, credit: amount, memo, reference });
  }
  return rows;
}

export const JOURNAL_COLUMNS = ['date', 'account_code', 'account_name', 'debit', 'credit', 'memo', 'reference'];

/** A journal row as CSV cells: USD with six decimals (1 millicredit = $0.000001), the empty side blank. */
export const journalCells = (r: JournalRow): string[] => [
  r.date,
  r.account,
  r.accountName,
  r.debit === 0n ? '' : formatMicroUsd(r.debit),
  r.credit === 0n ? '' : formatMicroUsd(r.credit),
  r.memo,
  r.reference,
];
