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
 * The cash behind the paid section's Stripe movements on one UTC day, in micro-dollars (cents ×
 * 10,000, exact): a payment (line `purchased`), a refund or a dispute (`refunded`; a dispute won
 * gives it back). Signed: + received. `tax` is the tax in it (a refund's or dispute's pre-tax
 * share is taken as `preTaxShare` does); `credits` the ledger movement of those same entries.
 */
export interface CashLine {
  day: string;
  line: 'purchased' | 'refunded';
  cash: bigint;
  tax: bigint;
  credits: bigint;
}

const TAX_PAYABLE: LedgerAccount = { code: '2200', name: 'Sales tax payable' };
const PRICE_DIFFERENCE: LedgerAccount = { code: '4900', name: 'Pack price less credits issued (volume bonus, discounts)' };

/**
 * One balanced entry per day, section and line of the roll-forward: a credit into a section
 * debits the line's account and credits the section's deferred account, an outflow the reverse.
 * Stripe clearing (1100) is booked at the cash the day's payments, refunds and disputes moved
 * (`cash`): its tax to 2200, and what the pack's price and the credits' value differ by (a volume
 * bonus, a discount, rounding of a partial refund) to 4900, so deferred revenue stays at the
 * credits' value and ties to the ledger. Movements with no payment behind them (a staff-posted
 * purchase) stay at the credits' value. Days before the month (the opening) are not entries.
 */
export function journalRows(lines: readonly MovementLine[], cash: readonly CashLine[] = []): JournalRow[] {
  type Entry = { date: string; section: DeferredSection; line: RollForwardLine; amount: bigint; cash?: CashLine };
  const byEntry = new Map<string, Entry>();
  const entryOf = (date: string, section: DeferredSection, line: RollForwardLine) => {
    const key = `${date}|${section}|${line}`;
    const entry = byEntry.get(key) ?? { date, section, line, amount: 0n };
    byEntry.set(key, entry);
    return entry;
  };
  for (const l of lines) if (l.day !== null) entryOf(l.day, l.section, lineOf(l.section, l.counterparty)).amount += l.amount;
  for (const c of cash) entryOf(c.day, 'paid', c.line).cash = c;
  const order = (s: DeferredSection) => DEFERRED_SECTIONS.indexOf(s);
  const entries = [...byEntry.values()]
    .filter((e) => e.amount !== 0n || (e.cash && (e.cash.cash !== 0n || e.cash.tax !== 0n)))
    .sort((a, b) => a.date.localeCompare(b.date) || order(a.section) - order(b.section) || a.line.localeCompare(b.line));
  const rows: JournalRow[] = [];
  for (const e of entries) {
    const { deferred, lines: accounts } = CHART[e.section];
    const memo = `${SECTION_LABEL[e.section]} ${MEMO[e.line]}`;
    const reference = `CM-${e.date}-${e.section.toUpperCase()}-${e.line.toUpperCase()}`;
    // Signed debits (a negative one is a credit); each entry's sum is zero.
    const c = e.cash ?? { cash: 0n, tax: 0n, credits: 0n };
    const legs: [LedgerAccount, bigint][] = e.cash
      ? [
          [accounts[e.line], e.amount - c.credits + c.cash],
          [TAX_PAYABLE, -c.tax],
          [PRICE_DIFFERENCE, c.credits - c.cash + c.tax],
          [deferred, -e.amount],
        ]
      : [
          [accounts[e.line], e.amount],
          [deferred, -e.amount],
        ];
    const ordered = [...legs.filter(([, v]) => v > 0n), ...legs.filter(([, v]) => v < 0n)];
    for (const [account, v] of ordered) {
      rows.push({
        date: e.date,
        account: account.code,
        accountName: account.name,
        debit: v > 0n ? v : 0n,
        credit: v < 0n ? -v : 0n,
        memo,
        reference,
      });
    }
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
