export const GRANT_KINDS = ['PURCHASE', 'PROMO', 'BONUS', 'ADJUSTMENT', 'REVERSAL', 'OPENING'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

export const GRANT_STATUSES = ['ACTIVE', 'SPENT', 'EXPIRED', 'VOIDED'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** A grant's data (the engine's `grants` row); `GrantGql` is the class that carries it. */
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
