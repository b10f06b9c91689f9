import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { counters } from '../../src/metrics/metrics.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { eventually } from '../support/eventually.js';
import { subscribe, type Received } from '../support/ws.js';

const BALANCE = `subscription { balanceUpdated { accountId balanceMillicredits } }`;
const OTHER_SHAPE = `subscription { balanceUpdated { heldMillicredits balanceMillicredits } }`;
const CHARGE = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }`;
const CREATE_KEY = `mutation($accountId: ID!) { createApiKey(accountId: $accountId, label: "second") { id key } }`;
const REVOKE_KEY = `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`;

/** balanceUpdated payloads this process executed and serialised (the fan-out's own count). */
const renders = async () => (await counters.fanoutRenders.get()).values[0]?.value ?? 0;
const balances = (sub: Received<any>) => sub.events.map((e) => e.balanceUpdated.balanceMillicredits);

let t: TestApp;
let n = 0;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const charge = async (key: string) => {
  const res = await t.gql(CHARGE, { input: { model: 'cheap-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: `f${n++}` } }, key);
  expect(res.errors).toBeUndefined();
};

describe('balanceUpdated shared per account', () => {
  it('executes each event once for all the account’s sockets, writes it to every one of them, and to no other account', async () => {
    const a = await t.account(100_000n);
    const b = await t.account(100_000n);
    const reads = vi.spyOn(t.services.ledger, 'balance');
    const first = subscribe(t.url, a.key, BALANCE);
    await first.waitFor(1);
    expect(reads).toHaveBeenCalledTimes(1);

    // Joining an open feed costs no balance read, and no execution: the current payload is reused.
    const rendered = await renders();
    const others = Array.from({ length: 4 }, () => subscribe(t.url, a.key, BALANCE));
    await Promise.all(others.map((s) => s.waitFor(1)));
    expect(reads).toHaveBeenCalledTimes(1);
    expect(await renders()).toBe(rendered);
    const sameAccount = [first, ...others];
    for (const sub of sameAccount) expect(sub.events).toEqual([{ balanceUpdated: { accountId: a.id, balanceMillicredits: '100000' } }]);

    // Another document on the same account is its own execution (and its own payload shape).
    const otherShape = subscribe(t.url, a.key, OTHER_SHAPE);
    await otherShape.waitFor(1);
    const watcherOfB = subscribe(t.url, b.key, BALANCE);
    await watcherOfB.waitFor(1);
    reads.mockRestore();

    const before = await renders();
    for (let i = 0; i < 3; i++) await charge(a.key);
    for (const sub of sameAccount) {
      await sub.waitFor(4, 20_000);
      expect(balances(sub)).toEqual(['100000', '99900', '99800', '99700']);
    }
    await otherShape.waitFor(4, 20_000);
    expect(otherShape.events.at(-1)).toEqual({ balanceUpdated: { heldMillicredits: '0', balanceMillicredits: '99700' } });
    // Three events, two documents: six executions for six sockets' fifteen messages.
    expect((await renders()) - before).toBe(6);

    // b's own change arrives; had a's leaked, they would have arrived before it.
    await charge(b.key);
    await watcherOfB.waitFor(2, 20_000);
    expect(balances(watcherOfB)).toEqual(['100000', '99900']);
    expect(watcherOfB.events.every((e: any) => e.balanceUpdated.accountId === b.id)).toBe(true);
    await Promise.all([...sameAccount, otherShape, watcherOfB].map((s) => s.close()));
  });

  it('stops writing to a socket whose key was revoked (4403) while the account’s other sockets go on', async () => {
    const a = await t.account(100_000n);
    const second = (await t.gql(CREATE_KEY, { accountId: a.id }, t.adminKey)).data!.createApiKey as { id: string; key: string };
    const kept = [subscribe(t.url, a.key, BALANCE), subscribe(t.url, a.key, BALANCE)];
    const revoked = subscribe(t.url, second.key, BALANCE);
    await Promise.all([...kept, revoked].map((s) => s.waitFor(1)));

    expect((await t.gql(REVOKE_KEY, { id: second.id }, a.key)).errors).toBeUndefined();
    await expect(revoked.waitFor(2, 5_000)).rejects.toMatchObject({ code: 4403 });

    const before = await renders();
    await charge(a.key);
    for (const sub of kept) {
      await sub.waitFor(2, 20_000);
      expect(balances(sub)).toEqual(['100000', '99900']);
    }
    expect(balances(revoked)).toEqual(['100000']);
    expect((await renders()) - before).toBe(1);
    await Promise.all([...kept, revoked].map((s) => s.close()));
  });

  it('ends the shared feed with its last subscriber: a later subscriber reads the balance again', async () => {
    const a = await t.account(100_000n);
    const sub = subscribe(t.url, a.key, BALANCE);
    await sub.waitFor(1);
    expect(t.services.balanceWatch.watching(a.id)).toBe(true);
    await sub.close();
    await eventually(async () => !t.services.balanceWatch.watching(a.id), { what: 'the feed closed' });
    await charge(a.key);
    const reads = vi.spyOn(t.services.ledger, 'balance');
    const again = subscribe(t.url, a.key, BALANCE);
    await again.waitFor(1);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(balances(again)).toEqual(['99900']);
    reads.mockRestore();
    await again.close();
  });
});
