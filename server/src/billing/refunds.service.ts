import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { currentEm } from '../db/unit-of-work.js';
import { DomainError, badInput, notFound } from '../shared/errors.js';
import { preTaxShare, refundableCents } from './billing.rules.js';
import type { FulfilmentService } from './fulfilment.service.js';
import { PurchaseEntity, type PurchaseEntity as Purchase } from './purchases.repository.js';

const REFUNDABLE = ['FULFILLED', 'PARTIALLY_REFUNDED'];

/**
 * Refunds started by staff. The request goes to Stripe's refund API and is audited with its
 * reason; the credits are debited when Stripe's `charge.refunded` webhook arrives, by the same
 * code as a refund made in Stripe's dashboard, so a refund is booked once whoever started it.
 * In test mode (no Stripe) the refund is booked at once through that same code.
 */
export class RefundsService {
  constructor(
    private readonly em: EntityManager,
    private readonly fulfilment: FulfilmentService,
    private readonly stripe: Stripe | null,
    private readonly log: Logger,
  ) {}

  /** `amountCents` (tax included, as the card was charged) defaults to everything still refundable. */
  async refundPurchase(actor: Principal, purchaseId: string, amountCentsInput: number | null | undefined, reason: string) {
    const purchase = await currentEm(this.em).getRepository(PurchaseEntity).byId(purchaseId);
    if (!purchase) throw notFound(`Purchase ${purchaseId} not found`);
    if (!REFUNDABLE.includes(purchase.status)) {
      throw new DomainError('CONFLICT', `Purchase ${purchaseId} is ${purchase.status}: only a paid purchase can be refunded`);
    }
    const amount = refundAmount(purchase, amountCentsInput);
    if (this.stripe) {
      const refund = await this.requestStripeRefund(purchase, amount, reason);
      await this.audit(actor, purchase, amount, reason, refund.id);
    } else {
      if (purchase.kind !== 'TEST_CHECKOUT')
        throw new DomainError('CONFLICT', 'Stripe is not configured: this purchase cannot be refunded here');
      await this.audit(actor, purchase, amount, reason, null);
      const paid = purchase.amountPaidCents ?? purchase.amountCents;
      const booked = await this.fulfilment.refund(purchase.id, {
        amountRefundedCents: purchase.refundedCents + amount,
        amountCents: paid,
        receiptUrl: null,
      });
      if (booked.kind === 'refused') throw new DomainError('CONFLICT', `The refund cannot be booked: ${booked.reason}`);
    }
    return (await currentEm(this.em).getRepository(PurchaseEntity).byId(purchaseId))!;
  }

  private async requestStripeRefund(purchase: Purchase, amount: bigint, reason: string): Promise<Stripe.Refund> {
    if (!purchase.stripePaymentIntentId) throw new DomainError('CONFLICT', 'This purchase has no Stripe payment to refund');
    try {
      return await this.stripe!.refunds.create(
        {
          payment_intent: purchase.stripePaymentIntentId,
          amount: Number(amount),
          reason: 'requested_by_customer',
          metadata: { purchase_id: purchase.id, account_id: purchase.accountId, staff_reason: reason.slice(0, 450) },
        },
        // The same request from the same state (a double click, a retried mutation) is one refund.
        { idempotencyKey: `refund:${purchase.id}:${purchase.refundedCents}:${amount}` },
      );
    } catch (err) {
      const e = err as { type?: string; message?: string };
      this.log.warn({ purchaseId: purchase.id, error: e.message }, 'stripe refused or failed a refund');
      if (e.type === 'StripeInvalidRequestError' || e.type === 'StripeCardError') {
        throw new DomainError('CONFLICT', `Stripe refused the refund: ${String(e.message).slice(0, 300)}`);
      }
      throw new DomainError('CONFLICT', 'The payment provider is unavailable; nothing was refunded, please try again');
    }
  }

  private async audit(actor: Principal, purchase: Purchase, amount: bigint, reason: string, stripeRefundId: string | null) {
    const total = purchase.totalCents ?? purchase.amountPaidCents ?? purchase.amountCents;
    await currentEm(this.em).transactional((tem) =>
      writeAudit(tem, {
        actor,
        action: 'billing.refundPurchase',
        targetType: 'purchase',
        targetId: purchase.id,
        before: { status: purchase.status, refundedCents: purchase.refundedCents },
        after: {
          requestedCents: amount,
          preTaxCents: preTaxShare(amount, total, purchase.taxCents ?? 0n),
          stripeRefundId,
        },
        reason,
      }),
    );
  }
}

/** The amount asked for, checked against what the purchase may still give back. */
function refundAmount(purchase: Purchase, input: number | null | undefined): bigint {
  const remaining = refundableCents(purchase);
  if (input === null || input === undefined) {
    if (remaining <= 0n) throw new DomainError('CONFLICT', 'Nothing is left to refund on this purchase');
    return remaining;
  }
  if (!Number.isSafeInteger(input) || input <= 0)
    throw badInput('amountCents must be a whole number of cents above 0', { field: 'amountCents' });
  const amount = BigInt(input);
  if (amount > remaining) {
    throw badInput(`amountCents ${amount} exceeds the ${remaining} cents still refundable`, { field: 'amountCents' });
  }
  return amount;
}
