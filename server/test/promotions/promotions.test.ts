import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { expectGrantInvariants, grantsOf, postedOf } from '../grants/support.js';

const CreatePromoCode = graphql(`
  mutation CreatePromoCode($input: CreatePromoCodeInput!) {
    createPromoCode(input: $input) {
      id
      code
      creditsMillicredits
      maxRedemptions
      redemptions
      expiresAt
      grantValidDays
    }
  }
`);

const RedeemPromoCode = graphql(`
  mutation RedeemPromoCode($code: String!) {
    redeemPromoCode(code: $code) {
      id
      type
      amountMillicredits
      balanceAfterMillicredits
      referenceId
    }
  }
`);

const PromoCodes = graphql(`
  query PromoCodes {
    promoCodes {
      code
      redemptions
      maxRedemptions
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

let n = 0;
const uniqueCode = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${n++}`.toUpperCase();

async function createCode(input: {
  code: string;
  creditsMillicredits: string;
  maxRedemptions?: number | null;
  expiresAt?: string | null;
  grantValidDays?: number | null;
}) {
  const res = await t.gql(CreatePromoCode, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.createPromoCode;
}

const promotionsBalance = async () =>
  BigInt(
    (
      await t.db.query<{ s: string }>(
        `select coalesce(sum(p.amount), 0)::text as s from ledger_postings p join accounts a on a.id = p.account_id where a.system_code = 'promotions'`,
      )
    )[0].s,
  );

describe('promo codes', () => {
  it('only ADMIN creates codes; creation is audited; codes are unique case-insensitively', async () => {
    const user = await t.account(0n);
    const code = uniqueCode('spring');
    const denied = await t.gql(CreatePromoCode, { input: { code, creditsMillicredits: '5000' } }, user.key);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const created = await createCode({ code: code.toLowerCase(), creditsMillicredits: '5000', maxRedemptions: 10 });
    expect(created).toMatchObject({ code, creditsMillicredits: '5000', maxRedemptions: 10, redemptions: 0 });
    const dup = await t.gql(CreatePromoCode, { input: { code, creditsMillicredits: '1' } });
    expect(dup.errors?.[0].extensions?.code).toBe('CONFLICT');
    for (const bad of [
      { code: 'x', creditsMillicredits: '1' },
      { code: uniqueCode('ok'), creditsMillicredits: '0' },
      { code: uniqueCode('ok'), creditsMillicredits: '1.5' },
      { code: uniqueCode('ok'), creditsMillicredits: '1', maxRedemptions: 0 },
      { code: uniqueCode('ok'), creditsMillicredits: '1', expiresAt: new Date(Date.now() - 1000).toISOString() },
    ]) {
      expect((await t.gql(CreatePromoCode, { input: bad })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const audit = await t.db.query(`select 1 from audit_log where action = 'promo.create' and target_id = $1`, [created.id]);
    expect(audit.length).toBe(1);
    const list = await t.gql(PromoCodes, {});
    expect(list.data!.promoCodes.map((p) => p.code)).toContain(code);
    expect((await t.gql(PromoCodes, {}, user.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a redemption is a PROMO entry against promotions, and its grant can expire', async () => {
    const user = await t.account(0n);
    const code = uniqueCode('welcome');
    await createCode({ code, creditsMillicredits: '25000', grantValidDays: 30 });
    const before = await promotionsBalance();
    const res = await t.gql(RedeemPromoCode, { code: `  ${code.toLowerCase()} ` }, user.key);
    expect(res.errors).toBeUndefined();
    expect(res.data!.redeemPromoCode).toMatchObject({ type: 'PROMO', amountMillicredits: '25000', balanceAfterMillicredits: '25000' });
    expect(await promotionsBalance()).toBe(before - 25_000n);
    // Its audit row, which reconciliation ties to the PROMO entry.
    const audit = await t.db.query(`select action, actor_role, after from audit_log where after->>'transactionId' = $1`, [
      res.data!.redeemPromoCode.id,
    ]);
    expect(audit).toEqual([
      { action: 'promo.redeem', actor_role: 'USER', after: expect.objectContaining({ accountId: user.id, amountMillicredits: '25000' }) },
    ]);
    const [grant] = await grantsOf(t, user.id);
    expect(grant).toMatchObject({
      kind: 'PROMO',
      amount: '25000',
      remaining: '25000',
      priority: 10,
      source_transaction_id: res.data!.redeemPromoCode.id,
    });
    const days = (new Date(grant.expires_at!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    await expectGrantInvariants(t, user.id);
  });

  it('refuses an unknown code and an expired code, crediting nothing', async () => {
    const user = await t.account(0n);
    expect((await t.gql(RedeemPromoCode, { code: 'NO-SUCH-CODE' }, user.key)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const code = uniqueCode('old');
    const created = await createCode({ code, creditsMillicredits: '1000', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await t.db.query(`update promo_codes set expires_at = now() - interval '1 second' where id = $1`, [created.id]);
    const res = await t.gql(RedeemPromoCode, { code }, user.key);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXPIRED' });
    expect(await postedOf(t, user.id)).toBe(0n);
    const unauthenticated = await t.gql(RedeemPromoCode, { code }, null);
    expect(unauthenticated.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('credits once per account, even when the same account redeems 6 times at once', async () => {
    const user = await t.account(0n);
    const code = uniqueCode('once');
    await createCode({ code, creditsMillicredits: '7000', maxRedemptions: 100 });
    const results = await Promise.all(Array.from({ length: 6 }, () => t.gql(RedeemPromoCode, { code }, user.key)));
    const ok = results.filter((r) => !r.errors);
    expect(ok.length).toBe(1);
    for (const r of results.filter((r) => r.errors))
      expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REDEEMED' });
    expect(await postedOf(t, user.id)).toBe(7_000n);
    const again = await t.gql(RedeemPromoCode, { code }, user.key);
    expect(again.errors?.[0].extensions?.reason).toBe('ALREADY_REDEEMED');
    const [{ redemptions }] = await t.db.query<{ redemptions: number }>(`select redemptions from promo_codes where code = $1`, [code]);
    expect(redemptions).toBe(1);
  });

  it('never exceeds max redemptions when 12 accounts race for 5', async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => t.account(0n)));
    const code = uniqueCode('race');
    await createCode({ code, creditsMillicredits: '3000', maxRedemptions: 5 });
    const before = await promotionsBalance();
    const results = await Promise.all(users.map((u) => t.gql(RedeemPromoCode, { code }, u.key)));
    const ok = results.filter((r) => !r.errors);
    expect(ok.length).toBe(5);
    for (const r of results.filter((r) => r.errors))
      expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXHAUSTED' });
    const balances = await Promise.all(users.map((u) => postedOf(t, u.id)));
    expect(balances.filter((b) => b === 3_000n).length).toBe(5);
    expect(balances.filter((b) => b === 0n).length).toBe(7);
    expect(await promotionsBalance()).toBe(before - 15_000n);
    const [{ redemptions }] = await t.db.query<{ redemptions: number }>(`select redemptions from promo_codes where code = $1`, [code]);
    expect(redemptions).toBe(5);
    const [{ rows }] = await t.db.query<{ rows: string }>(
      `select count(*)::text as rows from promo_redemptions r join promo_codes c on c.id = r.promo_code_id where c.code = $1`,
      [code],
    );
    expect(rows).toBe('5');
  });
});

const CreateAccount = graphql(`
  mutation GrantsCreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      id
      balance {
        balanceMillicredits
      }
    }
  }
`);

describe('introductory bonus', () => {
  it('is off under NODE_ENV=test by default, so other tests keep exact balances', async () => {
    const res = await t.gql(CreateAccount, { input: { email: `${Date.now()}-nobonus@example.test` } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createAccount.balance.balanceMillicredits).toBe('0');
    expect(await grantsOf(t, res.data!.createAccount.id)).toEqual([]);
  });

  it('credits INTRO_BONUS_MILLICREDITS as a BONUS entry and grant in the creation transaction', async () => {
    const s = await startTestApp({ INTRO_BONUS_MILLICREDITS: '1000000' });
    try {
      const res = await s.gql(CreateAccount, { input: { email: 'bonus@example.test' } });
      expect(res.errors).toBeUndefined();
      const id = res.data!.createAccount.id;
      expect(res.data!.createAccount.balance.balanceMillicredits).toBe('1000000');
      const entries = await s.db.query<{ type: string; amount: string; idempotency_key: string }>(
        `select t.type, p.amount::text, t.idempotency_key from ledger_transactions t join ledger_postings p on p.transaction_id = t.id and p.account_id = t.account_id where t.account_id = $1`,
        [id],
      );
      expect(entries).toEqual([{ type: 'BONUS', amount: '1000000', idempotency_key: 'intro-bonus' }]);
      const grants = await grantsOf(s, id);
      expect(grants.map((g) => [g.kind, g.remaining])).toEqual([['BONUS', '1000000']]);
      // A failed creation (duplicate email) leaves no bonus behind.
      const dup = await s.gql(CreateAccount, { input: { email: 'BONUS@example.test' } });
      expect(dup.errors?.[0].extensions?.code).toBe('CONFLICT');
      const [{ bonuses }] = await s.db.query<{ bonuses: string }>(
        `select count(*)::text as bonuses from ledger_transactions where type = 'BONUS'`,
      );
      expect(bonuses).toBe('1');
    } finally {
      await s.close();
    }
  });

  it('INTRO_BONUS_MILLICREDITS=0 disables it', async () => {
    const s = await startTestApp({
      INTRO_BONUS_MILLICREDITS: '0',
      NODE_ENV: 'development',
      FINANCE_JOBS: 'false',
      GRANT_EXPIRY_INTERVAL_MS: 0,
      HOLD_EXPIRY_INTERVAL_MS: 0,
    });
    try {
      const account = await s.services.accounts.create(null, { email: 'zero@example.test' });
      expect(await postedOf(s, account.id)).toBe(0n);
    } finally {
      await s.close();
    }
  });
});
