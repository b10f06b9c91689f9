import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSignature, signatureHeader, verifySignature } from '../../src/notify/signature.js';
import { SecretBox, generateSigningSecret } from '../../src/notify/secrets.js';
import { randomBytes } from 'node:crypto';

describe('webhook signatures (Stripe format: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">)', () => {
  const secret = 'whsec_test_secret';
  const body = '{"id":"e1","type":"balance.low","created":1764000000,"data":{"availableMillicredits":"5"}}';

  it('is exactly what a receiver computes by hand with its own HMAC', () => {
    const header = signatureHeader([secret], 1764000000, body);
    const [t, v1] = header.split(',');
    expect(t).toBe('t=1764000000');
    const byHand = createHmac('sha256', secret).update(`1764000000.${body}`).digest('hex');
    expect(v1).toBe(`v1=${byHand}`);
    expect(verifySignature(header, body, secret, { nowSeconds: 1764000010 })).toEqual({ ok: true, timestamp: 1764000000 });
  });

  it('refuses a changed body, another secret, a stale timestamp and malformed headers', () => {
    const header = signatureHeader([secret], 1764000000, body);
    expect(verifySignature(header, body.replace('"5"', '"500"'), secret, { nowSeconds: 1764000000 }).ok).toBe(false);
    expect(verifySignature(header, body, 'whsec_other', { nowSeconds: 1764000000 }).ok).toBe(false);
    expect(verifySignature(header, body, secret, { nowSeconds: 1764000000 + 301 })).toEqual({
      ok: false,
      reason: 'timestamp outside the tolerance',
    });
    for (const bad of [null, '', 't=abc,v1=00', `v1=${computeSignature(secret, 1764000000, body)}`, 't=1764000000', 't=1764000000,v1=zz']) {
      expect(verifySignature(bad, body, secret, { nowSeconds: 1764000000 }).ok).toBe(false);
    }
  });

  it('verifies with either secret while a rotated secret signs alongside (two v1 values)', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], 1764000000, body);
    expect(header.split(',').filter((p) => p.startsWith('v1='))).toHaveLength(2);
    expect(verifySignature(header, body, 'whsec_new', { nowSeconds: 1764000000 }).ok).toBe(true);
    expect(verifySignature(header, body, 'whsec_old', { nowSeconds: 1764000000 }).ok).toBe(true);
    expect(verifySignature(header, body, 'whsec_neither', { nowSeconds: 1764000000 }).ok).toBe(false);
  });

  it('any body, any secret: verifies unchanged, fails with one byte changed (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 2_000_000_000 }),
        (b, s, t) => {
          const header = signatureHeader([s], t, b);
          expect(verifySignature(header, b, s, { nowSeconds: t }).ok).toBe(true);
          expect(verifySignature(header, `${b}x`, s, { nowSeconds: t }).ok).toBe(false);
        },
      ),
    );
  });
});

describe('sealed secrets', () => {
  it('round-trips, never stores the plain secret, and refuses a tampered or foreign seal', () => {
    const box = new SecretBox(randomBytes(32));
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6, 20));
    expect(box.open(sealed)).toBe(secret);
    expect(box.seal(secret)).not.toBe(sealed); // fresh IV every time
    const [v, iv, tag, ct] = sealed.split(':');
    const flipped = Buffer.from(ct, 'base64');
    flipped[0] ^= 1;
    expect(() => box.open([v, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });
});
