import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, counterValue } from '../../src/metrics/metrics.js';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { startFakeOpenAi, streamSse, type FakeOpenAi } from './fake-openai.js';
import { balanceRow, holdsOf, openaiClient, postingsSum, usageRows } from './support.js';

const ClaimKey = graphql(`
  mutation SettleKeyClaim($input: RecordUsageInput!) {
    recordUsage(input: $input) {
      chargedMillicredits
      idempotencyKey
    }
  }
`);

let t: TestApp;
let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  t = await startTestApp({ OPENAI_API_KEY: 'sk-fake-upstream', OPENAI_BASE_URL: `${fake.url}/v1`, HOLD_EXPIRY_INTERVAL_MS: 0 });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const messages = [{ role: 'user' as const, content: 'Tell me a story' }];
// 300 x 2400 + 5 x 9600 = 768,000 -> 768 millicredits for the streamed call.
const STREAM_USAGE = { prompt: 300, completion: 5 };
const STREAM_CHARGE = 768n;
// recordUsage of 1 input token of cheap-model: ceil(100 / 1000) = 1 millicredit.
const CLAIM_CHARGE = 1n;

/** Every shape a client might try for the proxy's own settle key of hold `id`. */
const keyShapes = (id: string) => [
  `proxy:${id}`,
  ` proxy:${id} `,
  `PROXY:${id}`,
  `Proxy:${id.toUpperCase()}`,
  `proxy:${id.toUpperCase()}`,
  `proxy: ${id}`,
  `usage:proxy:${id}`,
  `settle:${id}`,
  `proxy\u200b:${id}`,
  `proxy\uff1a${id}`,
  `\uff50roxy:${id}`,
  id,
];

/**
 * Starts a stream that waits, after its first chunk, until the test has claimed keys with the
 * request id the proxy sent back in `x-creditmeter-request-id` (the attack of issue 8).
 */
async function streamWithClaim(key: string, claim: (holdId: string) => Promise<void>) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  fake.handler = (body, _req, res) => streamSse(body, res, { pieces: ['Once', ' upon', ' a', ' time', '.'], usage: STREAM_USAGE, gate });
  const { data: stream, response } = await openaiClient(t, key)
    .chat.completions.create({ model: 'test-model', messages, stream: true, stream_options: { include_usage: true } })
    .withResponse();
  const holdId = response.headers.get('x-creditmeter-request-id')!;
  try {
    await claim(holdId);
  } finally {
    release();
  }
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { holdId, chunks };
}

describe('the proxy settle key is out of reach of client idempotency keys', () => {
  it('charges a streamed call in full even after the client claimed every plausible shape of its settle key', async () => {
    const user = await t.account(1_000_000n);
    let shapes: string[] = [];
    const { holdId, chunks } = await streamWithClaim(user.key, async (id) => {
      shapes = keyShapes(id);
      for (const idempotencyKey of shapes) {
        const res = await t.gql(ClaimKey, { input: { model: 'cheap-model', inputTokens: 1, outputTokens: 0, idempotencyKey } }, user.key);
        expect(res.errors, idempotencyKey).toBeUndefined();
      }
    });
    expect(holdId).toMatch(/^[0-9a-f-]{36}$/);
    // The stream completed: its last chunk carries the usage and the charge.
    const last = chunks.at(-1) as any;
    expect(last.usage).toMatchObject({ prompt_tokens: 300, completion_tokens: 5 });
    expect(last.creditmeter.charged_millicredits).toBe(STREAM_CHARGE.toString());

    const [hold] = await holdsOf(t, user.id);
    expect(hold).toMatchObject({ id: holdId, state: 'SETTLED', charged: STREAM_CHARGE.toString() });
    const rows = await usageRows(t, user.id);
    const proxied = rows.filter((r) => r.source === 'PROXY');
    expect(proxied).toHaveLength(1);
    expect(proxied[0]).toMatchObject({ charged: STREAM_CHARGE.toString() });
    // Each client key charged once too; distinct shapes whose trimmed text is equal are one key.
    const clientRows = rows.filter((r) => r.source === 'API');
    const distinct = new Set(shapes.map((s) => s.trim()));
    expect(clientRows).toHaveLength(distinct.size);
    const expected = 1_000_000n - STREAM_CHARGE - CLAIM_CHARGE * BigInt(distinct.size);
    expect(await balanceRow(t, user.id)).toEqual({ posted: expected, pending: 0n });
    expect(await postingsSum(t, user.id)).toBe(expected);
  });

  it('answers a client key equal to a settle key with the client row, never the proxy row', async () => {
    const user = await t.account(1_000_000n);
    const { holdId } = await streamWithClaim(user.key, async () => {});
    const res = await t.gql(
      ClaimKey,
      { input: { model: 'cheap-model', inputTokens: 1, outputTokens: 0, idempotencyKey: `proxy:${holdId}` } },
      user.key,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordUsage).toEqual({ chargedMillicredits: CLAIM_CHARGE.toString(), idempotencyKey: `proxy:${holdId}` });
    expect((await balanceRow(t, user.id)).posted).toBe(1_000_000n - STREAM_CHARGE - CLAIM_CHARGE);
  });
});

describe('a settle that cannot land', () => {
  it('answers the stream in full, then keeps the hold and moves proxy_settle_failures_total', async () => {
    const user = await t.account(1_000_000n);
    // A database-side failure of the settle only (nothing a client can cause any more).
    await t.db.query(`create or replace function refuse_settle() returns trigger language plpgsql as $$
      begin if new.source = 'PROXY' and new.request_id = 'req_fake_stream' then raise exception 'settle refused for the test'; end if; return new; end $$`);
    await t.db.query(`create trigger refuse_settle before insert on usage_records for each row execute function refuse_settle()`);
    try {
      const before = await counterValue(counters.proxySettleFailures);
      fake.handler = (body, _req, res) => streamSse(body, res, { pieces: ['a', 'b'], usage: STREAM_USAGE });
      const stream = await openaiClient(t, user.key).chat.completions.create({ model: 'test-model', messages, stream: true });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
      // The client got its whole answer: the settle runs after it, and fails there.
      expect(text).toBe('ab');
      await t.services.proxy.settled();
      expect(await counterValue(counters.proxySettleFailures)).toBe(before + 1);
      const [hold] = await t.db.query<{ state: string; settle_error: string | null; expires_at: string }>(
        `select state, settle_error, expires_at::text from holds where account_id = $1`,
        [user.id],
      );
      expect(hold.state).toBe('HELD');
      expect(hold.settle_error).toMatch(/settle refused for the test/);
      expect(hold.expires_at).toBe('infinity');
      // The expiry job never releases it: the operator settles or voids it.
      await t.services.holds.releaseExpired();
      expect((await holdsOf(t, user.id))[0].state).toBe('HELD');
      expect((await balanceRow(t, user.id)).pending).toBeGreaterThan(0n);
    } finally {
      await t.db.query(`drop trigger refuse_settle on usage_records`);
    }
  });
});
