import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeReturnTo } from '../../src/shared/return-to.js';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { jsonOf, rawChat } from '../proxy/support.js';
import { BYPASSES, KEPT } from './return-to.cases.js';

const APP = 'https://app.example.test';

/** What every emitted value must satisfy. */
function assertOwnPath(value: string) {
  expect(value).toMatch(/^\/(?![/\\])/);
  expect(new URL(value, APP).origin).toBe(APP);
}

describe('sanitizeReturnTo', () => {
  it.each(BYPASSES.map((v) => [JSON.stringify(v), v]))('refuses %s', (_label, value) => {
    expect(sanitizeReturnTo(value, APP)).toBeNull();
  });

  it.each(KEPT)('keeps %j as %j, a path on the app origin', (value, expected) => {
    const out = sanitizeReturnTo(value, APP)!;
    expect(out).toBe(expected);
    assertOwnPath(out);
  });

  it('only ever emits a path that starts with one / and resolves to the app origin', () => {
    const pieces = ['/', '.', '..', '%2e', '%2E', '\\', '//', 'evil.com', '@', ':', '?', '#', '%2f', 'a', '\t', ' '];
    // Every combination of up to four pieces: 16^4 = 65,536 candidates.
    const out: string[] = [''];
    for (let depth = 0; depth < 4; depth++) {
      for (const prefix of out.splice(0)) for (const p of pieces) out.push(prefix + p);
      for (const candidate of out) {
        const safe = sanitizeReturnTo(candidate, APP);
        if (safe !== null) assertOwnPath(safe);
      }
    }
  });
});

const Record = graphql(`
  mutation ReturnToRecord($input: RecordUsageInput!) {
    recordUsage(input: $input) {
      id
    }
  }
`);
const Checkout = graphql(`
  mutation ReturnToCheckout($packId: ID!, $returnTo: String) {
    createCheckoutSession(packId: $packId, returnTo: $returnTo) {
      id
      url
      purchaseId
      testMode
    }
  }
`);

describe('every place a returnTo comes back', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_APP_URL: APP, CHECKOUT_TEST_MODE: 'true' });
  });
  afterAll(async () => t?.close());

  const creditsUrlOf = (url: string) => new URL(url).searchParams.get('returnTo');

  it('the proxy 402 credits_url carries no bypass', async () => {
    const user = await t.account(0n);
    for (const evil of BYPASSES.filter((v) => !/[\u0000-\u001f\u007f-\u009f]/.test(v))) {
      const res = await rawChat(t, user.key, { model: 'test-model', messages: [{ role: 'user', content: 'hi' }] }, { 'X-Return-To': evil });
      expect(res.status).toBe(402);
      expect((await jsonOf(res)).error.credits_url, evil).toBe(`${APP}/credits`);
    }
    const ok = await jsonOf(
      await rawChat(
        t,
        user.key,
        { model: 'test-model', messages: [{ role: 'user', content: 'hi' }] },
        { 'X-Return-To': '/a/./b/../c?x=1' },
      ),
    );
    expect(creditsUrlOf(ok.error.credits_url)).toBe('/a/c?x=1');
  });

  it("GraphQL's creditsUrl carries no bypass", async () => {
    const user = await t.account(0n);
    const input = { model: 'test-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: 'r' };
    for (const evil of BYPASSES.filter((v) => !/[\u0000-\u001f\u007f-\u009f]/.test(v))) {
      const res = await t.gql(Record, { input }, user.key, { 'x-return-to': evil });
      expect(res.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_CREDITS');
      expect(res.errors?.[0]?.extensions?.creditsUrl, evil).toBe(`${APP}/credits`);
    }
    const ok = await t.gql(Record, { input }, user.key, { 'x-return-to': '/%2e%2e/chat' });
    expect(creditsUrlOf(ok.errors![0].extensions!.creditsUrl as string)).toBe('/chat');
  });

  it('createCheckoutSession refuses a bypass with BAD_USER_INPUT and writes no purchase', async () => {
    const user = await t.account(0n);
    for (const evil of BYPASSES.filter((v) => v.trim())) {
      const res = await t.gql(Checkout, { packId: 'starter', returnTo: evil }, user.key);
      expect(res.errors?.[0]?.extensions?.code, evil).toBe('BAD_USER_INPUT');
    }
    const [{ n }] = await t.db.query<{ n: string }>(`select count(*)::text as n from purchases where account_id = $1`, [user.id]);
    expect(n).toBe('0');
    const ok = await t.gql(Checkout, { packId: 'starter', returnTo: '/a/../chat' }, user.key);
    expect(ok.errors).toBeUndefined();
    const done = await fetch(`${t.url}/billing/test-checkout/${ok.data!.createCheckoutSession.purchaseId}`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    const redirect = ((await done.json()) as { redirect: string }).redirect;
    expect(creditsUrlOf(redirect)).toBe('/chat');
    assertOwnPath(creditsUrlOf(redirect)!);
  });
});
