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

/** One sample of the Prometheus text, e.g. `creditmeter_tokens_total{model="x",direction="input"}`. */
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
    const deducted = sample(before, 'creditmeter_credits_deducted_millicredits_total', { model: 'test-model' }) ?? 0;
    const calls = sample(before, 'creditmeter_model_calls_total', { model: 'test-model' }) ?? 0;
    const input = sample(before, 'creditmeter_tokens_total', { model: 'test-model', direction: 'input' }) ?? 0;
    const cached = sample(before, 'creditmeter_tokens_total', { model: 'test-model', direction: 'cached_input' }) ?? 0;
    const output = sample(before, 'creditmeter_tokens_total', { model: 'test-model', direction: 'output' }) ?? 0;

    const input1 = { model: 'test-model', inputTokens: 1234, cachedInputTokens: 100, outputTokens: 57, idempotencyKey: 'm-1' };
    const res = await t.gql(MeterCall, { input: input1 }, user.key);
    expect(res.data?.recordUsage.chargedMillicredits).toBe('3629');
    await t.gql(MeterCall, { input: input1 }, user.key); // idempotent repeat

    const after = await scrape();
    expect(sample(after, 'creditmeter_credits_deducted_millicredits_total', { model: 'test-model' })).toBe(deducted + 3629);
    expect(sample(after, 'creditmeter_model_calls_total', { model: 'test-model' })).toBe(calls + 1);
    expect(sample(after, 'creditmeter_tokens_total', { model: 'test-model', direction: 'input' })).toBe(input + 1234);
    expect(sample(after, 'creditmeter_tokens_total', { model: 'test-model', direction: 'cached_input' })).toBe(cached + 100);
    expect(sample(after, 'creditmeter_tokens_total', { model: 'test-model', direction: 'output' })).toBe(output + 57);
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
    expect(await counterValue(counters.creditsPurchased)).toBe(before + 9_990_000);
  });

  it('count webhook events by type and failures', async () => {
    metrics.webhookEvent('checkout.session.completed', true);
    metrics.webhookEvent('checkout.session.completed', true);
    metrics.webhookEvent('charge.refunded', false);
    const text = await scrape();
    expect(sample(text, 'creditmeter_webhook_events_total', { type: 'checkout.session.completed', outcome: 'ok' })).toBe(2);
    expect(sample(text, 'creditmeter_webhook_events_total', { type: 'charge.refunded', outcome: 'failed' })).toBe(1);
    expect(sample(text, 'creditmeter_webhook_failures_total', { type: 'charge.refunded' })).toBe(1);
  });

  it('sample liability, balances, holds and margin gauges from the database at scrape time', async () => {
    const neg = await t.account(0n);
    await t.services.ledger.post({ accountId: neg.id, type: 'REFUND', delta: -2_000n, counterparty: 'refunds', allowNegative: true });
    const [{ total, positive }] = await t.db.query<{ total: string; positive: string }>(
      `select sum(posted)::text total, (sum(posted) filter (where posted > 0))::text positive from accounts where kind = 'CUSTOMER'`,
    );
    const text = await scrape();
    expect(sample(text, 'creditmeter_outstanding_liability_millicredits')).toBe(Number(total));
    expect(sample(text, 'creditmeter_outstanding_liability_usd')).toBe(Math.round(Number(total) / 10_000) / 100);
    expect(sample(text, 'creditmeter_active_balance_millicredits')).toBe(Number(positive));
    expect(sample(text, 'creditmeter_negative_balance_accounts')).toBe(1);
    expect(sample(text, 'creditmeter_holds_pending')).toBe(0);
    // Today: 3,629 millicredits of revenue, $0.001512 of cost -> margin $0.002117 -> 0.00 rounded to cents.
    expect(sample(text, 'creditmeter_revenue_usd', { day: 'today' })).toBe(0);
    expect(sample(text, 'creditmeter_gross_margin_usd', { day: 'today' })).toBe(0);
    for (const name of [
      'creditmeter_credits_purchased_millicredits_total',
      'creditmeter_insufficient_credits_total',
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
