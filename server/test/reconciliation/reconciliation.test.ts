import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, counterValue } from '../../src/metrics/metrics.js';
import { utcDay } from '../../src/finance/finance.rules.js';
import { graphql } from '../gql/index.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { FakeOpenAiUsage, FakeStripeLedger } from './fakes.js';

const RunReconciliation = graphql(`
  mutation RunReconciliation($day: String, $wait: Boolean!) {
    runReconciliation(day: $day, wait: $wait) {
      id
      day
      trigger
      status
      step
      progressDone
      progressTotal
      mismatchCount
      error
      checks {
        name
        status
        findings
        note
      }
      findings {
        id
        check
        accountId
        subject
        expected
        actual
        driftMillicredits
        driftTokens
      }
    }
  }
`);

const ReconciliationRuns = graphql(`
  query ReconciliationRuns {
    reconciliationRuns(first: 10) {
      id
      status
      mismatchCount
      findings(first: 5) {
        check
      }
    }
  }
`);

let t: TestApp;
let stripe: FakeStripeLedger;
let openai: FakeOpenAiUsage;
const today = utcDay(new Date());

async function purchaseRow(accountId: string, opts: { intent: string; status: string; credits: bigint; cents: number; fulfil: boolean }) {
  const id = randomUUID();
  let transactionId: string | null = null;
  if (opts.fulfil) {
    const entry = await t.services.ledger.post({
      accountId,
      type: 'PURCHASE',
      delta: opts.credits,
      counterparty: 'sales',
      referenceId: id,
      idempotencyKey: `purchase:${id}`,
    });
    transactionId = entry.id;
  }
  await t.db.query(
    `insert into purchases (id, account_id, kind, pack_id, status, amount_cents, amount_paid_cents, credits, stripe_payment_intent_id, transaction_id, fulfilled_at)
     values ($1, $2, 'CHECKOUT', 'starter', $3, $4, $4, $5, $6, $7, case when $3 = 'PENDING' then null else now() end)`,
    [id, accountId, opts.status, opts.cents, opts.credits.toString(), opts.intent, transactionId],
  );
  return id;
}

beforeAll(async () => {
  stripe = await new FakeStripeLedger().start();
  openai = await new FakeOpenAiUsage().start();
  t = await startTestApp({
    STRIPE_SECRET_KEY: 'sk_test_reconciliation',
    STRIPE_API_BASE: stripe.url,
    OPENAI_ADMIN_KEY: 'sk-admin-test',
    OPENAI_BASE_URL: `${openai.url}/v1`,
  });
});
afterAll(async () => {
  await t?.close();
  await stripe?.close();
  await openai?.close();
});

describe('reconciliation', () => {
  let user: { id: string; key: string };

  it('finds nothing when the ledger, the purchases, Stripe and the provider agree', async () => {
    user = await t.account(0n);
    await purchaseRow(user.id, { intent: 'pi_ok', status: 'FULFILLED', credits: 9_990_000n, cents: 999, fulfil: true });
    stripe.charge('ch_ok', 999, 'pi_ok');
    await t.services.usage.record(null, user.id, {
      model: 'test-model',
      inputTokens: 1000,
      cachedInputTokens: 200,
      outputTokens: 300,
      idempotencyKey: 'u1',
    });
    await t.services.usage.record(null, user.id, {
      model: 'test-model',
      inputTokens: 10,
      cachedInputTokens: 0,
      outputTokens: 5,
      idempotencyKey: 'u2',
    });
    openai.results = [{ model: 'test-model', input_tokens: 1210, input_cached_tokens: 200, output_tokens: 305, num_model_requests: 2 }];

    const res = await t.gql(RunReconciliation, { day: today, wait: true });
    expect(res.errors).toBeUndefined();
    const run = res.data!.runReconciliation;
    expect(run).toMatchObject({ day: today, trigger: 'MANUAL', status: 'SUCCEEDED', mismatchCount: 0, findings: [] });
    expect(run.checks.map((c) => [c.name, c.status])).toEqual([
      ['account_balances', 'OK'],
      ['usage_vs_postings', 'OK'],
      ['postings_zero_sum', 'OK'],
      ['purchases_fulfilled_once', 'OK'],
      ['disputes_match_ledger', 'OK'],
      ['grants_match_balances', 'OK'],
      ['revenue_roll_forward', 'OK'],
      ['stripe', 'OK'],
      ['provider_usage', 'OK'],
      ['ledger_entries_audited', 'OK'],
      ['audit_chain', 'OK'],
    ]);
    expect(run.progressDone).toBe(run.progressTotal);
    expect(openai.authorizations).toContain('Bearer sk-admin-test');
    expect(stripe.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/v1/charges', '/v1/refunds']));
  });

  it('finds a corrupted cached balance, a missing fulfilment, a Stripe charge with no purchase and provider drift', async () => {
    const mismatchesBefore = await counterValue(counters.reconciliationMismatches);
    const victim = await t.account(50_000n);
    await t.db.query(`update accounts set posted = posted + 1234 where id = $1`, [victim.id]);
    const unfulfilled = await purchaseRow(user.id, {
      intent: 'pi_missing',
      status: 'FULFILLED',
      credits: 49_990_000n,
      cents: 4999,
      fulfil: false,
    });
    stripe.charge('ch_missing', 4999, 'pi_missing');
    stripe.charge('ch_orphan', 9999, 'pi_orphan');
    openai.results = [{ model: 'test-model', input_tokens: 1210, input_cached_tokens: 200, output_tokens: 405, num_model_requests: 2 }];

    const res = await t.gql(RunReconciliation, { day: today, wait: true });
    expect(res.errors).toBeUndefined();
    const run = res.data!.runReconciliation;
    const byCheck = Object.fromEntries(run.findings.map((f) => [f.check, f]));
    expect(byCheck.account_balance).toMatchObject({ accountId: victim.id, driftMillicredits: '1234' });
    expect(byCheck.grants_balance).toMatchObject({ accountId: victim.id, driftMillicredits: '-1234' });
    expect(byCheck.purchase_not_fulfilled).toMatchObject({ subject: unfulfilled, accountId: user.id, driftMillicredits: '-49990000' });
    expect(byCheck.stripe_charge_not_fulfilled).toMatchObject({ subject: unfulfilled });
    expect(byCheck.stripe_charge_without_purchase).toMatchObject({ subject: 'ch_orphan', driftMillicredits: '99990000' });
    // 100 output tokens the provider billed and we did not: -100 tokens, -ceil(100 x 9,600 / 1,000) millicredits.
    expect(byCheck.provider_usage).toMatchObject({ subject: 'test-model', driftTokens: '-100', driftMillicredits: '-960' });
    expect(run.findings).toHaveLength(6);
    expect(run.mismatchCount).toBe(6);
    expect(run.status).toBe('SUCCEEDED');
    expect(await counterValue(counters.reconciliationMismatches)).toBe(mismatchesBefore + 6);
    const scraped = await (await fetch(`${t.url}/metrics`)).text();
    expect(scraped).toMatch(/^creditmeter_reconciliation_last_run_mismatches 6$/m);
    expect(scraped).toMatch(/^creditmeter_reconciliation_mismatches_total\{check="stripe_charge_without_purchase"\} 1$/m);

    const listed = await t.gql(ReconciliationRuns, {}, (await t.account(0n, 'FINANCE')).key);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.reconciliationRuns[0]).toMatchObject({ id: run.id, mismatchCount: 6 });
    expect(listed.data!.reconciliationRuns[0].findings).toHaveLength(5);
  });

  it('finds a purchase fulfilled twice, whose payment Stripe does not know either', async () => {
    const buyer = await t.account(0n);
    const id = await purchaseRow(buyer.id, { intent: 'pi_twice', status: 'FULFILLED', credits: 1000n, cents: 999, fulfil: true });
    await t.services.ledger.post({ accountId: buyer.id, type: 'PURCHASE', delta: 1000n, counterparty: 'sales', referenceId: id });
    const run = await t.services.reconciliation.runNow('MANUAL', today, null);
    const findings = await t.services.reconciliation.findings(run.id);
    expect(findings.filter((f) => f.subject === id).map((f) => f.check)).toEqual([
      'purchase_fulfilled_twice',
      'purchase_without_stripe_charge',
    ]);
  });

  it('lets one run at a time (advisory lock) and shows progress', async () => {
    openai.delayMs = 400;
    try {
      const results = await Promise.all([
        t.gql(RunReconciliation, { day: today, wait: true }),
        t.gql(RunReconciliation, { day: today, wait: true }),
      ]);
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
    } finally {
      openai.delayMs = 0;
    }
    openai.delayMs = 400; // the provider's report is slow, so the run is surely still running when the mutation answers
    const started = await t.gql(RunReconciliation, { day: today, wait: false });
    openai.delayMs = 0;
    expect(started.data!.runReconciliation.status).toBe('RUNNING');
    await eventually(async () => (await t.services.reconciliation.run(started.data!.runReconciliation.id)).status !== 'RUNNING', {
      what: 'the background run',
    });
    expect((await t.services.reconciliation.run(started.data!.runReconciliation.id)).status).toBe('SUCCEEDED');
  });

  it('is for finance and admins to run, audited with who asked; customers neither run nor read it', async () => {
    const finance = await t.account(0n, 'FINANCE');
    const ran = await t.gql(RunReconciliation, { day: today, wait: true }, finance.key);
    expect(ran.errors).toBeUndefined();
    const runId = ran.data!.runReconciliation.id;
    const audit = await t.db.query<{ actor_key_id: string | null; after: { day: string } }>(
      `select actor_key_id, after from audit_log where action = 'reconciliation.run' and target_id = $1`,
      [runId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toEqual({ day: today });
    expect(audit[0].actor_key_id).not.toBeNull();
    const user = await t.account(0n);
    const denied = await t.gql(RunReconciliation, { day: today, wait: true }, user.key);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const hidden = await t.gql(ReconciliationRuns, {}, user.key);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const scheduled = await t.services.reconciliation.runScheduled('2026-01-03');
    const unaudited = await t.db.query(`select 1 from audit_log where action = 'reconciliation.run' and target_id = $1`, [scheduled!.id]);
    expect(unaudited).toHaveLength(0);
  });

  it('runs the daily job once per day across instances', async () => {
    const day = '2026-01-02';
    const [a, b] = await Promise.all([t.services.reconciliation.runScheduled(day), t.services.reconciliation.runScheduled(day)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await t.services.reconciliation.runScheduled(day)).toBeNull();
  });
});
