import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, counterValue, metrics } from '../../src/metrics/metrics.js';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const MeterCall = graphql(`
  mutation MetricsRecordUsage($input: RecordUsageInput!) {
    recordUsage(input: $input) { chargedMillicredits }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

/** One sample of the Prometheus text, e.g. `openai_tokens_in_total{model="x"}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

const scrape = async () => {
  const res = await fetch(`${t.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};

describe('metrics', () => {
  it('count a metered call by exactly its credits, one call and its tokens; a repeat counts nothing', async () => {
    const user = await t.account(1_000_000n);
    const before = await scrape();
    const deducted = sample(before, 'billing_credits_deducted_total', { model: 'test-model' }) ?? 0;
    const calls = sample(before, 'openai_calls_total', { model: 'test-model' }) ?? 0;
    const tokensIn = sample(before, 'openai_tokens_in_total', { model: 'test-model' }) ?? 0;
    const tokensOut = sample(before, 'openai_tokens_out_total', { model: 'test-model' }) ?? 0;

    const input1 = { model: 'test-model', inputTokens: 1234, cachedInputTokens: 100, outputTokens: 57, idempotencyKey: 'm-1' };
    const res = await t.gql(MeterCall, { input: input1 }, user.key);
    expect(res.data?.recordUsage.chargedMillicredits).toBe('3629');
    await t.gql(MeterCall, { input: input1 }, user.key); // idempotent repeat

    const after = await scrape();
    // Credits, as the checklist counts them: 3,629 millicredits = 3.629 credits.
    expect(sample(after, 'billing_credits_deducted_total', { model: 'test-model' })).toBeCloseTo(deducted + 3.629, 9);
    expect(sample(after, 'openai_calls_total', { model: 'test-model' })).toBe(calls + 1);
    expect(sample(after, 'openai_tokens_in_total', { model: 'test-model' })).toBe(tokensIn + 1234 + 100);
    expect(sample(after, 'openai_tokens_out_total', { model: 'test-model' })).toBe(tokensOut + 57);
  });

  it('count each 402 once, and concurrent refusals each once', async () => {
    const broke = await t.account(10n);
    const before = await counterValue(counters.insufficientCredits, { source: 'graphql' });
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        t.gql(MeterCall, { input: { model: 'test-model', inputTokens: 1000, outputTokens: 1000, idempotencyKey: `broke-${i}` } }, broke.key),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([402, 402, 402, 402, 402]);
    expect(await counterValue(counters.insufficientCredits, { source: 'graphql' })).toBe(before + 5);
  });

  it('count purchased credits once per PURCHASE entry, never for a replayed key', async () => {
    const buyer = await t.account(0n);
    const before = await counterValue(counters.creditsPurchased);
    const spec = { accountId: buyer.id, type: 'PURCHASE' as const, delta: 9_990_000n, counterparty: 'sales' as const, idempotencyKey: 'buy-1', requestHash: 'h' };
    await t.services.ledger.post(spec);
    await t.services.ledger.post(spec);
    await t.services.ledger.post({ accountId: buyer.id, type: 'BONUS', delta: 5n, counterparty: 'promotions' });
    expect(await counterValue(counters.creditsPurchased)).toBeCloseTo(before + 9_990, 9);
  });

  it('count webhook events by type and failures', async () => {
    metrics.webhookEvent('checkout.session.completed', true);
    metrics.webhookEvent('checkout.session.completed', true);
    metrics.webhookEvent('charge.refunded', false);
    const text = await scrape();
    expect(sample(text, 'stripe_webhook_events_total', { type: 'checkout.session.completed' })).toBe(2);
    expect(sample(text, 'stripe_webhook_events_total', { type: 'charge.refunded' })).toBe(1);
    expect(sample(text, 'stripe_webhook_failures_total', { type: 'charge.refunded' })).toBe(1);
  });

  it('sample liability, balances, holds and margin gauges from the database at scrape time', async () => {
    const neg = await t.account(0n);
    await t.services.ledger.post({ accountId: neg.id, type: 'REFUND', delta: -2_000n, counterparty: 'refunds', allowNegative: true });
    const [{ total, positive }] = await t.db.query<{ total: string; positive: string }>(
      `select sum(posted)::text total, (sum(posted) filter (where posted > 0))::text positive from accounts where kind = 'CUSTOMER'`,
    );
    const text = await scrape();
    expect(sample(text, 'creditmeter_outstanding_liability_millicredits')).toBe(Number(total));
    expect(sample(text, 'liability_outstanding_credits_usd')).toBe(Math.round(Number(total) / 10_000) / 100);
    expect(sample(text, 'billing_active_balance')).toBe(Number(positive) / 1000);
    expect(sample(text, 'creditmeter_negative_balance_accounts')).toBe(1);
    expect(sample(text, 'creditmeter_holds_pending')).toBe(0);
    // Today: 3,629 millicredits of revenue, $0.001512 of cost -> margin $0.002117 -> 0.00 rounded to cents.
    expect(sample(text, 'creditmeter_revenue_usd', { day: 'today' })).toBe(0);
    expect(sample(text, 'margin_gross_daily_usd', { day: 'today' })).toBe(0);
    for (const name of [
      'billing_credits_purchased_total',
      'billing_402_insufficient_credits_total',
      'creditmeter_reconciliation_mismatches_total',
      'creditmeter_finance_rollup_lag_rows',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });

  it('guards /metrics with METRICS_TOKEN when it is set', async () => {
    const guarded = await startTestApp({ METRICS_TOKEN: 'scrape-secret' });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } });
      expect(ok.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('metrics under the go-live checklist names', () => {
  it('exports every checklist name, the process metrics, and a request-duration histogram by route template', async () => {
    const user = await t.account(5_000n);
    const month = new Date().toISOString().slice(0, 7);
    await fetch(`${t.url}/statements/${month}.csv`, { headers: { authorization: `Bearer ${user.key}` } });
    await fetch(`${t.url}/statements/2000-01.csv`, { headers: { authorization: `Bearer ${user.key}` } });
    await t.gql(`{ creditPacks { id } }`);
    const text = await scrape();
    for (const name of [
      'billing_credits_purchased_total', 'billing_credits_deducted_total', 'billing_active_balance', 'billing_402_insufficient_credits_total',
      'stripe_webhook_events_total', 'stripe_webhook_failures_total', 'openai_calls_total', 'openai_tokens_in_total', 'openai_tokens_out_total',
      'margin_gross_daily_usd', 'liability_outstanding_credits_usd',
      'process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'http_request_duration_seconds',
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    // Two statement months, one route: the template, never the raw path.
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/statements/:file', status_code: '200' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status_code: '200' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toMatch(/route="\/statements\/\d{4}/);
  });
});
