import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANT_EXPIRY_LOCK } from '../../src/grants/grants.service.js';
import { graphql } from '../gql/index.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { expectGrantInvariants, grantsOf, postedOf } from './support.js';

const AccountGrants = graphql(`
  query AccountGrants($id: ID!, $includeClosed: Boolean) {
    account(id: $id) {
      grants(includeClosed: $includeClosed) {
        id
        kind
        status
        amountMillicredits
        remainingMillicredits
        priority
        expiresAt
        sourceTransactionId
        allocations {
          transactionId
          amountMillicredits
          purpose
        }
      }
    }
  }
`);

const MyGrants = graphql(`
  query MyGrants {
    me {
      grants {
        id
        kind
        status
        remainingMillicredits
      }
    }
  }
`);

const VoidGrant = graphql(`
  mutation VoidGrant($grantId: ID!, $reason: String!) {
    voidGrant(grantId: $grantId, reason: $reason) {
      id
      status
      remainingMillicredits
    }
  }
`);

const ExpireGrantsNow = graphql(`
  mutation ExpireGrantsNow {
    expireGrantsNow {
      expiredGrants
      expiredMillicredits
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const purchase = (accountId: string, delta: bigint) =>
  t.services.ledger.post({ accountId, type: 'PURCHASE', delta, counterparty: 'sales', reason: 'test purchase' });
const usage = (accountId: string, amount: bigint) =>
  t.services.ledger.post({ accountId, type: 'USAGE', delta: -amount, counterparty: 'consumption' });
const allocationsOf = (transactionId: string) =>
  t.db.query<{ grant_id: string; amount: string; purpose: string }>(
    `select grant_id, amount::text, purpose from grant_allocations where transaction_id = $1 order by id`,
    [transactionId],
  );

describe('grants', () => {
  it('turns every credit into a grant with its kind and default priority', async () => {
    const user = await t.account(5_000n); // a BONUS
    await purchase(user.id, 10_000n);
    await t.services.ledger.adjustBalance(
      { keyId: null as never, accountId: user.id, role: 'ADMIN' },
      { accountId: user.id, amountMillicredits: '700', reason: 'goodwill' },
    );
    const grants = await grantsOf(t, user.id);
    expect(grants.map((g) => [g.kind, g.amount, g.remaining, g.priority])).toEqual([
      ['BONUS', '5000', '5000', 20],
      ['PURCHASE', '10000', '10000', 100],
      ['ADJUSTMENT', '700', '700', 50],
    ]);
    await expectGrantInvariants(t, user.id);
  });

  it('burns grants in priority, soonest-expiry, oldest order and records which grant paid', async () => {
    const user = await t.account(0n);
    const paid = await purchase(user.id, 10_000n);
    const bonus = await t.services.ledger.post({ accountId: user.id, type: 'BONUS', delta: 3_000n, counterparty: 'promotions' });
    const promoLate = await t.services.ledger.post({ accountId: user.id, type: 'PROMO', delta: 1_000n, counterparty: 'promotions' });
    const promoSoon = await t.services.ledger.post({ accountId: user.id, type: 'PROMO', delta: 2_000n, counterparty: 'promotions' });
    await t.db.query(`update grants set expires_at = now() + interval '2 days' where source_transaction_id = $1`, [promoLate.id]);
    await t.db.query(`update grants set expires_at = now() + interval '1 day' where source_transaction_id = $1`, [promoSoon.id]);
    const grantOf = async (txId: string) => (await grantsOf(t, user.id)).find((g) => g.source_transaction_id === txId)!;

    // The test rate card: 1000 output tokens of cheap-model = 400 millicredits... use a plain USAGE debit of 4,500.
    const charge = await usage(user.id, 4_500n);
    expect(await allocationsOf(charge.id)).toEqual([
      { grant_id: (await grantOf(promoSoon.id)).id, amount: '2000', purpose: 'DEBIT' },
      { grant_id: (await grantOf(promoLate.id)).id, amount: '1000', purpose: 'DEBIT' },
      { grant_id: (await grantOf(bonus.id)).id, amount: '1500', purpose: 'DEBIT' },
    ]);
    expect((await grantOf(paid.id)).remaining).toBe('10000');
    expect((await grantOf(bonus.id)).remaining).toBe('1500');

    // Metered usage through the real charge path (chargeUsage + hooks) burns on from the bonus.
    const res = await t.gql(
      graphql(`
        mutation GrantsRecordUsage($input: RecordUsageInput!) {
          recordUsage(input: $input) {
            chargedMillicredits
          }
        }
      `),
      { input: { model: 'test-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: 'burn-1' } },
      user.key,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordUsage.chargedMillicredits).toBe('2400');
    expect((await grantOf(bonus.id)).remaining).toBe('0');
    expect((await grantOf(paid.id)).remaining).toBe('9100');
    await expectGrantInvariants(t, user.id);

    const view = await t.gql(AccountGrants, { id: user.id, includeClosed: true });
    expect(view.errors).toBeUndefined();
    const grants = view.data!.account!.grants;
    expect(grants.map((g) => [g.kind, g.status, g.remainingMillicredits])).toEqual([
      ['PURCHASE', 'ACTIVE', '9100'],
      ['PROMO', 'SPENT', '0'],
      ['PROMO', 'SPENT', '0'],
      ['BONUS', 'SPENT', '0'],
    ]);
    expect(grants[3].allocations.map((a) => a.amountMillicredits)).toEqual(['1500', '1500']);
  });

  it('a refund takes back from its own purchase grant first', async () => {
    const user = await t.account(0n);
    const first = await purchase(user.id, 10_000n);
    const second = await purchase(user.id, 20_000n);
    await t.services.ledger.post({ accountId: user.id, type: 'BONUS', delta: 5_000n, counterparty: 'promotions' });
    const refund = await t.services.ledger.post({
      accountId: user.id,
      type: 'REFUND',
      delta: -8_000n,
      counterparty: 'refunds',
      reversalOfId: second.id,
      allowNegative: true,
    });
    const grants = await grantsOf(t, user.id);
    const bySource = (id: string) => grants.find((g) => g.source_transaction_id === id)!;
    expect(bySource(second.id).remaining).toBe('12000');
    expect(bySource(first.id).remaining).toBe('10000');
    expect((await allocationsOf(refund.id)).map((a) => [a.grant_id, a.amount])).toEqual([[bySource(second.id).id, '8000']]);

    // A refund larger than what is left of its grant: the rest comes in the usual order (bonus first).
    await usage(user.id, 5_000n); // burns the bonus
    await usage(user.id, 9_000n); // burns first purchase to 1,000
    const big = await t.services.ledger.post({
      accountId: user.id,
      type: 'REFUND',
      delta: -13_000n,
      counterparty: 'refunds',
      reversalOfId: second.id,
      allowNegative: true,
    });
    expect((await allocationsOf(big.id)).map((a) => [a.grant_id, a.amount])).toEqual([
      [bySource(second.id).id, '12000'],
      [bySource(first.id).id, '1000'],
    ]);
    expect(await postedOf(t, user.id)).toBe(0n);
    await expectGrantInvariants(t, user.id);
  });

  it('a balance pushed negative by a refund is paid back first by the next credit', async () => {
    const user = await t.account(0n);
    const bought = await purchase(user.id, 10_000n);
    await usage(user.id, 8_000n);
    await t.services.ledger.post({
      accountId: user.id,
      type: 'REFUND',
      delta: -10_000n,
      counterparty: 'refunds',
      reversalOfId: bought.id,
      allowNegative: true,
    });
    expect(await postedOf(t, user.id)).toBe(-8_000n);
    await expectGrantInvariants(t, user.id);

    const small = await t.services.ledger.post({ accountId: user.id, type: 'BONUS', delta: 5_000n, counterparty: 'promotions' });
    const topUp = await purchase(user.id, 10_000n);
    const grants = await grantsOf(t, user.id);
    const bySource = (id: string) => grants.find((g) => g.source_transaction_id === id)!;
    expect([bySource(small.id).amount, bySource(small.id).remaining]).toEqual(['5000', '0']);
    expect([bySource(topUp.id).amount, bySource(topUp.id).remaining]).toEqual(['10000', '7000']);
    expect(await allocationsOf(topUp.id)).toEqual([{ grant_id: bySource(topUp.id).id, amount: '3000', purpose: 'DEBT' }]);
    expect(await postedOf(t, user.id)).toBe(7_000n);
    await expectGrantInvariants(t, user.id);
  });

  it('expires the unused remainder of an expired grant once, with an EXPIRY entry against expiry', async () => {
    const user = await t.account(0n);
    const promo = await t.services.ledger.post({ accountId: user.id, type: 'PROMO', delta: 4_000n, counterparty: 'promotions' });
    await purchase(user.id, 6_000n);
    await usage(user.id, 1_500n); // from the promo (priority 10)
    await t.db.query(`update grants set expires_at = now() - interval '1 minute' where source_transaction_id = $1`, [promo.id]);
    const [{ expiry_before }] = await t.db.query<{ expiry_before: string }>(
      `select coalesce(sum(p.amount), 0)::text as expiry_before from ledger_postings p join accounts a on a.id = p.account_id where a.system_code = 'expiry'`,
    );

    const user2 = await t.account(1_000n);
    expect((await t.gql(ExpireGrantsNow, {}, user2.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const run = await t.gql(ExpireGrantsNow, {});
    expect(run.errors).toBeUndefined();
    expect(run.data!.expireGrantsNow.expiredGrants).toBeGreaterThanOrEqual(1);
    const again = await t.services.grants.expireDue();
    expect(again.expiredGrants).toBe(0);
    const grant = (await grantsOf(t, user.id)).find((g) => g.source_transaction_id === promo.id)!;
    const entries = await t.db.query<{ type: string; amount: string; idempotency_key: string }>(
      `select t.type, p.amount::text, t.idempotency_key from ledger_transactions t join ledger_postings p on p.transaction_id = t.id and p.account_id = t.account_id
        where t.account_id = $1 and t.type = 'EXPIRY'`,
      [user.id],
    );
    expect(entries).toEqual([{ type: 'EXPIRY', amount: '-2500', idempotency_key: `expiry:${grant.id}` }]);
    expect(grant.remaining).toBe('0');
    expect(grant.expired_at).not.toBeNull();
    expect(await postedOf(t, user.id)).toBe(6_000n);
    const [{ expiry_after }] = await t.db.query<{ expiry_after: string }>(
      `select coalesce(sum(p.amount), 0)::text as expiry_after from ledger_postings p join accounts a on a.id = p.account_id where a.system_code = 'expiry'`,
    );
    expect(BigInt(expiry_after) - BigInt(expiry_before)).toBeGreaterThanOrEqual(2_500n);
    const mine = await t.gql(MyGrants, {}, user.key);
    expect(mine.data!.me.grants.map((g) => [g.kind, g.remainingMillicredits])).toEqual([['PURCHASE', '6000']]);
    await expectGrantInvariants(t, user.id);
    const audit = await t.db.query(`select 1 from audit_log where action = 'grant.expireNow'`);
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('an expiry racing charges on the same account keeps the invariant', async () => {
    const user = await t.account(0n);
    const promo = await t.services.ledger.post({ accountId: user.id, type: 'PROMO', delta: 50_000n, counterparty: 'promotions' });
    await purchase(user.id, 50_000n);
    await t.db.query(`update grants set expires_at = now() - interval '1 second' where source_transaction_id = $1`, [promo.id]);
    const grant = (await grantsOf(t, user.id)).find((g) => g.source_transaction_id === promo.id)!;
    const results = await Promise.allSettled([
      ...Array.from({ length: 10 }, () => usage(user.id, 3_000n)),
      t.services.grants.expireGrant(grant.id),
      t.services.grants.expireGrant(grant.id),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const expiries = await t.db.query(`select 1 from ledger_transactions where account_id = $1 and type = 'EXPIRY'`, [user.id]);
    expect(expiries.length).toBe(1);
    const after = (await grantsOf(t, user.id)).find((g) => g.id === grant.id)!;
    expect(after.remaining).toBe('0');
    await expectGrantInvariants(t, user.id);
  });

  it('the scheduled sweep runs on one instance at a time (advisory lock)', async () => {
    const user = await t.account(0n);
    const promo = await t.services.ledger.post({ accountId: user.id, type: 'PROMO', delta: 1_000n, counterparty: 'promotions' });
    await t.db.query(`update grants set expires_at = now() - interval '1 second' where source_transaction_id = $1`, [promo.id]);
    const holder = new pg.Client({ connectionString: t.db.url });
    await holder.connect();
    try {
      await holder.query(`select pg_advisory_lock($1::bigint)`, [GRANT_EXPIRY_LOCK.toString()]);
      expect(await t.services.grants.expireDueLocked()).toBeNull();
      expect(await postedOf(t, user.id)).toBe(1_000n);
    } finally {
      await holder.end(); // a session lock ends with its session
    }
    const run = await t.services.grants.expireDueLocked();
    expect(run?.expiredGrants).toBeGreaterThanOrEqual(1);
    expect(await postedOf(t, user.id)).toBe(0n);
  });

  it('staff void a grant: ADJUSTMENT of its remainder, audited; USER may not', async () => {
    const user = await t.account(0n);
    const bonus = await t.services.ledger.post({ accountId: user.id, type: 'BONUS', delta: 9_000n, counterparty: 'promotions' });
    await purchase(user.id, 1_000n);
    await usage(user.id, 2_000n);
    const grant = (await grantsOf(t, user.id)).find((g) => g.source_transaction_id === bonus.id)!;

    const denied = await t.gql(VoidGrant, { grantId: grant.id, reason: 'abuse' }, user.key);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noReason = await t.gql(VoidGrant, { grantId: grant.id, reason: ' ' });
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const res = await t.gql(VoidGrant, { grantId: grant.id, reason: 'bonus abuse' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.voidGrant).toMatchObject({ id: grant.id, status: 'VOIDED', remainingMillicredits: '0' });
    expect(await postedOf(t, user.id)).toBe(1_000n);
    const tx = await t.db.query<{ type: string; amount: string; reference_id: string }>(
      `select t.type, p.amount::text, t.reference_id from ledger_transactions t join ledger_postings p on p.transaction_id = t.id and p.account_id = t.account_id
        where t.idempotency_key = $1`,
      [`void-grant:${grant.id}`],
    );
    expect(tx).toEqual([{ type: 'ADJUSTMENT', amount: '-7000', reference_id: `grant:${grant.id}` }]);
    const audit = await t.db.query<{ action: string; reason: string; before: { remainingMillicredits: string } }>(
      `select action, reason, before, after from audit_log where target_type = 'grant' and target_id = $1`,
      [grant.id],
    );
    expect(audit).toEqual([
      {
        action: 'grant.void',
        reason: 'bonus abuse',
        before: expect.objectContaining({ remainingMillicredits: '7000' }),
        after: expect.objectContaining({ transactionId: expect.any(String), amountMillicredits: '-7000' }),
      },
    ]);

    // Repeating the void changes nothing; a spent grant has nothing to void.
    const repeat = await t.gql(VoidGrant, { grantId: grant.id, reason: 'again' });
    expect(repeat.errors).toBeUndefined();
    expect(await postedOf(t, user.id)).toBe(1_000n);
    await usage(user.id, 1_000n);
    const spent = (await grantsOf(t, user.id)).find((g) => g.kind === 'PURCHASE')!;
    const conflict = await t.gql(VoidGrant, { grantId: spent.id, reason: 'nothing left' });
    expect(conflict.errors?.[0].extensions?.code).toBe('CONFLICT');
    const missing = await t.gql(VoidGrant, { grantId: '00000000-0000-4000-8000-000000000000', reason: 'x' });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await expectGrantInvariants(t, user.id);
  });

  it('reports accounts whose grants drift from their balance', async () => {
    const user = await t.account(2_000n);
    expect((await t.services.grants.drift(10_000)).find((d) => d.accountId === user.id)).toBeUndefined();
    await t.db.query(`update grants set remaining = remaining - 1 where account_id = $1`, [user.id]);
    expect((await t.services.grants.drift(10_000)).find((d) => d.accountId === user.id)).toEqual({
      accountId: user.id,
      posted: 2_000n,
      remaining: 1_999n,
    });
  });

  it('a USER sees only its own grants', async () => {
    const a = await t.account(1_000n);
    const b = await t.account(1_000n);
    const res = await t.gql(AccountGrants, { id: b.id }, a.key);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('grant expiry scheduler', () => {
  it('runs on its own when GRANT_EXPIRY_INTERVAL_MS is set', async () => {
    const s = await startTestApp({ GRANT_EXPIRY_INTERVAL_MS: 100 });
    try {
      const user = await s.account(0n);
      const promo = await s.services.ledger.post({ accountId: user.id, type: 'PROMO', delta: 1_000n, counterparty: 'promotions' });
      await s.db.query(`update grants set expires_at = now() where source_transaction_id = $1`, [promo.id]);
      await eventually(async () => (await postedOf(s, user.id)) === 0n, { timeoutMs: 10_000, what: 'the scheduled expiry' });
      expect(await postedOf(s, user.id)).toBe(0n);
    } finally {
      await s.close();
    }
  });
});
