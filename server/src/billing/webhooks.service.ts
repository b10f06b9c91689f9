import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { currentEm } from '../db/unit-of-work.js';
import { metrics } from '../metrics/metrics.js';
import { DomainError, badInput, notFound, swallowed } from '../shared/errors.js';
import { PAGE_SIZES, pageSize } from '../shared/paging.js';
import { unstorableTextAt } from '../shared/storable-text.js';
import { isUuid, requiredText, sameId } from '../shared/validate.js';
import { cents, disputeFacts, idOf, intentFacts, metadataPurchaseId, sessionFacts, str } from './billing.rules.js';
import type { DisputesService } from './disputes.service.js';
import type { EventSource, EventStatus, WebhookEvent } from './billing.types.js';
import type { FulfilmentService, StaffContext } from './fulfilment.service.js';
import { PurchaseEntity, type PurchaseEntity as Purchase } from './purchases.repository.js';
import { StripeEventEntity } from './stripe-events.repository.js';
import { stripeWebhooks } from './stripe.client.js';

export interface ProcessResult {
  status: EventStatus;
  outcome: string;
  purchaseId: string | null;
  error: string | null;
}

export interface WebhookResponse {
  httpStatus: number;
  body: Record<string, unknown>;
}

/** A business outcome that retrying will not change: the event is kept as FAILED for staff. */
class Unprocessable extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

/**
 * The webhook inbox: verify, store (event id unique), then process. Processing is idempotent, so
 * Stripe's retries, concurrent deliveries and staff replays are all safe.
 */
export class WebhooksService {
  constructor(
    private readonly em: EntityManager,
    private readonly fulfilment: FulfilmentService,
    private readonly disputes: DisputesService,
    private readonly stripe: Stripe | null,
    private readonly webhookSecret: string | undefined,
    private readonly log: Logger,
  ) {}

  /** POST /webhooks/stripe: 400 and nothing written unless the signature is valid. */
  async receive(rawBody: Buffer, signature: string | undefined): Promise<WebhookResponse> {
    if (!this.webhookSecret) return { httpStatus: 400, body: { error: 'webhook signing secret is not configured' } };
    if (!signature || !Buffer.isBuffer(rawBody)) {
      metrics.webhookEvent('unverified', false);
      return { httpStatus: 400, body: { error: 'missing Stripe-Signature' } };
    }
    let event: WebhookEvent;
    try {
      event = stripeWebhooks.constructEvent(rawBody, signature, this.webhookSecret) as unknown as WebhookEvent;
    } catch {
      metrics.webhookEvent('unverified', false);
      return { httpStatus: 400, body: { error: 'invalid signature' } };
    }
    if (!event || typeof event.id !== 'string' || typeof event.type !== 'string' || !event.data?.object) {
      return { httpStatus: 400, body: { error: 'not a Stripe event' } };
    }
    // Signed but unstorable: a 500 would have Stripe retry an event that can never be stored.
    const unstorable = unstorableTextAt(event);
    if (unstorable) {
      metrics.webhookEvent('unstorable', false);
      this.log.warn({ at: unstorable }, 'signed stripe event refused: text that cannot be stored');
      const error = `the event holds text that cannot be stored (a NUL character or a lone surrogate) at ${unstorable}`;
      return { httpStatus: 400, body: { error } };
    }
    return this.ingest(event, 'STRIPE');
  }

  /** Stores and processes a trusted event (verified webhook, or the test-mode checkout). */
  async ingest(event: WebhookEvent, source: EventSource): Promise<WebhookResponse> {
    const { event: stored, inserted } = await this.events().store(event, source);
    if (!inserted && (stored.status === 'PROCESSED' || stored.status === 'IGNORED')) {
      return { httpStatus: 200, body: { received: true, duplicate: true } };
    }
    const result = await this.processStored(stored);
    // A payment that does not match is a failure too (it alerts), though Stripe need not retry it.
    metrics.webhookEvent(stored.type, (result.status === 'PROCESSED' || result.status === 'IGNORED') && !result.error);
    // 500 asks Stripe to retry: only for errors a retry may fix (the database, Stripe, a crash).
    if (result.status === 'RECEIVED') return { httpStatus: 500, body: { received: true, error: 'processing failed; will be retried' } };
    return { httpStatus: 200, body: { received: true, status: result.status } };
  }

  private async processStored(stored: StripeEventEntity, staff?: StaffContext): Promise<ProcessResult> {
    let result: ProcessResult;
    try {
      result = await this.process(stored.payload, staff);
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      const retryable = !(err instanceof Unprocessable);
      this.log.error({ eventId: stored.id, eventType: stored.type, error: message }, 'stripe event processing failed');
      result = { status: retryable ? 'RECEIVED' : 'FAILED', outcome: 'error', purchaseId: null, error: message };
      // A retryable failure stays visible to staff as FAILED too (the list shows both).
      await this.events()
        .mark(stored.id, 'FAILED', message, null)
        .catch((markErr) => swallowed(markErr, 'webhooks.mark-failed', this.log));
      return result;
    }
    await this.events().mark(stored.id, result.status, result.error, result.purchaseId);
    return result;
  }

  /** Dispatch on the event type; every branch is idempotent. */
  async process(event: WebhookEvent, staff?: StaffContext): Promise<ProcessResult> {
    const object = event.data.object;
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        const purchaseId = await this.purchaseIdOf(object);
        const outcome = await this.fulfilment.fulfil(purchaseId, sessionFacts(object), staff);
        return { status: 'PROCESSED', outcome: outcome.kind, purchaseId, error: outcome.kind === 'mismatch' ? outcome.reason : null };
      }
      case 'checkout.session.async_payment_failed':
      case 'checkout.session.expired': {
        const purchaseId = await this.purchaseIdOf(object);
        await this.fulfilment.markFailed(purchaseId, event.type.replace('checkout.session.', ''));
        return { status: 'PROCESSED', outcome: 'failed', purchaseId, error: null };
      }
      case 'payment_intent.succeeded':
      case 'payment_intent.payment_failed':
        return this.onPaymentIntent(event.type, object, staff);
      case 'charge.refunded':
        return this.onRefund(object, staff);
      case 'charge.dispute.created':
      case 'charge.dispute.closed':
        return this.onDispute(event.type, object);
      default:
        return { status: 'IGNORED', outcome: 'unhandled-type', purchaseId: null, error: null };
    }
  }

  /** Auto-recharge payments: fulfilled (or failed) from their intent. */
  private async onPaymentIntent(type: string, object: Record<string, unknown>, staff?: StaffContext): Promise<ProcessResult> {
    const purchaseId = metadataPurchaseId(object);
    const purchase = purchaseId && isUuid(purchaseId) ? await this.purchases().byId(purchaseId) : null;
    // Checkout purchases are fulfilled from their session (which knows about discounts).
    if (!purchase || purchase.kind !== 'AUTO_RECHARGE')
      return { status: 'IGNORED', outcome: 'not-auto-recharge', purchaseId: purchase?.id ?? null, error: null };
    if (type === 'payment_intent.payment_failed') {
      const lastError = (object.last_payment_error ?? {}) as Record<string, unknown>;
      await this.fulfilment.markFailed(purchase.id, str(lastError.decline_code) ?? str(lastError.code) ?? 'payment failed');
      return { status: 'PROCESSED', outcome: 'failed', purchaseId: purchase.id, error: null };
    }
    const outcome = await this.fulfilment.fulfil(purchase.id, intentFacts(object), staff);
    return {
      status: 'PROCESSED',
      outcome: outcome.kind,
      purchaseId: purchase.id,
      error: outcome.kind === 'mismatch' ? outcome.reason : null,
    };
  }

  private async onRefund(object: Record<string, unknown>, staff?: StaffContext): Promise<ProcessResult> {
    const paymentIntentId = idOf(object.payment_intent);
    const purchase = paymentIntentId ? await this.purchases().byPaymentIntent(paymentIntentId) : null;
    if (!purchase) throw new Unprocessable(`no purchase for payment intent ${paymentIntentId ?? 'none'}`);
    const refunded = cents(object.amount_refunded);
    if (refunded === null) throw new Unprocessable('charge has no amount_refunded');
    const outcome = await this.fulfilment.refund(
      purchase.id,
      { amountRefundedCents: refunded, amountCents: cents(object.amount), receiptUrl: str(object.receipt_url) },
      staff,
    );
    // Impossible amounts: kept as FAILED for staff and answered 200, since a retry cannot fix them.
    if (outcome.kind === 'refused') throw new Unprocessable(outcome.reason);
    return { status: 'PROCESSED', outcome: outcome.kind, purchaseId: purchase.id, error: null };
  }

  private async onDispute(type: string, object: Record<string, unknown>): Promise<ProcessResult> {
    const facts = disputeFacts(object);
    if (typeof facts === 'string') throw new Unprocessable(facts);
    const purchase = facts.paymentIntentId ? await this.purchases().byPaymentIntent(facts.paymentIntentId) : null;
    if (!purchase)
      throw new Unprocessable(`no purchase for payment intent ${facts.paymentIntentId ?? 'none'} of dispute ${facts.disputeId}`);
    const outcome =
      type === 'charge.dispute.created' ? await this.disputes.open(purchase, facts) : await this.disputes.close(purchase, facts);
    return { status: 'PROCESSED', outcome: `dispute-${outcome.kind}`, purchaseId: purchase.id, error: null };
  }

  private async purchaseIdOf(object: Record<string, unknown>): Promise<string> {
    const purchaseId = metadataPurchaseId(object);
    if (!purchaseId || !isUuid(purchaseId)) throw new Unprocessable(`session ${str(object.id) ?? '?'} names no purchase of ours`);
    const purchase = await this.purchases().byId(purchaseId);
    if (!purchase) throw new Unprocessable(`unknown purchase ${purchaseId} for session ${str(object.id) ?? '?'}`);
    return purchase.id;
  }

  private events() {
    return currentEm(this.em).getRepository(StripeEventEntity);
  }

  private purchases() {
    return currentEm(this.em).getRepository(PurchaseEntity);
  }

  // ---- staff operations ------------------------------------------------------------------------

  async unprocessed(first: number): Promise<StripeEventEntity[]> {
    return this.events().unprocessed(pageSize(first, PAGE_SIZES.failedStripeEvents));
  }

  async event(id: string): Promise<StripeEventEntity | null> {
    return this.events().byId(id);
  }

  /** Processes a stored event again (whatever its status); the outcome is audited. */
  async replay(actor: Principal, eventId: string, reason: string): Promise<{ event: StripeEventEntity; result: ProcessResult }> {
    const id = requiredText(eventId, 'eventId', 255);
    const stored = await this.events().byId(id);
    if (!stored) throw notFound(`Stripe event ${id} not found`);
    const staff = { actor, action: 'billing.replayEvent.fulfil', reason };
    const result = await this.processStored(stored, staff);
    await currentEm(this.em).transactional((tem) =>
      writeAudit(tem, {
        actor,
        action: 'billing.replayEvent',
        targetType: 'stripe_event',
        targetId: stored.id,
        before: { status: stored.status, attempts: stored.attempts },
        after: { status: result.status, outcome: result.outcome, purchaseId: result.purchaseId, error: result.error },
        reason,
      }),
    );
    return { event: (await this.events().byId(id))!, result };
  }

  /**
   * The stuck-user runbook: reads the purchase's Checkout Session (or Payment Intent) from Stripe
   * and runs the same fulfilment as the webhook would. Audited; a no-op when already fulfilled.
   */
  async refulfil(actor: Principal, purchaseId: string, reason: string) {
    const purchase = await this.purchases().byId(purchaseId);
    if (!purchase) throw notFound(`Purchase ${purchaseId} not found`);
    if (!this.stripe) throw new DomainError('CONFLICT', 'Stripe is not configured (test mode): nothing to read the payment from');
    let facts;
    if (purchase.kind === 'AUTO_RECHARGE') {
      if (!purchase.stripePaymentIntentId) throw badInput('This auto-recharge never reached Stripe (no payment intent)');
      facts = intentFacts(
        (await this.stripe.paymentIntents.retrieve(purchase.stripePaymentIntentId)) as unknown as Record<string, unknown>,
      );
    } else {
      if (!purchase.stripeCheckoutSessionId) throw badInput('This purchase has no Checkout Session');
      const session = (await this.stripe.checkout.sessions.retrieve(purchase.stripeCheckoutSessionId)) as unknown as Record<
        string,
        unknown
      >;
      if (!sameId(metadataPurchaseId(session), purchase.id))
        throw new DomainError('CONFLICT', 'The Checkout Session names another purchase');
      facts = sessionFacts(session);
    }
    const outcome = await this.fulfilment.fulfil(purchase.id, facts, { actor, action: 'billing.refulfilPurchase', reason });
    if (outcome.kind !== 'fulfilled') {
      // Nothing was credited: still record who looked and what Stripe said.
      await currentEm(this.em).transactional((tem) =>
        writeAudit(tem, {
          actor,
          action: 'billing.refulfilPurchase',
          targetType: 'purchase',
          targetId: purchase.id,
          before: { status: purchase.status },
          after: { status: outcome.purchase.status, outcome: outcome.kind, paymentStatus: facts.paymentStatus },
          reason,
        }),
      );
    }
    return outcome;
  }

  async stalePurchases(olderThanMinutes: number, first: number): Promise<Purchase[]> {
    if (!Number.isSafeInteger(olderThanMinutes) || olderThanMinutes < 0)
      throw badInput('olderThanMinutes must be a non-negative whole number', { field: 'olderThanMinutes' });
    return this.purchases().stale(olderThanMinutes, pageSize(first, PAGE_SIZES.stalePurchases));
  }

  /**
   * After an outage: re-runs fulfilment of every stale PENDING purchase, one by one (each read
   * from Stripe, each audited). Credits only what Stripe reports paid; a failure skips to the next.
   */
  async refulfilStale(
    actor: Principal,
    olderThanMinutes: number,
    first: number,
    reason: string,
  ): Promise<{ purchase: Purchase; outcome: string }[]> {
    const results: { purchase: Purchase; outcome: string }[] = [];
    for (const purchase of await this.stalePurchases(olderThanMinutes, first)) {
      try {
        const outcome = await this.refulfil(actor, purchase.id, reason);
        results.push({ purchase: outcome.purchase, outcome: outcome.kind });
      } catch (err) {
        // The bulk re-run goes on; this purchase is answered as 'error'.
        swallowed(err, 'webhooks.refulfil-stale', this.log);
        results.push({ purchase, outcome: 'error' });
      }
    }
    return results;
  }
}
