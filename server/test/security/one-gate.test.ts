import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { connect, type WsConnection } from '../support/ws.js';
import { Browser } from '../sessions/support.js';
import { connectWs } from '../support/ws-client.js';

/** Issue 17, defects 3 and 4 and their low findings: HTTP and graphql-ws pass the same gate. */
const RECORD = `mutation($i: RecordUsageInput!) { recordUsage(input: $i) { id } }`;
const BALANCE = `subscription { balanceUpdated { balanceMillicredits } }`;
const CREATE_TEAM = `mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }`;
const paged = (n: string) =>
  Array.from(
    { length: 15 },
    (_, i) => `a${i}: me { ledger(first: ${n}) { edges { node { id } } } usage(first: ${n}) { edges { node { id } } } }`,
  ).join(' ');
const usage = (idempotencyKey: string) => ({ i: { model: 'test-model', inputTokens: 1, outputTokens: 1, idempotencyKey } });

let t: TestApp;
const open: WsConnection[] = [];
const ws = (params: Record<string, unknown>) => {
  const c = connect(t.url, params);
  open.push(c);
  return c;
};
const wsKey = (key: string) => ws({ authorization: `Bearer ${key}` });
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: string }>(sql, params))[0].n);
const codes = (r: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => r.errors?.map((e) => e.extensions?.code);

beforeAll(async () => {
  t = await startTestApp({
    MUTATIONS_MAX_IN_FLIGHT: 1,
    MUTATIONS_MAX_QUEUE: 0,
    WS_MAX_SOCKETS_PER_PRINCIPAL: 3,
    WS_MAX_SUBSCRIPTIONS_PER_PRINCIPAL: 2,
  });
});
afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  await t?.close();
});

describe('rate limit and admission over graphql-ws', () => {
  it('lets 5 of 20 mutations on one socket through at requestsPerMinute 5, as HTTP does', async () => {
    const user = await t.account(1_000_000n);
    const set = await t.gql(
      `mutation($a: ID, $i: ProxySettingsInput!) { setProxySettings(accountId: $a, input: $i) { requestsPerMinute } }`,
      {
        a: user.id,
        i: { requestsPerMinute: 5 },
      },
    );
    expect(set.errors).toBeUndefined();
    const socket = wsKey(user.key);
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await socket.run(RECORD, usage(`ws-${i}`)));
    expect(results.filter((r) => r.data?.recordUsage?.id)).toHaveLength(5);
    expect(results.slice(5).map((r) => codes(r)?.[0])).toEqual(Array(15).fill('RATE_LIMIT_EXCEEDED'));
    expect(results[5].errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[5].errors?.[0].extensions?.http).toBeUndefined(); // Apollo's, not the client's
    expect(await count(`select count(*)::text n from usage_records where account_id = $1`, [user.id])).toBe(5);
    // The same budget as HTTP: spent.
    expect((await t.gql(`{ me { id } }`, {}, user.key)).status).toBe(429);
  });

  it("holds a Credits page session to its account's limit, over HTTP and its socket alike", async () => {
    const user = await t.account(1_000_000n);
    const limit = { a: user.id, i: { requestsPerMinute: 5 } };
    expect(
      (await t.gql(`mutation($a: ID, $i: ProxySettingsInput!) { setProxySettings(accountId: $a, input: $i) { requestsPerMinute } }`, limit))
        .errors,
    ).toBeUndefined();
    const { url } = (await t.gql(`mutation { createPortalSession { url } }`, {}, user.key)).data.createPortalSession;
    const page = new Browser(t);
    await page.get(new URL(url).pathname);
    const overHttp = [];
    for (let i = 0; i < 3; i++) overHttp.push(await page.gql(RECORD, usage(`portal-http-${i}`)));
    const socket = await connectWs(t.url, { cookie: page.cookieHeader });
    const overWs = [];
    for (let i = 0; i < 4; i++) overWs.push(await socket.run(RECORD, usage(`portal-ws-${i}`)).catch((errors: []) => ({ errors })));
    expect(overHttp.map((r) => codes(r)?.[0] ?? 'OK')).toEqual(['OK', 'OK', 'OK']);
    expect(overWs.map((r) => codes(r)?.[0] ?? 'OK')).toEqual(['OK', 'OK', 'RATE_LIMIT_EXCEEDED', 'RATE_LIMIT_EXCEEDED']);
    expect(await count(`select count(*)::text n from usage_records where account_id = $1`, [user.id])).toBe(5);
    await socket.dispose();
  });

  it('refuses a mutation with SERVICE_UNAVAILABLE while admission is full, writes nothing, and serves queries', async () => {
    const user = await t.account(1_000_000n);
    const socket = wsKey(user.key);
    const release = await t.services.loadControl.mutationGate.acquire(); // the one slot, busy
    try {
      const refused = await socket.run(RECORD, usage('busy'));
      expect(codes(refused)).toEqual(['SERVICE_UNAVAILABLE']);
      expect((await socket.run(`{ me { id } }`)).data?.me.id).toBe(user.id);
      expect(await count(`select count(*)::text n from usage_records where account_id = $1`, [user.id])).toBe(0);
    } finally {
      release();
    }
    expect((await socket.run(RECORD, usage('free'))).data?.recordUsage.id).toBeTruthy();
    expect(t.services.loadControl.mutationGate.stats).toEqual({ inFlight: 0, queued: 0 }); // the ws slot was given back
  });
});

describe('query cost with variables', () => {
  it('refuses 15 aliased me { ledger(first: $n) usage(first: $n) } with n = 200 over HTTP and graphql-ws, as when written in', async () => {
    const user = await t.account(1_000n);
    const inline = await t.gql(`{ ${paged('200')} }`, {}, user.key);
    expect(inline.status).toBe(400);
    const viaVariable = await t.gql(`query($n: Int) { ${paged('$n')} }`, { n: 200 }, user.key);
    expect(viaVariable.status).toBe(400);
    expect(codes(viaVariable)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(viaVariable.errors?.[0].message).toMatch(/Cost limit of 30000 exceeded, found 115905/);
    expect(viaVariable.data).toBeUndefined();
    const viaDefault = await t.gql(`query($n: Int = 200) { ${paged('$n')} }`, {}, user.key);
    expect(codes(viaDefault)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // Above every page maximum it costs the most any list serves; a lone list still names the bad size itself.
    expect(codes(await t.gql(`query($n: Int) { ${paged('$n')} }`, { n: 1_000_000 }, user.key))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const oneList = await t.gql(`query($n: Int) { me { usage(first: $n) { edges { node { id } } } } }`, { n: 1_000_000 }, user.key);
    expect(codes(oneList)).toEqual(['BAD_USER_INPUT']);

    const socket = wsKey(user.key);
    const overWs = await socket.run(`query($n: Int) { ${paged('$n')} }`, { n: 200 });
    expect(codes(overWs)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(overWs.errors?.[0].message).toMatch(/Cost limit/);
    // A small page is as welcome as before, on both.
    expect((await t.gql(`query($n: Int) { ${paged('$n')} }`, { n: 2 }, user.key)).errors).toBeUndefined();
    expect((await socket.run(`query($n: Int) { ${paged('$n')} }`, { n: 2 })).errors).toBeUndefined();
  });

  it('applies the token, depth and alias limits over graphql-ws with typed codes', async () => {
    const user = await t.account(1_000n);
    const socket = wsKey(user.key);
    const tokens = await socket.run(`{ ${Array.from({ length: 3000 }, (_, i) => `p${i}: creditPacks { id }`).join(' ')} }`);
    expect(codes(tokens)).toEqual(['GRAPHQL_PARSE_FAILED']);
    const aliases = await socket.run(`{ ${Array.from({ length: 16 }, (_, i) => `p${i}: creditPacks { id }`).join(' ')} }`);
    expect(aliases.errors?.[0].message).toMatch(/alias/i);
    expect(codes(aliases)?.[0]).toBe('GRAPHQL_VALIDATION_FAILED');
    const deep = await socket.run(`{ me { ${'ledger { edges { node { account { '.repeat(4)}id${' } } } }'.repeat(4)} } }`);
    expect(deep.errors?.[0].message).toMatch(/depth/i);
    const badVariable = await socket.run(RECORD, { i: { model: 'test-model' } });
    expect(codes(badVariable)?.[0]).toBe('BAD_USER_INPUT');
  });
});

describe('bad text', () => {
  const rows = async () => count(`select (select count(*) from teams) + (select count(*) from audit_log) n`);

  it('refuses a lone surrogate or a NUL with BAD_USER_INPUT over HTTP and graphql-ws, and writes nothing', async () => {
    const user = await t.account(1_000n);
    const before = await rows();
    const http = await t.gql(CREATE_TEAM, { i: { name: 'bad\ud800x' } }, user.key);
    expect(http.status).toBe(400);
    expect(codes(http)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CREATE_TEAM, { i: { name: 'low\udc00' } }, user.key))).toEqual(['BAD_USER_INPUT']);
    const socket = wsKey(user.key);
    expect(codes(await socket.run(CREATE_TEAM, { i: { name: 'bad\ud800x' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await socket.run(CREATE_TEAM, { i: { name: 'nul\u0000x' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await socket.run(`mutation { createTeam(input: { name: "nul\\u0000x" }) { id } }`))).toEqual(['BAD_USER_INPUT']);
    expect(await rows()).toBe(before);
    // A real surrogate pair is text like any other.
    expect((await socket.run(CREATE_TEAM, { i: { name: 'emoji \ud83d\ude00' } })).errors).toBeUndefined();
  });
});

describe('subscriptions over HTTP', () => {
  it('refuses a subscription POSTed over HTTP with 400 BAD_REQUEST for every caller, before any resolver runs', async () => {
    const user = await t.account(1_000n);
    for (const key of [user.key, t.adminKey, null]) {
      const r = await t.gql(BALANCE, {}, key);
      expect(r.status).toBe(400);
      expect(r.data ?? null).toBeNull();
      expect(r.errors).toEqual([
        expect.objectContaining({
          message: 'Subscriptions are served over graphql-ws at /graphql, not over HTTP',
          extensions: { code: 'BAD_REQUEST' },
        }),
      ]);
    }
  });
});

describe('the error mask over graphql-ws', () => {
  it('answers an internal failure with "Internal server error", never its SQL or ids', async () => {
    const user = await t.account(1_000n);
    const socket = wsKey(user.key);
    await t.db.query(`alter table teams rename to teams_gone`);
    try {
      const failed = await socket.run(CREATE_TEAM, { i: { name: 'Masked' } });
      expect(failed.errors).toEqual([
        expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
      ]);
      expect(JSON.stringify(failed)).not.toMatch(/teams|insert|select|relation/i);
      expect(JSON.stringify(failed)).not.toContain(user.id);
    } finally {
      await t.db.query(`alter table teams_gone rename to teams`);
    }
  });
});

describe('per-principal caps on graphql-ws', () => {
  it('closes a socket over the per-key cap with 4429; other keys and freed places still connect', async () => {
    const user = await t.account(1_000n);
    const three = [wsKey(user.key), wsKey(user.key), wsKey(user.key)];
    await Promise.all(three.map((c) => c.connected));
    const fourth = wsKey(user.key);
    expect(await fourth.closed).toEqual({ code: 4429, reason: expect.stringMatching(/too many/i) });
    const other = await t.account(1_000n);
    const otherSocket = wsKey(other.key);
    expect((await otherSocket.run(`{ me { id } }`)).data?.me.id).toBe(other.id);
    await three[0].close();
    await eventually(async () => {
      const again = wsKey(user.key);
      return Promise.race([again.connected.then(() => true), again.closed.then(() => false)]);
    });
  });

  it('refuses a subscription over the per-key cap with TOO_MANY_SUBSCRIPTIONS, across sockets, until one completes', async () => {
    const user = await t.account(1_000n);
    const a = wsKey(user.key);
    const b = wsKey(user.key);
    const first = await a.start(BALANCE);
    const second = await b.start(BALANCE);
    expect([first.data, second.data]).toEqual([
      { balanceUpdated: { balanceMillicredits: '1000' } },
      { balanceUpdated: { balanceMillicredits: '1000' } },
    ]);
    const third = await a.start(BALANCE);
    expect(codes(third)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
    expect((await a.run(`{ me { id } }`)).data?.me.id).toBe(user.id); // the socket itself stays open
    second.stop();
    await eventually(async () => {
      const next = await b.start(BALANCE);
      return next.data?.balanceUpdated ? next : null;
    });
  });
});

describe('connectionParams', () => {
  it('accepts Authorization with a capital A, as HTTP header names are case-insensitive', async () => {
    const user = await t.account(1_000n);
    const socket = ws({ Authorization: `Bearer ${user.key}` });
    expect((await socket.run(`{ me { id } }`)).data?.me.id).toBe(user.id);
  });
});
