import { formatCredits } from '../money/format.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import type { Principal } from '../auth/roles.js';
import { currentEm } from '../db/unit-of-work.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { BalanceSnapshot } from '../ledger/ledger.types.js';
import { parseMillicredits } from '../money/money.js';
import { badInput, notFound, swallowed } from '../shared/errors.js';
import { decideRecharge, invoiceTaxCents, monthStart, rechargeAmount, type RechargeDecision } from './billing.rules.js';
import type { AutoRechargeSettings } from './billing.types.js';
import { findPack, TOP_UP_PACK_ID } from './packs.js';
import { emitAutoRechargeFailed } from './billing.events.js';
import { PurchaseEntity, type PurchaseEntity as Purchase } from './purchases.repository.js';
import { BillingCustomerEntity } from './billing-customers.repository.js';
import { AutoRechargeSettingsEntity } from './auto-recharge-settings.repository.js';

export interface SetAutoRechargeInput {
  enabled: boolean;
  thresholdMillicredits: string;
  packId?: string | null;
  targetBalanceMillicredits?: string | null;
  monthlyLimitCents: number;
}

/** The settings with this month's spend and whether a card is saved: the GraphQL `AutoRecharge`. */
export type AutoRechargeView = AutoRechargeSettingsEntity;

interface Claim {
  decision: RechargeDecision;
  purchase: Purchase | null;
  customer?: { customerId: string; paymentMethodId: string };
}

/** How long the threshold lookup of an account is trusted (a miss costs one primary-key read). */
const THRESHOLD_CACHE_MS = 5_000;

/**
 * Auto-recharge: after a movement commits (balance event), an account under its threshold gets
 * ONE off-session Payment Intent on its saved card. The decision is taken under the settings
 * row's lock with a PENDING purchase row written in the same transaction, so concurrent charges
 * fire once; the Stripe call happens after commit with the purchase id as idempotency key, and
 * the payment is fulfilled by the webhook like any other.
 */
export class AutoRechargeService {
  private readonly thresholds = new Map<string, { threshold: bigint | null; at: number }>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly em: EntityManager,
    private readonly accounts: AccountsService,
    private readonly stripe: Stripe | null,
    private readonly windowSeconds: number,
    private readonly log: Logger,
    /** STRIPE_AUTOMATIC_TAX: the recharge's invoice computes tax on top of its amount. */
    private readonly automaticTax = false,
  ) {}

  async settings(accountId: string): Promise<AutoRechargeView | null> {
    const em = currentEm(this.em);
    const settings = await em.getRepository(AutoRechargeSettingsEntity).ofAccount(accountId);
    if (!settings) return null;
    const customer = await em.getRepository(BillingCustomerEntity).ofAccount(accountId);
    settings.spentThisMonthCents = await em.getRepository(PurchaseEntity).autoRechargeSpentSince(accountId, monthStart(new Date()));
    settings.hasPaymentMethod = Boolean(customer?.paymentMethodId);
    return settings;
  }

  async set(_actor: Principal, accountId: string, input: SetAutoRechargeInput): Promise<AutoRechargeView> {
    const threshold = parseMillicredits(input.thresholdMillicredits, 'thresholdMillicredits');
    if (threshold < 0n) throw badInput('thresholdMillicredits must not be negative', { field: 'thresholdMillicredits' });
    const packId = input.packId ?? null;
    const target = input.targetBalanceMillicredits ? parseMillicredits(input.targetBalanceMillicredits, 'targetBalanceMillicredits') : null;
    if ((packId === null) === (target === null))
      throw badInput('Give exactly one of packId or targetBalanceMillicredits', { field: 'packId' });
    if (packId !== null && !findPack(packId)) throw badInput(`Unknown credit pack "${packId.slice(0, 50)}"`, { field: 'packId' });
    if (target !== null && target <= threshold) {
      throw badInput('targetBalanceMillicredits must be above the threshold', { field: 'targetBalanceMillicredits' });
    }
    if (!Number.isSafeInteger(input.monthlyLimitCents) || input.monthlyLimitCents < 0 || input.monthlyLimitCents > 100_000_000) {
      throw badInput('monthlyLimitCents must be a whole number of cents between 0 and 100000000', { field: 'monthlyLimitCents' });
    }
    if (!(await this.accounts.isCustomer(accountId))) throw notFound(`Account ${accountId} not found`);
    await currentEm(this.em)
      .getRepository(AutoRechargeSettingsEntity)
      .save({
        accountId,
        enabled: input.enabled,
        threshold,
        packId,
        targetBalance: target,
        monthlyLimitCents: BigInt(input.monthlyLimitCents),
      });
    this.thresholds.delete(accountId);
    return (await this.settings(accountId))!;
  }

  /** Balance listener: cheap when the account is above its threshold or has no auto-recharge. */
  onBalance(snapshot: BalanceSnapshot): void {
    if (!this.stripe) return;
    // After someone else's commit, with nobody to answer: the next balance event checks again.
    const task = this.check(snapshot).catch((err) => swallowed(err, 'auto-recharge.check', this.log));
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }

  /** Resolves when every triggered check has finished (tests, graceful shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async thresholdOf(accountId: string): Promise<bigint | null> {
    const cached = this.thresholds.get(accountId);
    if (cached && Date.now() - cached.at < THRESHOLD_CACHE_MS) return cached.threshold;
    const threshold = await this.detachedEm().getRepository(AutoRechargeSettingsEntity).enabledThreshold(accountId);
    if (this.thresholds.size > 50_000) this.thresholds.clear();
    this.thresholds.set(accountId, { threshold, at: Date.now() });
    return threshold;
  }

  /**
   * The check runs after someone else's commit and outlives it (`onBalance` does not wait): an
   * EntityManager of its own, never the unit of work that happened to publish the balance.
   */
  private detachedEm(): EntityManager {
    return this.em.fork();
  }

  async check(snapshot: BalanceSnapshot): Promise<Omit<Claim, 'customer'>> {
    const threshold = await this.thresholdOf(snapshot.accountId);
    if (threshold === null) return { decision: { fire: false, reason: 'disabled' }, purchase: null };
    if (snapshot.posted - snapshot.pending >= threshold) return { decision: { fire: false, reason: 'above-threshold' }, purchase: null };
    const claim = await this.claim(snapshot.accountId);
    if (!claim.purchase) return claim;
    await this.charge(claim.purchase, claim.customer!);
    return claim;
  }

  /** The decision and the PENDING purchase row, in one transaction under the settings row's lock. */
  private async claim(accountId: string): Promise<Claim> {
    return this.detachedEm().transactional(async (tem) => {
      const settingsRepo = tem.getRepository(AutoRechargeSettingsEntity);
      const purchases = tem.getRepository(PurchaseEntity);
      const settings = await settingsRepo.ofAccount(accountId, true);
      if (!settings) return { decision: { fire: false, reason: 'disabled' } as const, purchase: null };
      const customer = await tem.getRepository(BillingCustomerEntity).ofAccount(accountId);
      const now = new Date();
      const available = await this.accounts.available(accountId);
      const amount = rechargeAmount({ pack: findPack(settings.packId), targetBalance: settings.targetBalance }, available, TOP_UP_PACK_ID);
      const decision = decideRecharge({
        enabled: settings.enabled,
        available,
        threshold: settings.threshold,
        lastAttemptAt: settings.lastAttemptAt,
        now,
        windowSeconds: this.windowSeconds,
        pendingAutoRecharges: await purchases.pendingAutoRecharges(accountId),
        spentThisMonthCents: await purchases.autoRechargeSpentSince(accountId, monthStart(now)),
        monthlyLimitCents: settings.monthlyLimitCents,
        amount,
        hasPaymentMethod: Boolean(customer?.paymentMethodId),
      });
      if (!decision.fire) {
        await this.refused(tem, settings, decision);
        return { decision, purchase: null };
      }
      const purchase = await purchases.add({
        accountId,
        kind: 'AUTO_RECHARGE',
        packId: amount!.packId,
        amountCents: amount!.amountCents,
        credits: amount!.credits,
        returnTo: null,
        stripeCustomerId: customer!.customerId,
      });
      await settingsRepo.markAttempted(accountId, now);
      return { decision, purchase, customer: { customerId: customer!.customerId, paymentMethodId: customer!.paymentMethodId! } };
    });
  }

  /** What the user is told when a recharge is due but may not fire: the monthly limit, or no saved card (which turns it off). */
  private async refused(tem: EntityManager, settings: AutoRechargeSettings, decision: RechargeDecision): Promise<void> {
    const { accountId } = settings;
    if (decision.fire) return;
    if (decision.reason === 'monthly-limit' && !settings.notice?.startsWith('Monthly')) {
      await tem
        .getRepository(AutoRechargeSettingsEntity)
        .setNotice(accountId, 'Monthly auto-recharge limit reached: no automatic top-up until next month or a higher limit.', false);
    } else if (decision.reason === 'no-payment-method') {
      await tem
        .getRepository(AutoRechargeSettingsEntity)
        .setNotice(accountId, 'Auto-recharge needs a saved card: buy a pack once with Checkout. Auto-recharge was turned off.', true);
      await emitAutoRechargeFailed(tem, accountId, { purchaseId: null, reason: 'no saved card' });
    }
  }

  /**
   * The off-session payment, after commit, invoiced like a Checkout purchase: a finalized invoice
   * for the amount (Stripe adds tax with automatic tax), a payment intent for its total, attached
   * to the invoice once paid. A refusal turns auto-recharge off and tells the user.
   */
  private async charge(purchase: Purchase, customer: { customerId: string; paymentMethodId: string }): Promise<void> {
    const purchases = this.detachedEm().getRepository(PurchaseEntity);
    let invoice: Stripe.Invoice;
    try {
      invoice = await this.invoice(purchase, customer.customerId);
    } catch (err) {
      this.log.warn({ purchaseId: purchase.id, error: (err as Error).message }, 'auto-recharge invoice could not be created');
      await this.failed(purchase, 'invoice could not be created');
      return;
    }
    const taxCents = invoiceTaxCents(invoice);
    try {
      const intent = await this.stripe!.paymentIntents.create(
        {
          amount: invoice.total,
          currency: purchase.currency,
          customer: customer.customerId,
          payment_method: customer.paymentMethodId,
          off_session: true,
          confirm: true,
          description: `Auto-recharge (${purchase.packId})`,
          metadata: {
            purchase_id: purchase.id,
            account_id: purchase.accountId,
            kind: 'auto_recharge',
            invoice_id: invoice.id!,
            tax_cents: String(taxCents),
          },
        },
        { idempotencyKey: `auto-recharge:${purchase.id}` },
      );
      await purchases.recordStripeRefs(purchase.id, {
        paymentIntentId: intent.id,
        invoiceId: invoice.id,
        invoiceUrl: invoice.hosted_invoice_url ?? null,
        invoicePdfUrl: invoice.invoice_pdf ?? null,
      });
      if (intent.status !== 'succeeded' && intent.status !== 'processing') {
        await this.failed(purchase, `payment needs ${intent.status}`);
        return;
      }
      await this.attach(purchase, invoice.id!, intent.id);
    } catch (err) {
      const e = err as { code?: string; decline_code?: string; message?: string; raw?: { payment_intent?: { id?: string } } };
      const piId = e.raw?.payment_intent?.id;
      if (piId) await purchases.recordStripeRefs(purchase.id, { paymentIntentId: piId });
      await this.failed(purchase, e.decline_code ?? e.code ?? 'payment refused');
    }
  }

  /** The recharge's invoice, finalized (tax computed) but never collected by Stripe itself: the intent pays it. */
  private async invoice(purchase: Purchase, customerId: string): Promise<Stripe.Invoice> {
    const key = `auto-recharge:${purchase.id}`;
    const metadata = { purchase_id: purchase.id, account_id: purchase.accountId, kind: 'auto_recharge' };
    const draft = await this.stripe!.invoices.create(
      {
        customer: customerId,
        currency: purchase.currency,
        collection_method: 'charge_automatically',
        auto_advance: false,
        pending_invoice_items_behavior: 'exclude',
        description: `Auto-recharge (${purchase.packId})`,
        metadata,
        ...(this.automaticTax ? { automatic_tax: { enabled: true } } : {}),
      },
      { idempotencyKey: `${key}:invoice` },
    );
    await this.stripe!.invoiceItems.create(
      {
        customer: customerId,
        invoice: draft.id!,
        currency: purchase.currency,
        amount: Number(purchase.amountCents),
        description: `${formatCredits(purchase.credits, { decimals: 'trim' })} credits`,
        metadata,
        // The amount is the pre-tax price, as for Checkout: tax, when computed, comes on top.
        ...(this.automaticTax ? { tax_behavior: 'exclusive' as const } : {}),
      },
      { idempotencyKey: `${key}:item` },
    );
    return this.stripe!.invoices.finalizeInvoice(draft.id!, { auto_advance: false }, { idempotencyKey: `${key}:finalize` });
  }

  /** Marks the invoice paid by the intent; the credits do not wait on it (the webhook fulfils from the intent). */
  private async attach(purchase: Purchase, invoiceId: string, paymentIntentId: string): Promise<void> {
    try {
      await this.stripe!.invoices.attachPayment(
        invoiceId,
        { payment_intent: paymentIntentId },
        { idempotencyKey: `auto-recharge:${purchase.id}:attach` },
      );
    } catch (err) {
      // The credits come from the intent's webhook anyway; only the invoice stays unpaid in Stripe.
      swallowed(err, 'auto-recharge.attach-invoice', this.log);
    }
  }

  private async failed(purchase: Purchase, reason: string): Promise<void> {
    // One transaction, so no concurrent check sees the attempt failed but auto-recharge still on.
    await this.detachedEm().transactional(async (tem) => {
      await tem
        .getRepository(AutoRechargeSettingsEntity)
        .setNotice(purchase.accountId, `Auto-recharge payment failed (${reason}); auto-recharge was turned off.`, true);
      if (await tem.getRepository(PurchaseEntity).markFailed(purchase.id, `auto-recharge: ${reason}`))
        await emitAutoRechargeFailed(tem, purchase.accountId, { purchaseId: purchase.id, reason });
    });
    this.thresholds.delete(purchase.accountId);
    this.log.warn(
      { purchaseId: purchase.id, accountId: purchase.accountId, reason },
      'auto-recharge payment failed; auto-recharge turned off',
    );
  }
}
