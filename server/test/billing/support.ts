import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { FakeStripe, WEBHOOK_SECRET, deliver, event } from './fake-stripe.js';
import type { Env } from '../../src/config.js';

export const CreateCheckout = graphql(`
  mutation BillingCreateCheckout($packId: ID!, $returnTo: String) {
    createCheckoutSession(packId: $packId, returnTo: $returnTo) {
      id
      url
      purchaseId
      testMode
    }
  }
`);

export const MyPurchases = graphql(`
  query BillingMyPurchases {
    me {
      id
      balance {
        balanceMillicredits
        availableMillicredits
      }
      purchases {
        id
        packId
        status
        kind
        amountCents
        amountPaidCents
        refundedCents
        creditsMillicredits
        refundedCreditsMillicredits
        receiptUrl
        stripeCheckoutSessionId
        stripePaymentIntentId
        transactionId
        failureReason
        createdAt
      }
    }
  }
`);

export interface BillingTest {
  t: TestApp;
  fake: FakeStripe;
  close(): Promise<void>;
}

/** The real server with Stripe configured against a local fake. */
export async function startBillingApp(overrides: Partial<Env> = {}): Promise<BillingTest> {
  const fake = await new FakeStripe().start();
  const t = await startTestApp({
    STRIPE_SECRET_KEY: 'sk_test_fake_key',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: fake.url,
    ...overrides,
  });
  return {
    t,
    fake,
    close: async () => {
      await t.services.billing.autoRecharge.drain();
      await t.close();
      await fake.stop();
    },
  };
}

/** Checkout through the API, paid at the fake; returns the ids and the completed session. */
export async function checkoutAndPay(b: BillingTest, key: string, packId = 'starter', pay: Parameters<FakeStripe['paySession']>[1] = {}) {
  const res = await b.t.gql(CreateCheckout, { packId }, key);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const { id: sessionId, purchaseId } = res.data!.createCheckoutSession;
  const session = b.fake.paySession(sessionId, pay);
  return { sessionId, purchaseId, session, completed: event('checkout.session.completed', session) };
}

export async function buyPack(b: BillingTest, key: string, packId = 'starter') {
  const bought = await checkoutAndPay(b, key, packId);
  const res = await deliver(b.t.url, bought.completed);
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  return bought;
}

export async function purchaseRow(b: BillingTest, purchaseId: string) {
  const [row] = await b.t.db.query(`select * from purchases where id = $1`, [purchaseId]);
  return row;
}

export async function ledgerOf(b: BillingTest, accountId: string) {
  return b.t.db.query<{ type: string; amount: string; reversal_of_id: string | null; reference_id: string | null; id: string }>(
    `select t.id, t.type, p.amount::text, t.reversal_of_id, t.reference_id from ledger_transactions t
       join ledger_postings p on p.transaction_id = t.id and p.account_id = t.account_id
      where t.account_id = $1 order by p.id`,
    [accountId],
  );
}
