export const GRANT_KINDS = ['PURCHASE', 'PROMO', 'BONUS', 'ADJUSTMENT', 'REVERSAL', 'OPENING'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

export const GRANT_STATUSES = ['ACTIVE', 'SPENT', 'EXPIRED', 'VOIDED'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

export interface Grant {
  id: string;
  accountId: string;
  kind: GrantKind;
  sourceTransactionId: string | null;
  amount: bigint;
  remaining: bigint;
  priority: number;
  expiresAt: Date | null;
  expiredAt: Date | null;
  voidedAt: Date | null;
  createdAt: Date;
}

export interface GrantAllocation {
  id: bigint;
  grantId: string;
  transactionId: string;
  amount: bigint;
  purpose: 'DEBIT' | 'DEBT';
  createdAt: Date;
}

export interface ExpiryRun {
  expiredGrants: number;
  expiredMillicredits: bigint;
}
