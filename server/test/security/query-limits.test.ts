import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { startTestApp, type TestApp } from '../support/harness.js';

/** The two amplification documents of issue 8. */
const meAliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { ledger(first: 200) { edges { node { id } } } usage(first: 200) { edges { node { id } } } }`).join(' ')} }`;
const packAliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: creditPacks { id }`).join(' ')} }`;

async function post(t: TestApp, query: string, key: string | null) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

describe('query amplification', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('refuses 1,000 aliased me { ledger usage } before running any of them', async () => {
    const user = await t.account(1_000n);
    const { status, body } = await post(t, meAliases(1000), user.key);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED)$/);
  });

  it('refuses 10,000 anonymous creditPacks aliases', async () => {
    const { status, body } = await post(t, packAliases(10_000), null);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
  });

  it('refuses more than 15 aliases, deep nesting and over-long documents, and still serves ordinary ones', async () => {
    const user = await t.account(1_000n);
    expect((await post(t, packAliases(16), null)).body.errors?.[0]?.message).toMatch(/alias/i);
    expect((await post(t, packAliases(15), null)).body.data).toBeDefined();
    const deep = `{ me { ${'ledger { edges { node { account { '.repeat(4)}id${' } } } }'.repeat(4)} } }`;
    expect((await post(t, deep, user.key)).body.errors?.[0]?.message).toMatch(/depth/i);
    const ordinary = await post(t, '{ me { id balance { balanceMillicredits } ledger(first: 200) { edges { node { id } } } usage(first: 200) { edges { node { id } } } } }', user.key);
    expect(ordinary.body.errors).toBeUndefined();
  });

  it('keeps introspection for everyone outside production', async () => {
    const { body } = await post(t, getIntrospectionQuery(), null);
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', METRICS_TOKEN: 'metrics-token-for-tests' } as never);
  });
  afterAll(async () => t?.close());

  it('refuses introspection to anonymous callers and allows it with a key', async () => {
    const anonymous = await post(t, getIntrospectionQuery(), null);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(anonymous.body.data).toBeUndefined();
    expect((await post(t, '{ __type(name: "Query") { name } }', null)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await post(t, '{ __typename creditPacks { id } }', null)).body.errors).toBeUndefined();
    const user = await t.account(0n);
    const withKey = await post(t, getIntrospectionQuery(), user.key);
    expect(withKey.body.errors).toBeUndefined();
  });

  it('does not suggest field names', async () => {
    const { body } = await post(t, '{ creditPack { id } }', null);
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});
