import express, { type Express } from 'express';
import type { Services } from '../services.js';
import { isUuid } from '../shared/validate.js';
import { formatScaledDecimal } from '../money/money.js';
import { sanitizeReturnTo } from '../shared/return-to.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

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
    const price = formatScaledDecimal(purchase.amountCents, 2);
    const credits = formatScaledDecimal(purchase.credits, 3);
    res.type('html').send(`<!doctype html><meta charset="utf-8"><title>TEST MODE checkout</title>
<body style="font-family:sans-serif;max-width:36em;margin:3em auto">
<p style="background:#fde68a;padding:.75em;border:2px solid #b45309"><strong>TEST MODE</strong>: Stripe is not configured.
No card is charged; completing this page credits the account through the normal fulfilment path.
Test mode is on because ${escapeHtml(checkout.testModeReason ?? 'of the configuration')};
it is never available in production.</p>
<h1>${escapeHtml(purchase.packId)} pack: $${price}</h1>
<p>${credits} credits. Status: <strong>${escapeHtml(purchase.status)}</strong></p>
<form method="post"><button type="submit">Complete test purchase</button></form>
</body>`);
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
    const base = services.config.PUBLIC_APP_URL.replace(/\/+$/, '');
    const back = new URL(`${base}/credits`);
    back.searchParams.set('checkout', 'success');
    back.searchParams.set('purchase', id);
    // Stored values are checked again: rows written before the dot-segment fix may hold `//host`.
    const returnTo = sanitizeReturnTo(purchase.returnTo, services.config.PUBLIC_APP_URL);
    if (returnTo) back.searchParams.set('returnTo', returnTo);
    if (req.accepts(['html', 'json']) === 'json') res.json({ completed: true, purchaseId: id, redirect: back.toString() });
    else res.redirect(303, back.toString());
  });
}
