import type { EntityManager } from '@mikro-orm/postgresql';
import { emitEvent } from '../notify/outbox.js';
import type { Purchase, PurchaseStatus } from './billing.types.js';

/** The outgoing events of billing, each written in the transaction (`em`) that makes it true. */

export const emitPurchaseFulfilled = (
  em: EntityManager,
  p: Purchase,
  f: { transactionId: string; amountPaidCents: bigint; balanceMillicredits: bigint },
) =>
  emitEvent(em, {
    type: 'purchase.fulfilled',
    accountId: p.accountId,
    data: {
      purchaseId: p.id,
      accountId: p.accountId,
      kind: p.kind,
      packId: p.packId,
      creditsMillicredits: p.credits,
      amountPaidCents: f.amountPaidCents,
      currency: p.currency,
      transactionId: f.transactionId,
      balanceMillicredits: f.balanceMillicredits,
    },
  });

export const emitPurchaseRefunded = (
  em: EntityManager,
  p: Purchase,
  r: { refundedCents: bigint; refundedCredits: bigint; debitedMillicredits: bigint; status: PurchaseStatus; transactionId: string | null },
) =>
  emitEvent(em, {
    type: 'purchase.refunded',
    accountId: p.accountId,
    data: {
      purchaseId: p.id,
      accountId: p.accountId,
      status: r.status,
      refundedCents: r.refundedCents,
      refundedCreditsMillicredits: r.refundedCredits,
      debitedMillicredits: r.debitedMillicredits,
      currency: p.currency,
      transactionId: r.transactionId,
    },
  });

export const emitAutoRechargeFailed = (em: EntityManager, accountId: string, f: { purchaseId: string | null; reason: string }) =>
  emitEvent(em, {
    type: 'auto_recharge.failed',
    accountId,
    data: { accountId, purchaseId: f.purchaseId, reason: f.reason.slice(0, 300), autoRechargeDisabled: true },
  });
