export const LEDGER_ENTRY_TYPES = ['PURCHASE', 'USAGE', 'REFUND', 'ADJUSTMENT', 'BONUS', 'PROMO', 'REVERSAL', 'EXPIRY'] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

export const SYSTEM_ACCOUNTS = ['sales', 'consumption', 'promotions', 'adjustments', 'refunds', 'expiry'] as const;
export type SystemAccountCode = (typeof SYSTEM_ACCOUNTS)[number];

/** One customer account's view of a ledger transaction. */
export interface LedgerEntry {
  id: string;
  seq: bigint;
  accountId: string;
  type: LedgerEntryType;
  amountMillicredits: bigint;
  balanceAfterMillicredits: bigint;
  reversalOfId: string | null;
  referenceId: string | null;
  reason: string | null;
  createdAt: Date;
}

export interface BalanceSnapshot {
  accountId: string;
  posted: bigint;
  pending: bigint;
  updatedAt: Date;
}

export interface Posting {
  accountId: string;
  amount: bigint;
}
