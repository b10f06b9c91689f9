import { randomBytes } from 'node:crypto';
import { wrap } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/roles.js';
import { WebhookEndpointsService } from '../../src/notify/endpoints.service.js';
import { SecretBox } from '../../src/notify/secrets.js';
import { freshDatabase, type TestDatabase } from '../support/db.js';
import { WebhookEndpointEntity } from '../../src/notify/webhook-endpoints.repository.js';

const admin: Principal = { keyId: null, accountId: null, role: 'ADMIN', staffUserId: null };
const box = new SecretBox(randomBytes(32));
let db: TestDatabase;
let endpoints: WebhookEndpointsService;

beforeAll(async () => {
  db = await freshDatabase(4);
  endpoints = new WebhookEndpointsService(
    db.orm.em,
    () => box,
    { production: false },
    () => undefined,
  );
});
afterAll(async () => {
  await db?.close();
});

const stored = async (id: string) =>
  (
    await db.query<{ secret_enc: string; previous_secret_enc: string | null; previous_secret_expires_at: Date | null; events: string[] }>(
      `select secret_enc, previous_secret_enc, previous_secret_expires_at, events from webhook_endpoints where id = $1`,
      [id],
    )
  )[0];

/** The entity keeps the table's record; the secrets stay sealed and out of every serialisation. */
describe('webhook endpoint records', () => {
  it('stores the events and the sealed secret; the loaded entity never serialises a secret', async () => {
    const { endpoint, secret } = await endpoints.create(admin, {
      allAccounts: true,
      url: 'http://127.0.0.1:9/hook',
      events: ['balance.low', '*'],
    });
    expect(endpoint).toMatchObject({ accountId: null, events: ['balance.low', '*'], disabledAt: null });
    expect(endpoint.createdAt).toBeInstanceOf(Date);
    const row = await stored(endpoint.id);
    expect(row.events).toEqual(['balance.low', '*']);
    expect(row.secret_enc).not.toContain(secret);
    expect(box.open(row.secret_enc)).toBe(secret);

    const entity = await db.orm.em.fork().getRepository(WebhookEndpointEntity).findLive(endpoint.id);
    const json = JSON.stringify(wrap(entity!).toJSON());
    expect(json).not.toContain('secretEnc');
    expect(json).not.toContain(row.secret_enc);
  });

  it('rotation keeps the old secret for the grace period only when one is given', async () => {
    const { endpoint, secret: first } = await endpoints.create(admin, { allAccounts: true, url: 'http://127.0.0.1:9/r', events: ['*'] });
    const before = Date.now();
    const { secret: second } = await endpoints.rotateSecret(admin, endpoint.id, 60);
    let row = await stored(endpoint.id);
    expect(box.open(row.secret_enc)).toBe(second);
    expect(box.open(row.previous_secret_enc!)).toBe(first);
    const expires = new Date(row.previous_secret_expires_at!).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 59_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 61_000);

    const { secret: third } = await endpoints.rotateSecret(admin, endpoint.id);
    row = await stored(endpoint.id);
    expect(box.open(row.secret_enc)).toBe(third);
    expect(row.previous_secret_enc).toBeNull();
    expect(row.previous_secret_expires_at).toBeNull();
  });

  it('disabling twice keeps the first time and reason; a deleted endpoint is gone from the list', async () => {
    const { endpoint } = await endpoints.create(admin, { allAccounts: true, url: 'http://127.0.0.1:9/d', events: ['*'] });
    const once = await endpoints.disable(admin, endpoint.id);
    const twice = await endpoints.disable(admin, endpoint.id);
    expect(once.disabledAt).toBeInstanceOf(Date);
    expect(twice.disabledAt).toEqual(once.disabledAt);
    expect(twice.disabledReason).toBe('manual');
    const enabled = await endpoints.enable(admin, endpoint.id);
    expect(enabled).toMatchObject({ disabledAt: null, disabledReason: null, failingSince: null });

    await endpoints.delete(admin, endpoint.id);
    expect((await endpoints.list(admin, null, true)).map((e) => e.id)).not.toContain(endpoint.id);
    await expect(endpoints.get(admin, endpoint.id)).rejects.toThrow(/not found/);
  });
});
