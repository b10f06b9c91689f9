import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { Config } from '../config.js';
import { currentEm } from '../db/unit-of-work.js';
import type { EventBus } from '../shared/events/bus.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import { PAGE_SIZES, pageSize } from '../shared/paging.js';
import { AutoRechargeService } from './auto-recharge.service.js';
import { CheckoutService } from './checkout.service.js';
import { DisputesService } from './disputes.service.js';
import { FulfilmentService } from './fulfilment.service.js';
import { PurchaseEntity } from './purchases.repository.js';
import { createStripeClient } from './stripe.client.js';
import { CREDIT_PACKS } from './packs.js';
import { WebhooksService } from './webhooks.service.js';
import { RefundsService } from './refunds.service.js';
import { DisputeEntity } from './disputes.repository.js';
import { PurchasesAdminService } from './purchases-admin.service.js';

/** The billing services, wired once; registers the auto-recharge after-commit listener. */
export function createBilling(
  em: EntityManager,
  config: Config,
  events: EventBus,
  ledger: LedgerService,
  accounts: AccountsService,
  log: Logger,
) {
  const stripe = createStripeClient(config);
  const billingLog = log.child({ module: 'billing' });
  const fulfilment = new FulfilmentService(em, ledger, stripe, billingLog);
  const disputes = new DisputesService(em, ledger, billingLog);
  const webhooks = new WebhooksService(em, fulfilment, disputes, stripe, config.STRIPE_WEBHOOK_SECRET, billingLog);
  const checkout = new CheckoutService(
    em,
    accounts,
    stripe,
    webhooks,
    config.PUBLIC_APP_URL,
    config.stripeAutomaticTax,
    stripe ? null : config.checkoutTestMode,
    billingLog,
  );
  const refunds = new RefundsService(em, fulfilment, stripe, billingLog);
  const autoRecharge = new AutoRechargeService(
    em,
    accounts,
    stripe,
    config.AUTO_RECHARGE_WINDOW_SECONDS,
    billingLog,
    config.stripeAutomaticTax,
  );
  events.on('balance', (snapshot) => autoRecharge.onBalance(snapshot));
  return {
    stripe,
    fulfilment,
    disputes,
    webhooks,
    checkout,
    autoRecharge,
    refunds,
    purchasesAdmin: new PurchasesAdminService(em),
    packs: () => CREDIT_PACKS,
    /** One purchase by id; null when unknown. */
    purchase: (id: string) => fulfilment.purchase(id),
    purchases: (accountId: string) => currentEm(em).getRepository(PurchaseEntity).ofAccount(accountId),
    disputesOf: (purchaseId: string) => currentEm(em).getRepository(DisputeEntity).ofPurchase(purchaseId),
    negativeBalances: (first: number) => accounts.negativeBalances(pageSize(first, PAGE_SIZES.negativeBalances)),
  };
}
