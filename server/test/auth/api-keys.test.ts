import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ACTIVE_KEYS_PER_ACCOUNT } from '../../src/auth/auth.service.js';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { eventually } from '../support/eventually.js';
import { subscribe } from '../support/ws.js';
import { rawChat } from '../proxy/support.js';

const ApiKeys = graphql(`
  query ApiKeysList($accountId: ID) {
    apiKeys(accountId: $accountId) {
      id
      accountId
      role
      label
      createdAt
      lastUsedAt
      revokedAt
    }
  }
`);
const Revoke = graphql(`
  mutation ApiKeysRevoke($id: ID!) {
    revokeApiKey(id: $id) {
      id
      accountId
      role
      label
      createdAt
      lastUsedAt
      revokedAt
    }
  }
`);
const CreateKey = graphql(`
  mutation ApiKeysCreate($accountId: ID!, $role: Role, $label: String) {
    createApiKey(accountId: $accountId, role: $role, label: $label) {
      id
      key
    }
  }
`);
const Me = graphql(`
  query ApiKeysMe {
    me {
      id
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const keyIdOf = async (accountId: string) =>
  (await t.db.query<{ id: string }>(`select id from api_keys where account_id = $1 order by created_at limit 1`, [accountId]))[0].id;

describe('apiKeys', () => {
  it('lists the own keys with a label, never the secret; SUPPORT+ may name another account, a USER may not', async () => {
    const user = await t.account(0n);
    const other = await t.account(0n);
    const labelled = await t.gql(CreateKey, { accountId: user.id, role: 'USER', label: 'ci runner' });
    expect(labelled.errors).toBeUndefined();
    const res = await t.gql(ApiKeys, {}, user.key);
    expect(res.errors).toBeUndefined();
    expect(res.data!.apiKeys).toHaveLength(2);
    expect(res.data!.apiKeys[0]).toMatchObject({
      id: labelled.data!.createApiKey.id,
      accountId: user.id,
      role: 'USER',
      label: 'ci runner',
      revokedAt: null,
    });
    expect(JSON.stringify(res.data)).not.toContain(user.key);
    expect(JSON.stringify(res.data)).not.toContain(labelled.data!.createApiKey.key);

    expect((await t.gql(ApiKeys, { accountId: user.id }, other.key)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const support = await t.account(0n, 'SUPPORT');
    expect((await t.gql(ApiKeys, { accountId: user.id }, support.key)).data!.apiKeys).toHaveLength(2);
  });

  it('records lastUsedAt on use, at most once a minute per key (no write per request)', async () => {
    const user = await t.account(0n);
    await t.gql(Me, {}, user.key);
    const keyId = await keyIdOf(user.id);
    await eventually(
      async () => (await t.db.query(`select 1 from api_keys where id = $1 and last_used_at is not null`, [keyId])).length > 0,
    );
    // Mark the row so a second write would show; further requests within the minute must not write.
    await t.db.query(`update api_keys set last_used_at = '2001-01-01T00:00:00Z' where id = $1`, [keyId]);
    for (let i = 0; i < 5; i++) expect((await t.gql(Me, {}, user.key)).errors).toBeUndefined();
    const [row] = await t.db.query<{ last_used_at: Date }>(`select last_used_at from api_keys where id = $1`, [keyId]);
    expect(new Date(row.last_used_at).toISOString()).toBe('2001-01-01T00:00:00.000Z');
    const listed = await t.gql(ApiKeys, {}, user.key);
    expect(listed.data!.apiKeys[0].lastUsedAt).toBe('2001-01-01T00:00:00.000Z');
  });
});

describe('the cap on active keys', () => {
  it('refuses a key past MAX_ACTIVE_KEYS_PER_ACCOUNT with BAD_USER_INPUT and the limit, writes nothing, and counts revoked keys out', async () => {
    const user = await t.account(); // one key already
    for (let i = 1; i < MAX_ACTIVE_KEYS_PER_ACCOUNT; i++) await t.services.auth.createKey(null, user.id);
    const refused = await t.gql(CreateKey, { accountId: user.id, role: 'USER', label: 'one too many' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: MAX_ACTIVE_KEYS_PER_ACCOUNT });
    expect(refused.errors?.[0].message).toBe(`At most ${MAX_ACTIVE_KEYS_PER_ACCOUNT} active API keys per account: revoke one first`);
    const [{ n }] = await t.db.query<{ n: string }>(`select count(*) as n from api_keys where account_id = $1`, [user.id]);
    expect(Number(n)).toBe(MAX_ACTIVE_KEYS_PER_ACCOUNT);

    const [oldest] = (await t.gql(ApiKeys, { accountId: user.id })).data!.apiKeys.slice(-1);
    expect((await t.gql(Revoke, { id: oldest.id })).errors).toBeUndefined();
    expect((await t.gql(CreateKey, { accountId: user.id, role: 'USER', label: 'room again' })).errors).toBeUndefined();
  });
});

describe('revokeApiKey', () => {
  it('stops the key at once on GraphQL, the proxy and statements, closes its subscriptions, and is audited', async () => {
    const user = await t.account(1_000_000n);
    const keyId = await keyIdOf(user.id);
    // Warm every cache the key could live in.
    expect((await t.gql(Me, {}, user.key)).errors).toBeUndefined();
    expect(
      (await rawChat(t, user.key, { model: 'test-model', messages: [{ role: 'user', content: 'hi' }], max_tokens: 1 })).status,
    ).not.toBe(401);
    const statement = () => fetch(`${t.url}/statements/2026-10.csv`, { headers: { authorization: `Bearer ${user.key}` } });
    expect((await statement()).status).toBe(200);
    const live = subscribe(t.url, user.key, 'subscription { balanceUpdated { balanceMillicredits } }');
    await live.waitFor(1, 5000);

    const revoked = await t.gql(Revoke, { id: keyId }, user.key);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeApiKey).toMatchObject({ id: keyId, accountId: user.id, role: 'USER' });
    expect(revoked.data!.revokeApiKey.revokedAt).not.toBeNull();

    expect((await t.gql(Me, {}, user.key)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await rawChat(t, user.key, { model: 'test-model', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(401);
    expect((await statement()).status).toBe(401);
    const closed = await eventually(async () => live.error as { code?: number } | null);
    expect(closed.code).toBe(4403);
    await live.close();

    const audit = await t.db.query<{ action: string; actor_key_id: string }>(
      `select action, actor_key_id from audit_log where target_id = $1`,
      [keyId],
    );
    expect(audit).toEqual([{ action: 'apiKey.revoke', actor_key_id: keyId }]);
    // Revoking again changes nothing and writes no second audit row.
    const again = await t.gql(Revoke, { id: keyId }, t.adminKey);
    expect(again.data!.revokeApiKey.revokedAt).toBe(revoked.data!.revokeApiKey.revokedAt);
    expect(await t.db.query(`select 1 from audit_log where target_id = $1`, [keyId])).toHaveLength(1);
  });

  it("refuses another account's key to a USER and allows it to ADMIN; unknown ids are NOT_FOUND", async () => {
    const owner = await t.account(0n);
    const stranger = await t.account(0n);
    const keyId = await keyIdOf(owner.id);
    expect((await t.gql(Revoke, { id: keyId }, stranger.key)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(Me, {}, owner.key)).errors).toBeUndefined();
    expect((await t.gql(Revoke, { id: '00000000-0000-4000-8000-000000000000' }, t.adminKey)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await t.gql(Revoke, { id: 'not-a-uuid' }, t.adminKey)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(Revoke, { id: keyId }, t.adminKey)).errors).toBeUndefined();
    expect((await t.gql(Me, {}, owner.key)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a changed BOOTSTRAP_ADMIN_KEY revokes the previous bootstrap key', async () => {
    const next = `cm_test_admin_${randomBytes(16).toString('hex')}`;
    expect((await t.gql(Me, {}, t.adminKey)).errors).toBeUndefined();
    await t.services.auth.ensureBootstrapAdmin(next, 'admin@example.test');
    expect((await t.gql(Me, {}, t.adminKey)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(Me, {}, next)).errors).toBeUndefined();
    const audit = await t.db.query<{ reason: string }>(
      `select reason from audit_log where action = 'apiKey.revoke' and reason is not null`,
    );
    expect(audit).toEqual([{ reason: 'BOOTSTRAP_ADMIN_KEY changed' }]);
    // The same value again changes nothing.
    await t.services.auth.ensureBootstrapAdmin(next, 'admin@example.test');
    expect((await t.gql(Me, {}, next)).errors).toBeUndefined();
  });
});
