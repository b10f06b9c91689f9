import { formatCredits } from '../money/format.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { accountFor } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import { currentEm } from '../db/unit-of-work.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { DomainError, badInput, notFound } from '../shared/errors.js';
import { sanitizeReturnTo } from '../shared/return-to.js';
import { checkoutInvoiceParams } from './billing.rules.js';
import { findPack, type CreditPack } from './packs.js';
import { PurchaseEntity, type PurchaseEntity as Purchase } from './purchases.repository.js';
import { BillingCustomerEntity } from './billing-customers.repository.js';
import type { WebhooksService, WebhookResponse } from './webhooks.service.js';

export interface CheckoutSessionResult {
  id: string;
  url: string;
  purchaseId: string;
  testMode: boolean;
}

const TEST_SESSION_PREFIX = 'cs_testmode_';

/**
 * Starts a purchase: the PENDING row first (its id travels in metadata and client_reference_id),
 * then the Stripe Checkout Session with the server's own price. Without Stripe (the demo) the
 * URL is a local, clearly labelled test-mode page that completes through the same fulfilment.
 */
export class CheckoutService {
  constructor(
    private readonly em: EntityManager,
    private readonly accounts: AccountsService,
    private readonly stripe: Stripe | null,
    private readonly webhooks: WebhooksService,
    private readonly publicAppUrl: string,
    /** STRIPE_AUTOMATIC_TAX: Stripe Tax computes tax on top of the pack's price. */
    private readonly automaticTax: boolean,
    /** Why the test-mode checkout is on (shown on its page), or null when it is off. */
    readonly testModeReason: string | null,
    private readonly log: Logger,
  ) {}

  get testMode(): boolean {
    return !this.stripe;
  }

  /** `accountId` (default: the caller's) is checked by the caller: a team's owner may buy for the team. */
  async create(
    principal: Principal,
    packIdInput: string,
    returnToInput: string | null | undefined,
    accountIdInput?: string | null,
  ): Promise<CheckoutSessionResult> {
    const pack = findPack(packIdInput);
    if (!pack) throw badInput(`Unknown credit pack "${String(packIdInput).slice(0, 50)}"`, { field: 'packId' });
    if (returnToInput && !sanitizeReturnTo(returnToInput, this.publicAppUrl)) {
      throw badInput('returnTo must be a relative path or a URL on the app origin', { field: 'returnTo' });
    }
    const returnTo = sanitizeReturnTo(returnToInput, this.publicAppUrl);
    const accountId = accountIdInput ?? accountFor(principal, 'billing.checkout', null);
    const em = currentEm(this.em);
    const purchases = em.getRepository(PurchaseEntity);
    if (!(await this.accounts.isCustomer(accountId))) throw notFound(`Account ${accountId} not found`);
    if (!this.stripe && !this.testModeReason) {
      throw new DomainError(
        'CONFLICT',
        'Purchases are unavailable: Stripe is not configured (set STRIPE_SECRET_KEY, or CHECKOUT_TEST_MODE=true outside production)',
      );
    }

    const customer = this.stripe ? await em.getRepository(BillingCustomerEntity).ofAccount(accountId) : null;
    const purchase = await purchases.add({
      accountId,
      kind: this.stripe ? 'CHECKOUT' : 'TEST_CHECKOUT',
      packId: pack.id,
      amountCents: pack.priceCents,
      credits: pack.credits,
      returnTo,
      stripeCustomerId: customer?.customerId ?? null,
    });

    if (!this.stripe) {
      const sessionId = `${TEST_SESSION_PREFIX}${purchase.id}`;
      await purchases.recordStripeRefs(purchase.id, { checkoutSessionId: sessionId });
      return { id: sessionId, url: `${this.base()}/billing/test-checkout/${purchase.id}`, purchaseId: purchase.id, testMode: true };
    }

    let session: Stripe.Checkout.Session;
    try {
      session = await this.stripeSession(purchase, pack, customer, returnTo);
    } catch (err) {
      await purchases.markFailed(purchase.id, 'checkout session could not be created');
      this.log.error({ purchaseId: purchase.id, error: (err as Error).message }, 'stripe checkout session creation failed');
      throw new DomainError('CONFLICT', 'The payment provider is unavailable; please try again');
    }
    await purchases.recordStripeRefs(purchase.id, { checkoutSessionId: session.id });
    if (!session.url) throw new DomainError('CONFLICT', 'The payment provider returned no checkout URL');
    return { id: session.id, url: session.url, purchaseId: purchase.id, testMode: false };
  }

  /** The Stripe Checkout Session of a PENDING purchase, at the server's own price. */
  private async stripeSession(
    purchase: Purchase,
    pack: CreditPack,
    customer: { customerId: string } | null,
    returnTo: string | null,
  ): Promise<Stripe.Checkout.Session> {
    const back = (outcome: string) => {
      const url = new URL(`${this.base()}/credits`);
      url.searchParams.set('checkout', outcome);
      url.searchParams.set('purchase', purchase.id);
      if (returnTo) url.searchParams.set('returnTo', returnTo);
      return url.toString();
    };
    const metadata = { purchase_id: purchase.id, account_id: purchase.accountId, pack_id: pack.id };
    return this.stripe!.checkout.sessions.create(
      {
        mode: 'payment',
        client_reference_id: purchase.id,
        metadata,
        line_items: [
          pack.stripePriceId
            ? { price: pack.stripePriceId, quantity: 1 }
            : {
                quantity: 1,
                price_data: {
                  currency: purchase.currency,
                  unit_amount: Number(pack.priceCents),
                  // The pack's price is the pre-tax amount: tax, when computed, comes on top.
                  ...(this.automaticTax ? { tax_behavior: 'exclusive' as const } : {}),
                  product_data: {
                    name: `${pack.name} credit pack`,
                    description: `${formatCredits(pack.credits, { decimals: 'trim' })} credits`,
                  },
                },
              },
        ],
        allow_promotion_codes: true,
        ...(customer ? { customer: customer.customerId } : { customer_creation: 'always' as const }),
        ...checkoutInvoiceParams({ automaticTax: this.automaticTax, existingCustomer: Boolean(customer), metadata }),
        // Saves the card for auto-recharge (off-session payment intents later).
        payment_intent_data: { setup_future_usage: 'off_session', metadata },
        success_url: `${back('success')}&session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: back('cancel'),
      },
      { idempotencyKey: `checkout:${purchase.id}` },
    );
  }

  private base(): string {
    return this.publicAppUrl.replace(/\/+$/, '');
  }

  /** Test-mode only: the purchase a local checkout page is about. */
  async testPurchase(purchaseId: string): Promise<Purchase | null> {
    if (this.stripe || !this.testModeReason) return null;
    const purchase = await currentEm(this.em).getRepository(PurchaseEntity).byId(purchaseId);
    return purchase && purchase.kind === 'TEST_CHECKOUT' ? purchase : null;
  }

  /**
   * Test-mode "payment": a synthesized, internally trusted checkout.session.completed for the
   * purchase's own amount, stored in the inbox and processed by the same code as Stripe's.
   */
  async completeTestCheckout(purchaseId: string): Promise<WebhookResponse | null> {
    const purchase = await this.testPurchase(purchaseId);
    if (!purchase) return null;
    const amount = Number(purchase.amountCents);
    return this.webhooks.ingest(
      {
        id: `evt_testmode_${purchase.id}`,
        type: 'checkout.session.completed',
        livemode: false,
        data: {
          object: {
            id: purchase.stripeCheckoutSessionId ?? `${TEST_SESSION_PREFIX}${purchase.id}`,
            object: 'checkout.session',
            client_reference_id: purchase.id,
            metadata: { purchase_id: purchase.id, test_mode: 'true' },
            payment_status: 'paid',
            amount_subtotal: amount,
            amount_total: amount,
            total_details: { amount_discount: 0 },
            currency: purchase.currency,
            payment_intent: null,
            customer: null,
          },
        },
      },
      'TEST_MODE',
    );
  }
}
