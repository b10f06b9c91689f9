import { describe, expect, it } from 'vitest';
import { maskEmail } from '../../src/logger.js';
import { captureLog } from '../support/log-capture.js';

const SECRETS = {
  apiKey: 'cm_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0',
  stripeSecret: 'sk_live_51Hsecretsecretsecret',
  webhookSecret: 'whsec_abcdefabcdefabcdef',
  openaiKey: 'sk-proj-openaisecretvalue123',
  openaiAdminKey: 'sk-admin-orgusagesecret456',
  metricsToken: 'metrics-bearer-secret-789',
  email: 'jane.doe@customer.example',
  password: 'hunter2-correct-horse',
  cardNumber: '4242424242424242',
  signature: 't=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd',
  payloadMarker: 'PAYLOAD-MARKER-cus_secret_customer',
};

describe('structured logs', () => {
  it('never write secrets, API keys, emails or webhook payloads', () => {
    const { log, text } = captureLog();
    log.info({ req: { headers: { authorization: `Bearer ${SECRETS.apiKey}`, 'stripe-signature': SECRETS.signature } } }, 'request');
    log.info({ authorization: `Bearer ${SECRETS.apiKey}`, key: SECRETS.apiKey, apiKey: SECRETS.apiKey }, 'key created');
    log.info({ account: { email: SECRETS.email, key: SECRETS.apiKey }, email: SECRETS.email }, 'account created');
    log.info({ user: { profile: { email: SECRETS.email } } }, 'nested');
    log.warn(
      {
        event: { id: 'evt_1', payload: { customer_email: SECRETS.email, marker: SECRETS.payloadMarker } },
        payload: { marker: SECRETS.payloadMarker },
      },
      'webhook',
    );
    log.warn({ webhook: { body: { marker: SECRETS.payloadMarker } }, body: SECRETS.payloadMarker }, 'webhook body');
    log.info(
      {
        config: { STRIPE_SECRET_KEY: SECRETS.stripeSecret, DATABASE_URL: 'postgres://u:pw@h/db' },
        STRIPE_SECRET_KEY: SECRETS.stripeSecret,
        STRIPE_WEBHOOK_SECRET: SECRETS.webhookSecret,
        OPENAI_API_KEY: SECRETS.openaiKey,
      },
      'config',
    );
    log.info(
      {
        config: {
          OPENAI_ADMIN_KEY: SECRETS.openaiAdminKey,
          METRICS_TOKEN: SECRETS.metricsToken,
          BOOTSTRAP_ADMIN_PASSWORD: SECRETS.password,
        },
      },
      'nested config',
    );
    log.info({ password: SECRETS.password, secret: SECRETS.webhookSecret, card: { number: SECRETS.cardNumber } }, 'sign-in');
    log.info({ who: maskEmail(SECRETS.email) }, 'masked');
    const out = text();
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(10);
    for (const line of lines) {
      const entry = JSON.parse(line);
      expect(entry).toMatchObject({ service: 'creditmeter', msg: expect.any(String), time: expect.any(String) });
    }
    for (const [name, value] of Object.entries(SECRETS)) expect(out, `${name} leaked`).not.toContain(value);
    expect(out).not.toContain('pw@h');
    expect(out).toContain('[redacted]');
    expect(out).toContain('j***@customer.example');
  });
});
