import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { currentEm } from '../db/unit-of-work.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import { requestHash } from '../shared/request-hash.js';
import { refundedCreditsShare } from '../money/money.js';
import { DomainError, swallowed } from '../shared/errors.js';
import { checkPayment, idOf, refundProblem, statusAfterRefund, str, type PaymentCheck } from './billing.rules.js';
import { emitAutoRechargeFailed, emitPurchaseFulfilled, emitPurchaseRefunded } from './billing.events.js';
import type { PaymentFacts, PurchaseStatus } from './billing.types.js';
import { PurchaseEntity, type PurchaseEntity as Purchase } from './purchases.repository.js';
import { BillingCustomerEntity } from './billing-customers.repository.js';
import { AutoRechargeSettingsEntity } from './auto-recharge-settings.repository.js';

export type FulfilOutcome =
  | { kind: 'fulfilled'; purchase: Purchase }
  | { kind: 'already'; purchase: Purchase }
  | { kind: 'pending'; purchase: Purchase }
  | { kind: 'mismatch'; purchase: Purchase; reason: string };

export type RefundOutcome =
  | { kind: 'refunded' | 'unchanged'; purchase: Purchase; debitedMillicredits: bigint }
  | { kind: 'refused'; purchase: Purchase; reason: string };

/** Thrown inside a ledger transaction to roll it back when the purchase row moved underneath (the caller re-reads). */
class PurchaseMoved extends DomainError {
  constructor() {
    super('CONFLICT', 'The purchase changed meanwhile');
  }
}

/** What a ledger posting hands its in-transaction work (the entry's id and the balance after). */
type PostedTransaction = Parameters<NonNullable<Parameters<LedgerService['post']>[1]>>[1];

export interface StaffContext {
  actor: Principal;
  action: string;
  reason: string;
}

/**
 * Turns a confirmed payment into credits exactly once, and a refund into a REFUND debit. The
 * database decides: the PURCHASE entry's idempotency key is `purchase:<id>` (unique per account)
 * and the row's status moves PENDING -> FULFILLED in the same transaction, so repeated or
 * concurrent deliveries, two event types for one session or a staff re-run all credit once.
 */
export class FulfilmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly ledger: LedgerService,
    private readonly stripe: Stripe | null,
    private readonly log: Logger,
  ) {}

  private purchases(em = currentEm(this.em)) {
    return em.getRepository(PurchaseEntity);
  }

  async purchase(id: string): Promise<Purchase | null> {
    return this.purchases().byId(id);
  }

  async fulfil(purchaseId: string, facts: PaymentFacts, staff?: StaffContext): Promise<FulfilOutcome> {
    const purchase = await this.purchases().byId(purchaseId);
    if (!purchase) throw new Error(`unknown purchase ${purchaseId}`);
    if (purchase.stripeCheckoutSessionId && facts.checkoutSessionId && purchase.stripeCheckoutSessionId !== facts.checkoutSessionId) {
      return this.fail(purchase, `checkout session ${facts.checkoutSessionId} is not the purchase's own`);
    }
    const fromStatuses: PurchaseStatus[] = staff ? ['PENDING', 'FAILED'] : ['PENDING'];
    if (!fromStatuses.includes(purchase.status)) return { kind: 'already', purchase };

    const check = checkPayment(purchase, facts);
    if (check.kind === 'pending') {
      await this.purchases().recordStripeRefs(purchase.id, {
        checkoutSessionId: facts.checkoutSessionId,
        paymentIntentId: facts.paymentIntentId,
        customerId: facts.customerId,
      });
      return { kind: 'pending', purchase: (await this.purchases().byId(purchase.id))! };
    }
    if (check.kind === 'mismatch') return this.fail(purchase, check.reason);

    await this.recordPayment(purchase, facts);
    try {
      await this.ledger.post(
        {
          accountId: purchase.accountId,
          type: 'PURCHASE',
          delta: purchase.credits,
          counterparty: 'sales',
          idempotencyKey: `purchase:${purchase.id}`,
          requestHash: requestHash({ purchaseId: purchase.id, credits: purchase.credits }),
          referenceId: purchase.id,
          reason: `Credit pack ${purchase.packId}`,
          actorKeyId: staff?.actor.keyId ?? null,
        },
        (tem, posted) => this.markFulfilledIn(tem, posted, purchase, check, fromStatuses, staff),
      );
    } catch (err) {
      if (!(err instanceof PurchaseMoved)) throw err;
    }
    const after = (await this.purchases().byId(purchase.id))!;
    return after.status === 'FULFILLED' && purchase.status !== 'FULFILLED'
      ? { kind: 'fulfilled', purchase: after }
      : { kind: 'already', purchase: after };
  }

  /** Receipt, invoice and saved card come from Stripe: read them before the transaction, never inside it. */
  private async recordPayment(purchase: Purchase, facts: PaymentFacts): Promise<void> {
    const extra = await this.chargeDetails(facts.paymentIntentId);
    const invoice = await this.invoiceLinks(facts.invoiceId);
    const customerId = facts.customerId ?? extra.customerId;
    await this.purchases().recordStripeRefs(purchase.id, {
      checkoutSessionId: facts.checkoutSessionId,
      paymentIntentId: facts.paymentIntentId,
      customerId,
      receiptUrl: extra.receiptUrl,
      invoiceId: facts.invoiceId,
      ...invoice,
    });
    if (customerId)
      await currentEm(this.em).getRepository(BillingCustomerEntity).save(purchase.accountId, customerId, extra.paymentMethodId);
  }

  /** In the PURCHASE entry's transaction: the row moves to FULFILLED (or the entry rolls back), the event and the staff audit row. */
  private async markFulfilledIn(
    tem: EntityManager,
    posted: PostedTransaction,
    purchase: Purchase,
    check: Extract<PaymentCheck, { kind: 'paid' }>,
    fromStatuses: PurchaseStatus[],
    staff: StaffContext | undefined,
  ): Promise<void> {
    const moved = await this.purchases(tem).markFulfilled(purchase.id, {
      transactionId: posted.transactionId,
      amountPaidCents: check.amountPaidCents,
      discountCents: check.discountCents,
      subtotalCents: check.subtotalCents,
      taxCents: check.taxCents,
      fromStatuses,
    });
    if (!moved) throw new PurchaseMoved();
    await emitPurchaseFulfilled(tem, purchase, {
      transactionId: posted.transactionId,
      amountPaidCents: check.amountPaidCents,
      balanceMillicredits: posted.balance.posted,
    });
    if (!staff) return;
    await writeAudit(tem, {
      actor: staff.actor,
      action: staff.action,
      targetType: 'purchase',
      targetId: purchase.id,
      before: { status: purchase.status },
      after: { status: 'FULFILLED', transactionId: posted.transactionId, creditsMillicredits: purchase.credits },
      reason: staff.reason,
    });
  }

  private async fail(purchase: Purchase, reason: string): Promise<FulfilOutcome> {
    const marked = await currentEm(this.em).transactional(async (tem) => {
      const marked = await this.purchases(tem).markFailed(purchase.id, reason);
      if (purchase.kind === 'AUTO_RECHARGE') {
        await tem
          .getRepository(AutoRechargeSettingsEntity)
          .setNotice(purchase.accountId, `Auto-recharge payment could not be verified (${reason}); auto-recharge was turned off.`, true);
        if (marked)
          await emitAutoRechargeFailed(tem, purchase.accountId, {
            purchaseId: purchase.id,
            reason: `payment could not be verified (${reason})`,
          });
      }
      return marked;
    });
    this.log.warn(
      { purchaseId: purchase.id, accountId: purchase.accountId, reason, marked },
      'purchase payment does not match: nothing credited',
    );
    return { kind: 'mismatch', purchase: (await this.purchases().byId(purchase.id))!, reason };
  }

  /** A payment that failed or a session that expired: PENDING -> FAILED, credits nothing. */
  async markFailed(purchaseId: string, reason: string): Promise<Purchase | null> {
    const purchase = await this.purchases().byId(purchaseId);
    if (!purchase) return null;
    await currentEm(this.em).transactional(async (tem) => {
      const marked = await this.purchases(tem).markFailed(purchaseId, reason);
      if (purchase.kind === 'AUTO_RECHARGE' && marked) {
        await tem
          .getRepository(AutoRechargeSettingsEntity)
          .setNotice(purchase.accountId, `Auto-recharge payment failed (${reason}); auto-recharge was turned off.`, true);
        await emitAutoRechargeFailed(tem, purchase.accountId, { purchaseId, reason });
      }
    });
    return this.purchases().byId(purchaseId);
  }

  /** The invoice's hosted page and PDF (best effort: the purchase is fulfilled without them). */
  private async invoiceLinks(invoiceId: string | null): Promise<{ invoiceUrl: string | null; invoicePdfUrl: string | null }> {
    if (!this.stripe || !invoiceId) return { invoiceUrl: null, invoicePdfUrl: null };
    try {
      const invoice = await this.stripe.invoices.retrieve(invoiceId);
      return { invoiceUrl: invoice.hosted_invoice_url ?? null, invoicePdfUrl: invoice.invoice_pdf ?? null };
    } catch (err) {
      // Fulfilled without the invoice's links.
      swallowed(err, 'fulfilment.invoice-links', this.log);
      return { invoiceUrl: null, invoicePdfUrl: null };
    }
  }

  /** Receipt URL, customer and payment method from the payment intent's charge (best effort). */
  private async chargeDetails(
    paymentIntentId: string | null,
  ): Promise<{ receiptUrl: string | null; customerId: string | null; paymentMethodId: string | null }> {
    const none = { receiptUrl: null, customerId: null, paymentMethodId: null };
    if (!this.stripe || !paymentIntentId) return none;
    try {
      const intent = (await this.stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge'] })) as unknown as Record<
        string,
        unknown
      >;
      const charge =
        intent.latest_charge && typeof intent.latest_charge === 'object' ? (intent.latest_charge as Record<string, unknown>) : null;
      return { receiptUrl: str(charge?.receipt_url), customerId: idOf(intent.customer), paymentMethodId: idOf(intent.payment_method) };
    } catch (err) {
      // Fulfilled without a receipt.
      swallowed(err, 'fulfilment.charge-details', this.log);
      return none;
    }
  }

  /**
   * `charge.refunded`: debits the refunded share of the credits (cumulative over partial refunds,
   * see `refundedCreditsShare`) with a REFUND entry linked to the PURCHASE entry. May take the
   * balance negative: the credits may already be spent.
   */
  async refund(purchaseId: string, charge: RefundedCharge, staff?: StaffContext): Promise<RefundOutcome> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const outcome = await this.refundOnce(purchaseId, charge, staff);
      if (outcome) return outcome; // null: another refund event landed first, so re-read and recompute
    }
    throw new Error(`refund of purchase ${purchaseId} kept racing with other refunds`);
  }

  private async refundOnce(purchaseId: string, charge: RefundedCharge, staff?: StaffContext): Promise<RefundOutcome | null> {
    const purchase = await this.purchases().byId(purchaseId);
    if (!purchase) throw new Error(`unknown purchase ${purchaseId}`);
    if (!purchase.transactionId || !['FULFILLED', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(purchase.status)) {
      throw new Error(
        `purchase ${purchaseId} is ${purchase.status}: a refund needs a fulfilled purchase (replay this event after fulfilment)`,
      );
    }
    const paid = purchase.amountPaidCents ?? charge.amountCents ?? purchase.amountCents;
    const problem = refundProblem(charge.amountRefundedCents, paid);
    if (problem) return { kind: 'refused', purchase, reason: problem };
    const target = refundedCreditsShare(purchase.credits, charge.amountRefundedCents, paid);
    const debit = target - purchase.refundedCredits;
    if (debit <= 0n && charge.amountRefundedCents <= purchase.refundedCents) {
      return { kind: 'unchanged', purchase, debitedMillicredits: 0n };
    }
    const update = {
      expectedRefundedCredits: purchase.refundedCredits,
      refundedCents: charge.amountRefundedCents,
      refundedCredits: target > purchase.refundedCredits ? target : purchase.refundedCredits,
      status: statusAfterRefund(charge.amountRefundedCents, paid),
    };
    try {
      await this.recordRefundOf({ purchase, update, debit, paid, refundedCents: charge.amountRefundedCents }, staff);
    } catch (err) {
      if (err instanceof PurchaseMoved) return null;
      throw err;
    }
    if (charge.receiptUrl) await this.purchases().recordStripeRefs(purchase.id, { receiptUrl: charge.receiptUrl });
    const after = (await this.purchases().byId(purchase.id))!;
    return { kind: 'refunded', purchase: after, debitedMillicredits: debit > 0n ? debit : 0n };
  }

  /** The REFUND entry (when credits are debited) and the row's new refund totals, in one transaction. */
  private async recordRefundOf(plan: RefundPlan, staff: StaffContext | undefined): Promise<void> {
    const { purchase, update, debit, paid, refundedCents } = plan;
    const apply = async (tem: EntityManager, transactionId: string | null) => {
      if (!(await this.purchases(tem).recordRefund(purchase.id, update))) throw new PurchaseMoved();
      await emitPurchaseRefunded(tem, purchase, { ...update, debitedMillicredits: debit > 0n ? debit : 0n, transactionId });
      // Every REFUND entry has its audit row (reconciliation checks it), whoever sent the refund.
      if (staff || transactionId) await writeAudit(tem, refundAudit(plan, staff, transactionId));
    };
    if (debit <= 0n) return currentEm(this.em).transactional((tem) => apply(tem, null));
    await this.ledger.post(
      {
        accountId: purchase.accountId,
        type: 'REFUND',
        delta: -debit,
        counterparty: 'refunds',
        idempotencyKey: `refund:${purchase.id}:${refundedCents}`,
        requestHash: requestHash({ purchaseId: purchase.id, refunded: refundedCents, debit }),
        referenceId: purchase.id,
        reversalOfId: purchase.transactionId,
        reason: `Refund of ${refundedCents} of ${paid} cents`,
        actorKeyId: staff?.actor.keyId ?? null,
        allowNegative: true,
      },
      (tem, posted) => apply(tem, posted.transactionId),
    );
  }
}

interface RefundedCharge {
  amountRefundedCents: bigint;
  amountCents: bigint | null;
  receiptUrl: string | null;
}

interface RefundPlan {
  purchase: Purchase;
  update: { expectedRefundedCredits: bigint; refundedCents: bigint; refundedCredits: bigint; status: PurchaseStatus };
  /** Credits to debit now (<= 0: none, the cents alone changed). */
  debit: bigint;
  paid: bigint;
  refundedCents: bigint;
}

function refundAudit(
  { purchase, update, debit, paid, refundedCents }: RefundPlan,
  staff: StaffContext | undefined,
  transactionId: string | null,
) {
  return {
    actor: staff?.actor ?? null,
    action: 'billing.refund',
    targetType: 'purchase',
    targetId: purchase.id,
    before: { status: purchase.status, refundedCreditsMillicredits: purchase.refundedCredits },
    after: {
      status: update.status,
      refundedCreditsMillicredits: update.refundedCredits,
      transactionId,
      ...(transactionId ? { amountMillicredits: -debit } : {}),
    },
    reason: staff?.reason ?? `Stripe refunded ${refundedCents} of ${paid} cents`,
  };
}
