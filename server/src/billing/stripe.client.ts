import Stripe from 'stripe';
import type { Config } from '../config.js';

/**
 * The Stripe SDK from the environment, or null without STRIPE_SECRET_KEY (the demo's test-mode
 * checkout). STRIPE_API_BASE points the SDK at another host (a local fake in tests).
 */
export function createStripeClient(config: Pick<Config, 'STRIPE_SECRET_KEY' | 'STRIPE_API_BASE'>): Stripe | null {
  if (!config.STRIPE_SECRET_KEY) return null;
  const options: ConstructorParameters<typeof Stripe>[1] = { maxNetworkRetries: 2, timeout: 20_000, telemetry: false };
  if (config.STRIPE_API_BASE) {
    const base = new URL(config.STRIPE_API_BASE);
    options.host = base.hostname;
    options.protocol = base.protocol === 'http:' ? 'http' : 'https';
    options.port = base.port || (base.protocol === 'http:' ? 80 : 443);
  }
  return new Stripe(config.STRIPE_SECRET_KEY, options);
}

/** Signature verification needs no API key: the static webhooks helper of the real SDK. */
export const stripeWebhooks = Stripe.webhooks;
