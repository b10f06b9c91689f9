import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { swallowedErrors } from '../shared/errors.js';

/**
 * Prometheus metrics on a Registry of our own (prom-client's global one is left alone). Event
 * counters move through the small functions below, which other modules call after the fact
 * (after commit): never from inside a database transaction that may still roll back.
 * Gauges are computed at scrape time from rollups and accounts (`metrics.routes.ts`).
 * Names follow the go-live checklist (`billing_*`, `stripe_*`, `openai_*`, `margin_*`,
 * `liability_*`); credits are counted in credits (1,000 credits = $1), as the checklist says.
 */
export const metricsRegistry = new Registry();
// prom-client's process metrics (CPU, memory, event loop lag, handles, GC) on the same registry.
collectDefaultMetrics({ register: metricsRegistry });
metricsRegistry.registerMetric(swallowedErrors);

const counter = (name: string, help: string, labelNames: string[] = []) =>
  new Counter({ name, help, labelNames, registers: [metricsRegistry] });
const gauge = (name: string, help: string, labelNames: string[] = []) =>
  new Gauge({ name, help, labelNames, registers: [metricsRegistry] });

export const counters = {
  creditsPurchased: counter('billing_credits_purchased_total', 'Credits added by PURCHASE ledger entries (credits; 1,000 = $1)'),
  creditsDeducted: counter('billing_credits_deducted_total', 'Credits deducted by metered usage (credits), by model', ['model']),
  insufficientCredits: counter(
    'billing_402_insufficient_credits_total',
    'Requests refused with 402 INSUFFICIENT_CREDITS, by source (graphql, proxy)',
    ['source'],
  ),
  webhookEvents: counter('stripe_webhook_events_total', 'Stripe webhook events received, by event type', ['type']),
  webhookFailures: counter('stripe_webhook_failures_total', 'Stripe webhook events that failed verification or processing, by event type', [
    'type',
  ]),
  modelCalls: counter('openai_calls_total', 'Metered model calls, by model', ['model']),
  tokensIn: counter('openai_tokens_in_total', 'Prompt tokens metered (cached ones included), by model', ['model']),
  tokensOut: counter('openai_tokens_out_total', 'Completion tokens metered, by model', ['model']),
  reconciliationMismatches: counter('creditmeter_reconciliation_mismatches_total', 'Reconciliation findings, by check', ['check']),
  reconciliationRuns: counter('creditmeter_reconciliation_runs_total', 'Reconciliation runs, by status', ['status']),
  notificationAttempts: counter(
    'creditmeter_notification_attempts_total',
    'Outgoing webhook and mail delivery attempts, by channel and outcome (delivered, retry, failed)',
    ['channel', 'outcome'],
  ),
  admissionRejected: counter(
    'admission_rejected_total',
    'Requests refused with 503 by admission control, by gate (proxy, mutations) and reason (queue_full, queue_timeout)',
    ['gate', 'reason'],
  ),
  rateLimited: counter('rate_limited_total', 'Requests refused with 429 rate_limit_exceeded, by surface (proxy, graphql)', ['surface']),
  fanoutRenders: counter(
    'graphql_ws_fanout_renders_total',
    'balanceUpdated payloads executed and serialised: once per event per account and subscription document on this instance, however many sockets get it',
  ),
  fanoutHeldBack: counter(
    'graphql_ws_fanout_held_back_total',
    'Times a subscription socket over its send-buffer limit was held back (it skips balances until it drains, then gets the newest)',
  ),
  proxySettleFailures: counter(
    'proxy_settle_failures_total',
    'Proxied calls whose charge could not be written (their holds are kept for an operator)',
  ),
  holdsExpired: counter(
    'proxy_holds_expired_total',
    'Holds released by expiry: calls that never settled (a crash between the answer and its settle goes uncharged)',
  ),
};

export const gauges = {
  pubsubUp: gauge('pubsub_up', 'Cross-instance fan-out (Redis pub/sub): 1 up (or not configured), 0 unreachable'),
  activeBalance: gauge('billing_active_balance', 'Sum of positive customer balances in credits (sampled at scrape)'),
  activeAccounts: gauge('creditmeter_active_accounts', 'Customer accounts with a positive balance (sampled at scrape)'),
  grossMarginToday: gauge(
    'margin_gross_daily_usd',
    'Gross margin (credits deducted / 1,000 - provider cost) of a UTC day in USD, for today and yesterday',
    ['day'],
  ),
  revenueToday: gauge('creditmeter_revenue_usd', 'Revenue (credits deducted / 1,000) of a UTC day in USD, for today and yesterday', [
    'day',
  ]),
  outstandingLiability: gauge('liability_outstanding_credits_usd', 'Outstanding credits (sum of all customer balances / 1,000) in USD'),
  outstandingLiabilityMillicredits: gauge('creditmeter_outstanding_liability_millicredits', 'Sum of all customer balances in millicredits'),
  negativeBalances: gauge('creditmeter_negative_balance_accounts', 'Customer accounts with a negative balance'),
  holdsPending: gauge(
    'creditmeter_holds_pending',
    'Credit holds of calls in flight (accounts with held credits when holds are not tabled)',
  ),
  holdsPendingMillicredits: gauge('creditmeter_holds_pending_millicredits', 'Millicredits held by calls in flight'),
  rollupLagRows: gauge('creditmeter_finance_rollup_lag_rows', 'Usage rows and postings not yet folded into the finance rollups'),
  auditChainOk: gauge('creditmeter_audit_chain_ok', 'Whether the audit log hash chain verified at the last check (1) or not (0)'),
  auditChainEntries: gauge('creditmeter_audit_chain_entries', 'Audit log rows covered by the last chain verification'),
  auditChainHead: gauge(
    'creditmeter_audit_chain_head_info',
    'Always 1; the label is the SHA-256 of the last audit link at the last verification (keep a copy elsewhere: a rewritten history changes it)',
    ['hash'],
  ),
  lastReconciliationMismatches: gauge('creditmeter_reconciliation_last_run_mismatches', 'Findings of the last finished reconciliation run'),
};

const num = (v: bigint | number) => (typeof v === 'bigint' ? Number(v) : v);
/** Millicredits as credits for a counter (display precision; the ledger is the exact record). */
export const credits = (millicredits: bigint) => Number(millicredits) / 1000;

/** Seconds per HTTP request, by method, route template (`/statements/:file`, never a raw path) and status. */
/** The window a crash can leave a call uncharged in: from the answer sent to its settle committed. */
const proxySettleLag = new Histogram({
  name: 'proxy_settle_lag_seconds',
  help: 'Time from a proxied answer (or last chunk) sent to its settle committed',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration in seconds, by method, route template and status code',
  labelNames: ['method', 'route', 'status_code'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

/** The functions other modules call. Every amount is integer millicredits. */
export const metrics = {
  /** A metered call was charged (recordUsage, the proxy's settle): call once, after commit. */
  creditsDeducted(model: string, millicredits: bigint, tokens: { inputTokens: bigint; cachedInputTokens?: bigint; outputTokens: bigint }) {
    counters.creditsDeducted.inc({ model }, credits(millicredits));
    counters.modelCalls.inc({ model });
    counters.tokensIn.inc({ model }, num(tokens.inputTokens + (tokens.cachedInputTokens ?? 0n)));
    counters.tokensOut.inc({ model }, num(tokens.outputTokens));
  },
  /** Credits were purchased (the ledger counts PURCHASE entries itself; billing need not call this). */
  creditsPurchased(millicredits: bigint) {
    if (millicredits > 0n) counters.creditsPurchased.inc(credits(millicredits));
  },
  /** A request was refused with 402 (source: 'graphql' | 'proxy' | ...). */
  insufficientCredits(source = 'graphql') {
    counters.insufficientCredits.inc({ source });
  },
  /** A webhook event was handled (ok) or failed (verification or processing). */
  webhookEvent(type: string, ok: boolean) {
    const t = type || 'unknown';
    counters.webhookEvents.inc({ type: t });
    if (!ok) counters.webhookFailures.inc({ type: t });
  },
  reconciliationMismatch(check: string, n = 1) {
    if (n > 0) counters.reconciliationMismatches.inc({ check }, n);
  },
  /** The audit hash chain was verified (reconciliation, or an ADMIN's auditChain query). */
  auditChainVerified(status: { ok: boolean; entries: number; headHash: string }) {
    gauges.auditChainOk.set(status.ok ? 1 : 0);
    gauges.auditChainEntries.set(status.entries);
    gauges.auditChainHead.reset();
    gauges.auditChainHead.set({ hash: status.headHash }, 1);
  },
  /** A webhook or mail delivery attempt finished (outcome: delivered, retry or failed = gave up). */
  notificationAttempt(channel: string, outcome: 'delivered' | 'retry' | 'failed') {
    counters.notificationAttempts.inc({ channel: channel.toLowerCase(), outcome });
  },
  reconciliationRun(status: string) {
    counters.reconciliationRuns.inc({ status });
  },
  /** A proxied call's settle failed after its retries; counted before the error is thrown. */
  proxySettleFailure() {
    counters.proxySettleFailures.inc();
  },
  /** Holds the expiry job released (their calls went uncharged). */
  holdsExpired(n: number) {
    if (n > 0) counters.holdsExpired.inc(n);
  },
  /** A proxied call's settle committed, `seconds` after its answer went out. */
  proxySettleLag(seconds: number) {
    proxySettleLag.observe(seconds);
  },
};

/** Current value of a counter (all label sets summed, or one label set): for tests and the console. */
export async function counterValue(c: Counter, labels?: Record<string, string>): Promise<number> {
  const { values } = await c.get();
  return values.filter((v) => !labels || Object.entries(labels).every(([k, l]) => v.labels[k] === l)).reduce((sum, v) => sum + v.value, 0);
}
