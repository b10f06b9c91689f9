import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { loadLocalKey } from '../shared/local-key.js';

/** A new endpoint signing secret: 32 random bytes, prefixed like Stripe's so it is recognisable in a vault. */
export const generateSigningSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * Signing secrets must be usable for HMAC, so they cannot be hashed: they are stored sealed with
 * AES-256-GCM (random 96-bit IV, tag checked on open) under a key that lives outside the
 * database. Format: `v1:<iv b64>:<tag b64>:<ciphertext b64>`.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the webhook secret key must be 32 bytes');
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${ct.toString('base64')}`;
  }

  open(sealed: string): string {
    const [version, iv, tag, ct] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unreadable sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
  }
}

/**
 * The key from config; outside production, one generated once under the data directory (mode
 * 0600) so the local demo works with no setup. Production without a key: null (endpoints cannot
 * be created, and the error says which variable to set).
 */
export function loadSecretKey(opts: { configured?: string; dataDir: string; production: boolean }): Buffer | null {
  return loadLocalKey({ ...opts, variable: 'WEBHOOK_SECRET_KEY', file: 'webhook-secret.key' });
}
