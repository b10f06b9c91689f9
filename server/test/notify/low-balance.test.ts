import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Principal } from '../../src/auth/roles.js';
import { AlertsService } from '../../src/notify/alerts.service.js';
import { emitEvent } from '../../src/notify/outbox.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const Spend = `mutation Spend($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }`;
// test-model: 2.400 per 1k input -> 1,000 input tokens cost 2,400 millicredits.
const spend = (t: TestApp, key: string, tokens = 1000) =>
  t.gql(Spend, { input: { model: 'test-model', inputTokens: tokens, outputTokens: 0, idempotencyKey: randomUUID() } }, key);

let t: TestApp;
let admin: Principal;
const eventsOf = (accountId: string, type: string) =>
  t.db.query<{ id: string; data: Record<string, string> }>(
    `select id, data from outbox_events where account_id = $1 and type = $2 order by seq`,
    [accountId, type],
  );

beforeAll(async () => {
  // No worker here: these tests are about which outbox rows exist, not about delivery.
  t = await startTestApp({ NOTIFY_WORKER: 'false', LOW_BALANCE_THRESHOLD_MILLICREDITS: '100000' });
  admin = (await t.services.auth.authenticate(t.adminKey))!;
});
afterAll(async () => t?.close());

describe('balance.low', () => {
  it('fires exactly once when 50 racing charges cross the threshold, and re-arms above it', async () => {
    const user = await t.account(200_000n);
    expect(await eventsOf(user.id, 'balance.low')).toHaveLength(0);
    // 50 charges of 2,400 = 120,000: from 200,000 down to 80,000, crossing 100,000 once.
    const results = await Promise.all(Array.from({ length: 50 }, () => spend(t, user.key)));
    expect(results.every((r) => !r.errors)).toBe(true);
    let events = await eventsOf(user.id, 'balance.low');
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ accountId: user.id, thresholdMillicredits: '100000' });
    expect(BigInt(events[0].data.availableMillicredits)).toBeLessThan(100_000n);
    // Group commit may move the balance by several charges in one UPDATE: somewhere in [final, threshold).
    expect(BigInt(events[0].data.availableMillicredits)).toBeGreaterThanOrEqual(80_000n);

    // Still below: more charges say nothing more.
    await Promise.all(Array.from({ length: 10 }, () => spend(t, user.key)));
    expect(await eventsOf(user.id, 'balance.low')).toHaveLength(1);

    // Back above re-arms silently; the next crossing fires again, once.
    await t.services.ledger.adjustBalance(admin, { accountId: user.id, amountMillicredits: '100000', reason: 'top up' });
    expect(await eventsOf(user.id, 'balance.low')).toHaveLength(1);
    await Promise.all(Array.from({ length: 30 }, () => spend(t, user.key)));
    events = await eventsOf(user.id, 'balance.low');
    expect(events).toHaveLength(2);
  });

  it('is not re-armed by a released hold, only by credits added (no alert per proxied call at the threshold)', async () => {
    const user = await t.account(110_000n);
    const alerted = async () => (await t.services.notify.alerts.setting(user.id)).alerted;
    // A hold takes available below the threshold: one alert.
    await t.db.query(`update accounts set pending = pending + 20000 where id = $1`, [user.id]);
    expect(await alerted()).toBe(true);
    // Its release brings available back above, but nothing was added: still disarmed.
    await t.db.query(`update accounts set pending = pending - 20000 where id = $1`, [user.id]);
    expect(await alerted()).toBe(true);
    await t.db.query(`update accounts set pending = pending + 20000 where id = $1`, [user.id]);
    expect(await eventsOf(user.id, 'balance.low')).toHaveLength(1);
    await t.db.query(`update accounts set pending = pending - 20000 where id = $1`, [user.id]);
    // Credits added while above: re-armed.
    await t.services.ledger.adjustBalance(admin, { accountId: user.id, amountMillicredits: '1000', reason: 'top up' });
    expect(await alerted()).toBe(false);
  });

  it('follows a per-account threshold set through the API, firing at once when set above the balance', async () => {
    const user = await t.account(50_000n); // below the default (100,000): disarmed from the start, no event
    const set = `mutation Set($t: String) { setLowBalanceThreshold(thresholdMillicredits: $t) { thresholdMillicredits custom alerted } }`;
    let res = await t.gql(set, { t: '10000' }, user.key);
    expect(res.data.setLowBalanceThreshold).toEqual({ thresholdMillicredits: '10000', custom: true, alerted: false });
    expect(await eventsOf(user.id, 'balance.low')).toHaveLength(0);
    res = await t.gql(set, { t: '60000' }, user.key);
    expect(res.data.setLowBalanceThreshold).toMatchObject({ alerted: true });
    expect(await eventsOf(user.id, 'balance.low')).toHaveLength(1);
    res = await t.gql(set, { t: null }, user.key);
    expect(res.data.setLowBalanceThreshold).toEqual({ thresholdMillicredits: '100000', custom: false, alerted: true });
    const other = await t.account();
    res = await t.gql(`mutation { setLowBalanceThreshold(accountId: "${other.id}", thresholdMillicredits: "5") { custom } }`, {}, user.key);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    res = await t.gql(set, { t: '-1' }, user.key);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const me = await t.gql(`{ me { lowBalanceAlert { thresholdMillicredits custom } } }`, {}, user.key);
    expect(me.data.me.lowBalanceAlert).toEqual({ thresholdMillicredits: '100000', custom: false });
  });
});

describe('the outbox is transactional', () => {
  it('keeps no event of a rolled-back change, and keeps a committed one', async () => {
    const user = await t.account(150_000n);
    await expect(
      t.services.orm.em.fork().transactional(async (tem) => {
        await emitEvent(tem, { type: 'purchase.fulfilled', accountId: user.id, data: { note: 'rolled back' } });
        // A crossing inside the same transaction: the trigger's outbox row goes with it.
        await tem.execute(`update accounts set posted = posted - 100000 where id = ?::uuid`, [user.id]);
        throw new Error('change refused');
      }),
    ).rejects.toThrow('change refused');
    expect(await t.db.query(`select 1 from outbox_events where account_id = $1`, [user.id])).toHaveLength(0);
    expect((await t.services.notify.alerts.setting(user.id)).alerted).toBe(false);

    await t.services.orm.em.fork().transactional(async (tem) => {
      await emitEvent(tem, { type: 'purchase.fulfilled', accountId: user.id, data: { amount: 5n } });
    });
    const rows = await t.db.query<{ data: unknown }>(`select data from outbox_events where account_id = $1`, [user.id]);
    expect(rows).toEqual([{ data: { amount: '5' } }]);
  });
});

describe('credits.exhausted', () => {
  it('is written when a charge is refused for credits', async () => {
    const user = await t.account(1_000n);
    const res = await spend(t, user.key);
    expect(res.errors?.[0].extensions?.code).toBe('INSUFFICIENT_CREDITS');
    // The refusal is recorded after the 402 is answered: wait for that work, not for time.
    await t.services.notify.alerts.drain();
    const events = await eventsOf(user.id, 'credits.exhausted');
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ requiredMillicredits: '2400', availableMillicredits: '1000' });
  });

  it('fires at most once an hour per account, even from racing instances (conditional upsert)', async () => {
    const user = await t.account();
    let now = new Date('2030-01-01T00:00:00Z');
    const clock = { now: () => now };
    const log = pino({ level: 'silent' });
    // Two instances: each has its own in-memory memo, so only the database can keep them to one.
    const a = new AlertsService(t.services.orm.em, clock, log);
    const b = new AlertsService(t.services.orm.em, clock, log);
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).onRefused(user.id, 2_400n)));
    expect(first.filter(Boolean)).toHaveLength(1);
    now = new Date(now.getTime() + 59 * 60_000);
    const fresh = new AlertsService(t.services.orm.em, clock, log);
    expect(await fresh.onRefused(user.id, 2_400n)).toBeNull();
    now = new Date(now.getTime() + 2 * 60_000); // 61 minutes after the first
    const again = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).onRefused(user.id, 2_400n)));
    expect(again.filter(Boolean)).toHaveLength(1);
    expect(await eventsOf(user.id, 'credits.exhausted')).toHaveLength(2);
  });
});
