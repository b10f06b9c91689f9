import { Counter, Gauge, Registry } from 'prom-client';

/**
 * Prometheus metrics on a Registry of our own (prom-client's global one is left alone). Event
 * counters move through the small functions below, which other modules call after the fact
 * (after commit): never from inside a database transaction that may still roll back.
 * Gauges are computed at scrape time from rollups and accounts (`metrics.routes.ts`).
 * Money counters are integer millicredits: a float counter is exact up to 2^53 millicredits
 * ($9 billion), far beyond one process's lifetime.
 */
export const metricsRegistry = new Registry();

const counter = (name: string, help: string, labelNames: string[] = []) =>
  new Counter({ name, help, labelNames, registers: [metricsRegistry] });
const gauge = (name: string, help: string, labelNames: string[] = []) =>
  new Gauge({ name, help, labelNames, registers: [metricsRegistry] });

export const counters = {
  creditsPurchased: counter('creditmeter_credits_purchased_millicredits_total', 'Credits added by PURCHASE ledger entries, in millicredits'),
  creditsDeducted: counter('creditmeter_credits_deducted_millicredits_total', 'Credits deducted by metered usage, in millicredits', ['model']),
  insufficientCredits: counter('creditmeter_insufficient_credits_total', 'Requests refused with 402 INSUFFICIENT_CREDITS', ['source']),
  webhookEvents: counter('creditmeter_webhook_events_total', 'Webhook events received, by event type and outcome', ['type', 'outcome']),
  webhookFailures: counter('creditmeter_webhook_failures_total', 'Webhook events that failed verification or processing', ['type']),
  modelCalls: counter('creditmeter_model_calls_total', 'Metered model calls', ['model']),
  tokens: counter('creditmeter_tokens_total', 'Tokens metered, by model and direction (input, cached_input, output)', ['model', 'direction']),
  reconciliationMismatches: counter('creditmeter_reconciliation_mismatches_total', 'Reconciliation findings, by check', ['check']),
  reconciliationRuns: counter('creditmeter_reconciliation_runs_total', 'Reconciliation runs, by status', ['status']),
  notificationAttempts: counter('creditmeter_notification_attempts_total', 'Outgoing webhook and mail delivery attempts, by channel and outcome (delivered, retry, failed)', ['channel', 'outcome']),
  proxySettleFailures: counter('proxy_settle_failures_total', 'Proxied calls whose charge could not be written (their holds are kept for an operator)'),
};

export const gauges = {
  activeBalance: gauge('creditmeter_active_balance_millicredits', 'Sum of positive customer balances (sampled at scrape)'),
  activeAccounts: gauge('creditmeter_active_accounts', 'Customer accounts with a positive balance (sampled at scrape)'),
  grossMarginToday: gauge('creditmeter_gross_margin_usd', "Gross margin (revenue - provider cost) of a UTC day in USD, for today and yesterday", ['day']),
  revenueToday: gauge('creditmeter_revenue_usd', 'Revenue (credits deducted / 1,000) of a UTC day in USD, for today and yesterday', ['day']),
  outstandingLiability: gauge('creditmeter_outstanding_liability_usd', 'Sum of all customer balances in USD'),
  outstandingLiabilityMillicredits: gauge('creditmeter_outstanding_liability_millicredits', 'Sum of all customer balances in millicredits'),
  negativeBalances: gauge('creditmeter_negative_balance_accounts', 'Customer accounts with a negative balance'),
  holdsPending: gauge('creditmeter_holds_pending', 'Credit holds of calls in flight (accounts with held credits when holds are not tabled)'),
  holdsPendingMillicredits: gauge('creditmeter_holds_pending_millicredits', 'Millicredits held by calls in flight'),
  rollupLagRows: gauge('creditmeter_finance_rollup_lag_rows', 'Usage rows and postings not yet folded into the finance rollups'),
  auditChainOk: gauge('creditmeter_audit_chain_ok', 'Whether the audit log hash chain verified at the last check (1) or not (0)'),
  auditChainEntries: gauge('creditmeter_audit_chain_entries', 'Audit log rows covered by the last chain verification'),
  auditChainHead: gauge('creditmeter_audit_chain_head_info', 'Always 1; the label is the SHA-256 of the last audit link at the last verification (keep a copy elsewhere: a rewritten history changes it)', ['hash']),
  lastReconciliationMismatches: gauge('creditmeter_reconciliation_last_run_mismatches', 'Findings of the last finished reconciliation run'),
};

const num = (v: bigint | number) => (typeof v === 'bigint' ? Number(v) : v);

/** The functions other modules call. Every amount is integer millicredits. */
export const metrics = {
  /** A metered call was charged (recordUsage, the proxy's settle): call once, after commit. */
  creditsDeducted(model: string, millicredits: bigint, tokens: { inputTokens: bigint; cachedInputTokens?: bigint; outputTokens: bigint }) {
    counters.creditsDeducted.inc({ model }, num(millicredits));
    counters.modelCalls.inc({ model });
    counters.tokens.inc({ model, direction: 'input' }, num(tokens.inputTokens));
    counters.tokens.inc({ model, direction: 'cached_input' }, num(tokens.cachedInputTokens ?? 0n));
    counters.tokens.inc({ model, direction: 'output' }, num(tokens.outputTokens));
  },
  /** Credits were purchased (the ledger counts PURCHASE entries itself; billing need not call this). */
  creditsPurchased(millicredits: bigint) {
    if (millicredits > 0n) counters.creditsPurchased.inc(num(millicredits));
  },
  /** A request was refused with 402 (source: 'graphql' | 'proxy' | ...). */
  insufficientCredits(source = 'graphql') {
    counters.insufficientCredits.inc({ source });
  },
  /** A webhook event was handled (ok) or failed (verification or processing). */
  webhookEvent(type: string, ok: boolean) {
    const t = type || 'unknown';
    counters.webhookEvents.inc({ type: t, outcome: ok ? 'ok' : 'failed' });
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
};

export type Metrics = typeof metrics;

/** Current value of a counter (all label sets summed, or one label set): for tests and the console. */
export async function counterValue(c: Counter, labels?: Record<string, string>): Promise<number> {
  const { values } = await c.get();
  return values
    .filter((v) => !labels || Object.entries(labels).every(([k, l]) => v.labels[k] === l))
    .reduce((sum, v) => sum + v.value, 0);
}
