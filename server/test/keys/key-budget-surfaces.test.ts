import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { balanceRow, jsonOf } from '../proxy/support.js';

const SurfaceKey = graphql(`
  mutation SurfaceKey($accountId: ID!, $limit: String, $models: [String!]) {
    createApiKey(accountId: $accountId, spendLimitMillicredits: $limit, limitReset: MONTHLY, allowedModels: $models) {
      id
      key
    }
  }
`);

const SurfaceKeySpent = graphql(`
  query SurfaceKeySpent($accountId: ID) {
    apiKeys(accountId: $accountId) {
      id
      spentThisPeriodMillicredits
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  // No provider key: the built-in simulator answers every surface in its provider's shape, with usage.
  t = await startTestApp();
});
afterAll(async () => t?.close());

const SURFACES = {
  chat: { path: '/v1/chat/completions', body: { model: 'cheap-model', messages: [{ role: 'user', content: 'hi' }], max_tokens: 100 } },
  responses: { path: '/v1/responses', body: { model: 'cheap-model', input: 'hi', max_output_tokens: 100 } },
  embeddings: { path: '/v1/embeddings', body: { model: 'cheap-model', input: 'hi there' } },
} as const;
type Surface = keyof typeof SURFACES;

const call = (key: string, surface: Surface, model?: string) =>
  fetch(`${t.url}${SURFACES[surface].path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ ...SURFACES[surface].body, ...(model ? { model } : {}) }),
  });

describe('a key limit over every surface', () => {
  it('chat, responses and embeddings spend one limit: never over it, each refused with key_limit_exceeded once it is short', async () => {
    const account = await t.account(1_000_000n);
    const created = await t.gql(SurfaceKey, { accountId: account.id, limit: '300' });
    expect(created.errors).toBeUndefined();
    const { id, key } = created.data!.createApiKey;

    let charged = 0n;
    const landed: Record<Surface, number> = { chat: 0, responses: 0, embeddings: 0 };
    const refused = new Set<Surface>();
    for (let i = 0; i < 600 && refused.size < 3; i++) {
      const surface = (['chat', 'responses', 'embeddings'] as const)[i % 3];
      const res = await call(key, surface);
      if (res.status === 200) {
        charged += BigInt(res.headers.get('x-creditmeter-charged-millicredits')!);
        landed[surface]++;
        await res.arrayBuffer();
      } else {
        expect(res.status, surface).toBe(402);
        expect((await jsonOf(res)).error.code).toBe('key_limit_exceeded');
        refused.add(surface);
      }
    }
    expect(refused.size).toBe(3);
    expect(Object.values(landed).every((n) => n > 0)).toBe(true);
    expect(charged).toBeLessThanOrEqual(300n);

    await balanceRow(t, account.id);
    const spent = (await t.gql(SurfaceKeySpent, { accountId: account.id })).data!.apiKeys.find((k) => k.id === id)!;
    expect(spent.spentThisPeriodMillicredits).toBe(charged.toString());
    const { data } = await jsonOf(await fetch(`${t.url}/v1/key`, { headers: { 'x-api-key': key } }));
    expect(data).toMatchObject({ usage_millicredits: charged.toString(), limit_remaining_millicredits: (300n - charged).toString() });
    expect(await balanceRow(t, account.id)).toEqual({ posted: 1_000_000n - charged, pending: 0n });
  });

  it('a model outside allowedModels is refused on every surface with 403 model_not_allowed, nothing held', async () => {
    const account = await t.account(1_000_000n);
    const created = await t.gql(SurfaceKey, { accountId: account.id, models: ['test-model'] });
    const { key } = created.data!.createApiKey;
    for (const surface of ['chat', 'responses', 'embeddings'] as const) {
      const res = await call(key, surface, 'cheap-model');
      expect(res.status, surface).toBe(403);
      expect((await jsonOf(res)).error.code).toBe('model_not_allowed');
    }
    expect(await t.db.query(`select id from holds where account_id = $1`, [account.id])).toEqual([]);
    expect(await balanceRow(t, account.id)).toEqual({ posted: 1_000_000n, pending: 0n });
  });
});
