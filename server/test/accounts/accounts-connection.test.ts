import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
const ids: Record<string, string> = {};

const LIST = `query($s: String, $o: AccountOrderBy, $d: SortDirection, $f: Int, $a: String, $off: Int) {
  accounts(search: $s, orderBy: $o, direction: $d, first: $f, after: $a, offset: $off) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id email name balance { balanceMillicredits } } }
  }
}`;

beforeAll(async () => {
  t = await startTestApp();
  const people = [
    ['ada@lovelace.hist', 'Ada Lovelace', 5_000n],
    ['alan@turing.hist', 'Alan Turing', 9_000n],
    ['grace@hopper.hist', 'Grace Hopper', 1_000n],
    ['edsger@dijkstra.hist', null, 3_000n],
    ['barbara@liskov.hist', 'Barbara 100%_Liskov', 7_000n],
  ] as const;
  for (const [email, name, credits] of people) {
    const a = await t.services.accounts.create(null, { email, name });
    await t.services.ledger.post({ accountId: a.id, type: 'BONUS', delta: credits, counterparty: 'promotions', reason: 'seed' });
    ids[email] = a.id;
  }
});
afterAll(() => t?.close());

const emails = (r: any) => r.data.accounts.edges.map((e: any) => e.node.email);

describe('accounts connection (staff)', () => {
  it('searches by email, name or exact id, and counts the matches', async () => {
    expect(emails(await t.gql(LIST, { s: 'TURING' }))).toEqual(['alan@turing.hist']);
    expect(emails(await t.gql(LIST, { s: 'grace hop' }))).toEqual(['grace@hopper.hist']);
    expect(emails(await t.gql(LIST, { s: ids['edsger@dijkstra.hist'] }))).toEqual(['edsger@dijkstra.hist']);
    const wild = await t.gql(LIST, { s: '100%_' }); // wildcards are literal text
    expect(emails(wild)).toEqual(['barbara@liskov.hist']);
    expect((await t.gql(LIST, { s: '%' })).data.accounts.totalCount).toBe(1);
    expect((await t.gql(LIST, { s: '.hist' })).data.accounts.totalCount).toBe(5);
  });

  it('sorts by email, name or balance in either direction', async () => {
    const mine = (r: any) => emails(r).filter((e: string) => e in ids);
    expect(mine(await t.gql(LIST, { s: '.hist', o: 'EMAIL', d: 'ASC', f: 50 }))).toEqual([
      'ada@lovelace.hist', 'alan@turing.hist', 'barbara@liskov.hist', 'edsger@dijkstra.hist', 'grace@hopper.hist',
    ]);
    expect(mine(await t.gql(LIST, { s: '.hist', o: 'BALANCE', d: 'DESC', f: 50 })).slice(0, 5)).toEqual([
      'alan@turing.hist', 'barbara@liskov.hist', 'ada@lovelace.hist', 'edsger@dijkstra.hist', 'grace@hopper.hist',
    ]);
    const byName = mine(await t.gql(LIST, { s: '.hist', o: 'NAME', d: 'ASC', f: 50 }));
    expect(byName.at(-1)).toBe('edsger@dijkstra.hist'); // no name: last
  });

  it('pages with cursors or offsets, with the same total on every page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const r: any = await t.gql(LIST, { s: '.hist', o: 'EMAIL', d: 'ASC', f: 2, a: after });
      expect(r.data.accounts.totalCount).toBe(5);
      seen.push(...emails(r));
      pages++;
      if (!r.data.accounts.pageInfo.hasNextPage) break;
      after = r.data.accounts.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['ada@lovelace.hist', 'alan@turing.hist', 'barbara@liskov.hist', 'edsger@dijkstra.hist', 'grace@hopper.hist']);
    expect(emails(await t.gql(LIST, { s: '.hist', o: 'EMAIL', d: 'ASC', f: 2, off: 4 }))).toEqual(['grace@hopper.hist']);
    const bad = await t.gql(LIST, { a: 'not-a-cursor' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(LIST, { f: 1000 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is for SUPPORT and above only', async () => {
    const user = await t.account(0n, 'USER');
    const support = await t.account(0n, 'SUPPORT');
    expect((await t.gql(LIST, {}, user.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(LIST, {}, null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(LIST, { s: 'ada@' }, support.key)).data.accounts.edges[0].node.balance.balanceMillicredits).toBe('5000');
  });
});
