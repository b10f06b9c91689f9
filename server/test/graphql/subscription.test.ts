import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { subscribe } from '../support/ws.js';

const BALANCE = `subscription($accountId: ID) { balanceUpdated(accountId: $accountId) { accountId balanceMillicredits heldMillicredits availableMillicredits balanceCredits } }`;
const CHARGE = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('balanceUpdated over graphql-ws', () => {
  it('sends the current balance first, then every change of it in order', async () => {
    const user = await t.account(100_000n);
    const sub = subscribe(t.url, user.key, BALANCE);
    const [current] = await sub.waitFor(1); // the subscription is live once the current balance arrives
    expect(current).toEqual({
      balanceUpdated: {
        accountId: user.id,
        balanceMillicredits: '100000',
        heldMillicredits: '0',
        availableMillicredits: '100000',
        balanceCredits: 100,
      },
    });
    for (let i = 0; i < 3; i++) {
      await t.gql(CHARGE, { input: { model: 'cheap-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: `s${i}` } }, user.key);
    }
    // The events must arrive, in order; how fast is the benchmark's to measure, not a test's.
    const events = (await sub.waitFor(4, 20_000)).slice(1);
    expect(events.map((e: any) => e.balanceUpdated.balanceMillicredits)).toEqual(['99900', '99800', '99700']);
    expect(events[2]).toEqual({
      balanceUpdated: {
        accountId: user.id,
        balanceMillicredits: '99700',
        heldMillicredits: '0',
        availableMillicredits: '99700',
        balanceCredits: 99.7,
      },
    });
    await sub.close();
  });

  it('does not leak another account’s changes to a subscriber', async () => {
    const a = await t.account(100_000n);
    const b = await t.account(100_000n);
    const sub = subscribe(t.url, a.key, BALANCE);
    await sub.waitFor(1);
    // b's change is published before a's: had it leaked, it would arrive before a's.
    await t.gql(CHARGE, { input: { model: 'cheap-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: 'b1' } }, b.key);
    await t.gql(CHARGE, { input: { model: 'cheap-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: 'a1' } }, a.key);
    const events = (await sub.waitFor(2)).slice(1);
    expect(sub.events).toHaveLength(2);
    expect((events[0] as any).balanceUpdated.accountId).toBe(a.id);
    expect((events[0] as any).balanceUpdated.balanceMillicredits).toBe('99900');
    await sub.close();
  });

  it('refuses a connection without a key', async () => {
    const sub = subscribe(t.url, null, BALANCE);
    await expect(sub.waitFor(1, 2000)).rejects.toMatchObject({ code: 4403 });
    await sub.close();
  });

  it('refuses a USER key asking for another account', async () => {
    const a = await t.account();
    const b = await t.account();
    const sub = subscribe(t.url, a.key, BALANCE, { accountId: b.id });
    await expect(sub.waitFor(1, 2000)).rejects.toBeTruthy();
    expect(JSON.stringify(sub.error)).toContain('FORBIDDEN');
    await sub.close();
  });

  it('lets SUPPORT watch another account', async () => {
    const staff = await t.account(0n, 'SUPPORT');
    const user = await t.account(100_000n);
    const sub = subscribe(t.url, staff.key, BALANCE, { accountId: user.id });
    await sub.waitFor(1);
    await t.gql(`mutation($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`, {
      input: { accountId: user.id, amountMillicredits: '500', reason: 'goodwill' },
    });
    const events = (await sub.waitFor(2)).slice(1);
    expect((events[0] as any).balanceUpdated).toMatchObject({ accountId: user.id, balanceMillicredits: '100500' });
    await sub.close();
  });
});
