import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
let a: string;
let b: string;

const LIST = `query($f: PurchaseFilter, $o: PurchaseOrderBy, $d: SortDirection, $n: Int, $off: Int) {
  purchases(filter: $f, orderBy: $o, direction: $d, first: $n, offset: $off) {
    totalCount pageInfo { hasNextPage } edges { node { id accountId status amountCents createdAt } }
  }
}`;

async function purchase(accountId: string, status: string, cents: number, minutesAgo: number, stripe = true) {
  const [row] = await t.db.query<{ id: string }>(
    `insert into purchases (account_id, kind, pack_id, status, amount_cents, credits, stripe_checkout_session_id, created_at)
     values ($1, 'CHECKOUT', 'starter', $2, $3, 1000000, $4, now() - make_interval(mins => $5)) returning id`,
    [accountId, status, cents, stripe ? `cs_test_${Math.random().toString(36).slice(2)}` : null, minutesAgo],
  );
  return row.id;
}

beforeAll(async () => {
  t = await startTestApp();
  a = (await t.account()).id;
  b = (await t.account()).id;
  await purchase(a, 'FULFILLED', 999, 60 * 24 * 3);
  await purchase(a, 'PENDING', 4999, 120);
  await purchase(b, 'PENDING', 999, 5);
  await purchase(b, 'REFUNDED', 9999, 60 * 24);
  await purchase(b, 'PENDING', 999, 240, false); // never reached Stripe: not stale
});
afterAll(() => t?.close());

describe('purchases connection (staff)', () => {
  it('filters by status, account, date and staleness, with totals', async () => {
    const total = async (f: object) => (await t.gql(LIST, { f })).data.purchases.totalCount;
    expect(await total({})).toBe(5);
    expect(await total({ status: 'PENDING' })).toBe(3);
    expect(await total({ accountId: b })).toBe(3);
    expect(await total({ status: 'PENDING', accountId: b })).toBe(2);
    expect(await total({ from: new Date(Date.now() - 3 * 3_600_000).toISOString() })).toBe(2);
    expect(await total({ staleAfterMinutes: 15 })).toBe(1);
    const stale = await t.gql(LIST, { f: { staleAfterMinutes: 15 } });
    expect(stale.data.purchases.edges[0].node).toMatchObject({ accountId: a, status: 'PENDING', amountCents: 4999 });
  });

  it('sorts by amount and pages by offset', async () => {
    const page1 = await t.gql(LIST, { o: 'AMOUNT', d: 'DESC', n: 2 });
    expect(page1.data.purchases.edges.map((e: any) => e.node.amountCents)).toEqual([9999, 4999]);
    expect(page1.data.purchases.pageInfo.hasNextPage).toBe(true);
    const page3 = await t.gql(LIST, { o: 'AMOUNT', d: 'DESC', n: 2, off: 4 });
    expect(page3.data.purchases.edges.map((e: any) => e.node.amountCents)).toEqual([999]);
    expect(page3.data.purchases.pageInfo.hasNextPage).toBe(false);
  });

  it('is for SUPPORT and above', async () => {
    const user = await t.account(0n, 'USER');
    const support = await t.account(0n, 'SUPPORT');
    expect((await t.gql(LIST, {}, user.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(LIST, {}, support.key)).data.purchases.totalCount).toBe(5);
  });
});
