import express, { type Express } from 'express';
import type { Services } from '../services.js';
import { isUuid } from '../shared/validate.js';
import { sanitizeReturnTo } from '../shared/return-to.js';
import type { Purchase } from './billing.types.js';
import { findPack } from './packs.js';
import { renderTestCheckout } from './test-checkout.page.js';

/** POST /webhooks/stripe (raw body, verified) and the demo's test-mode checkout pages. */
export function billingRoutes(app: Express, services: Services): void {
  const { webhooks, checkout } = services.billing;
  const log = services.log.child({ module: 'billing' });

  app.post('/webhooks/stripe', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    try {
      const signature = req.headers['stripe-signature'];
      const result = await webhooks.receive(req.body as Buffer, typeof signature === 'string' ? signature : undefined);
      res.status(result.httpStatus).json(result.body);
    } catch (err) {
      log.error({ error: (err as Error).message }, 'stripe webhook failed before processing');
      res.status(500).json({ error: 'internal error' });
    }
  });

  // Test mode (no Stripe; embedded database or CHECKOUT_TEST_MODE=true; never production): a local page instead of Stripe Checkout.
  app.get('/billing/test-checkout/:purchaseId', async (req, res) => {
    const id = req.params.purchaseId;
    const purchase = isUuid(id) ? await checkout.testPurchase(id) : null;
    if (!purchase) {
      res.status(404).type('text/plain').send('No test-mode checkout here');
      return;
    }
    res.setHeader('cache-control', 'no-store');
    res.type('html').send(
      renderTestCheckout({
        packName: findPack(purchase.packId)?.name ?? purchase.packId,
        credits: purchase.credits,
        amountCents: purchase.amountCents,
        status: purchase.status,
        reason: checkout.testModeReason ?? 'of the configuration',
        back: { success: backToCredits(purchase, 'success'), cancel: backToCredits(purchase, 'cancel') },
      }),
    );
  });

  app.post('/billing/test-checkout/:purchaseId', async (req, res) => {
    const id = req.params.purchaseId;
    const purchase = isUuid(id) ? await checkout.testPurchase(id) : null;
    if (!purchase) {
      res.status(404).json({ error: 'no test-mode checkout here' });
      return;
    }
    const result = await checkout.completeTestCheckout(id);
    if (!result || result.httpStatus !== 200) {
      res.status(500).json({ error: 'test purchase could not be completed' });
      return;
    }
    const back = backToCredits(purchase, 'success');
    if (req.accepts(['html', 'json']) === 'json') res.json({ completed: true, purchaseId: id, redirect: back });
    else res.redirect(303, back);
  });

  /** The Credits page, with the outcome for its notice and the app's returnTo. */
  function backToCredits(purchase: Purchase, outcome: 'success' | 'cancel'): string {
    const back = new URL(`${services.config.PUBLIC_APP_URL.replace(/\/+$/, '')}/credits`);
    back.searchParams.set('checkout', outcome);
    back.searchParams.set('purchase', purchase.id);
    // Stored values are checked again: rows written before the dot-segment fix may hold `//host`.
    const returnTo = sanitizeReturnTo(purchase.returnTo, services.config.PUBLIC_APP_URL);
    if (returnTo) back.searchParams.set('returnTo', returnTo);
    return back.toString();
  }
}
