import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai.js';

export const openaiClient = (t: TestApp, key: string) => new OpenAI({ baseURL: `${t.url}/v1`, apiKey: key, maxRetries: 0 });

/**
 * The helpers below read the database directly: each first waits for the settles of answered
 * calls still queued on the test app (a call is answered before its settle commits).
 */
export async function balanceRow(t: TestApp, accountId: string) {
  await t.services.proxy.settled();
  const [row] = await t.db.query<{ posted: string; pending: string }>(`select posted, pending from accounts where id = $1`, [accountId]);
  return { posted: BigInt(row.posted), pending: BigInt(row.pending) };
}

export async function holdsOf(t: TestApp, accountId: string) {
  await t.services.proxy.settled();
  return t.db.query<{ id: string; state: string; amount: string; charged: string | null; partial: boolean }>(
    `select id, state, amount, charged, partial from holds where account_id = $1 order by created_at`,
    [accountId],
  );
}

export async function usageRows(t: TestApp, accountId: string) {
  await t.services.proxy.settled();
  return t.db.query<Record<string, any>>(`select * from usage_records where account_id = $1 order by seq`, [accountId]);
}

/** Waits until no hold of the account is HELD any more (a stream settles after the client left). */
export function settledHolds(t: TestApp, accountId: string, timeoutMs = 5000) {
  return eventually(
    async () => {
      const holds = await holdsOf(t, accountId);
      return holds.length > 0 && holds.every((h) => h.state !== 'HELD') && holds;
    },
    { timeoutMs, what: 'every hold settled' },
  );
}

/** The account's available credits (posted - pending) once its settles committed. */
export async function availableOf(t: TestApp, accountId: string) {
  const { posted, pending } = await balanceRow(t, accountId);
  return posted - pending;
}

/**
 * For one test file: a test app whose OpenAI upstream is a fresh fake, cleared before each test;
 * `ready` receives both once started.
 */
export function withFakeOpenAi(ready: (t: TestApp, fake: FakeOpenAi) => void): void {
  let t: TestApp | undefined;
  let fake: FakeOpenAi | undefined;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    t = await startTestApp({ OPENAI_API_KEY: 'sk-fake-upstream', OPENAI_BASE_URL: `${fake.url}/v1`, HOLD_EXPIRY_INTERVAL_MS: 0 });
    ready(t, fake);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake!.calls = [];
    fake!.paths = [];
  });
}

/** Sum of the account's postings: must always equal its cached posted balance. */
export async function postingsSum(t: TestApp, accountId: string) {
  await t.services.proxy.settled();
  const [row] = await t.db.query<{ sum: string }>(
    `select coalesce(sum(amount), 0)::text as sum from ledger_postings where account_id = $1`,
    [accountId],
  );
  return BigInt(row.sum);
}

/** A POST to a `/v1/*` path with a JSON body, outside any SDK. */
export const rawPost = (t: TestApp, path: string, key: string | null, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: JSON.stringify(body),
  });

export const rawChat = (t: TestApp, key: string | null, body: unknown, headers: Record<string, string> = {}) =>
  rawPost(t, '/v1/chat/completions', key, body, headers);

/** A response body as JSON, untyped (fetch types it `unknown`). */
export const jsonOf = async (res: Response): Promise<any> => res.json();
