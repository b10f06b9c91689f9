import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ NOTIFY_WORKER: 'false' });
});
afterAll(async () => t?.close());

const notices = (accountId: string) =>
  t.db.query<{ data: Record<string, unknown> }>(
    `select data from outbox_events where account_id = $1 and type = 'credits.expiring' order by seq`,
    [accountId],
  );

/** An account whose one grant (the test funds) expires at `expiresAt`. */
async function expiringAccount(millicredits: bigint, expiresAt: Date) {
  const user = await t.account(millicredits);
  await t.db.query(`update grants set expires_at = $1 where account_id = $2`, [expiresAt.toISOString(), user.id]);
  const [g] = await t.db.query<{ id: string }>(`select id from grants where account_id = $1`, [user.id]);
  return { ...user, grantId: g.id };
}

describe('credits.expiring', () => {
  it('fires 7 days and 1 day before a grant expires, each exactly once, whatever the job runs in between', async () => {
    const expiresAt = new Date(Date.now() + 30 * DAY);
    const user = await expiringAccount(5_000n, expiresAt);
    const at = (msBefore: number) => new Date(expiresAt.getTime() - msBefore);
    const run = (now: Date) => t.services.grants.notifyExpiring(now);

    await run(at(8 * DAY));
    await run(at(7 * DAY + 1000));
    expect(await notices(user.id)).toEqual([]);

    await run(at(7 * DAY - 1000));
    await Promise.all([run(at(6 * DAY)), run(at(6 * DAY)), run(at(3 * DAY))]);
    let sent = await notices(user.id);
    expect(sent.map((n) => n.data.daysBefore)).toEqual([7]);
    expect(sent[0].data).toEqual({
      accountId: user.id,
      grantId: user.grantId,
      kind: 'BONUS',
      remainingMillicredits: '5000',
      expiresAt: expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      daysBefore: 7,
    });

    await run(at(DAY + 1000));
    expect(await notices(user.id)).toHaveLength(1);
    await Promise.all([run(at(DAY - 1000)), run(at(DAY - 1000)), run(at(3_600_000))]);
    sent = await notices(user.id);
    expect(sent.map((n) => n.data.daysBefore)).toEqual([7, 1]);
    // Past expiry nothing more is said (the expiry itself is the grant-expiry job's).
    await run(new Date(expiresAt.getTime() + 1000));
    expect(await notices(user.id)).toHaveLength(2);
  });

  it('sends only the 1-day notice for a grant first seen inside its last day, and none for spent or voided grants', async () => {
    const now = new Date();
    const late = await expiringAccount(3_000n, new Date(now.getTime() + 12 * 3_600_000));
    const spent = await expiringAccount(3_000n, new Date(now.getTime() + 3 * DAY));
    await t.db.query(`update grants set voided_at = now() where id = $1`, [spent.grantId]);
    await t.services.grants.notifyExpiring(now);
    expect((await notices(late.id)).map((n) => n.data.daysBefore)).toEqual([1]);
    expect(await notices(spent.id)).toEqual([]);
  });
});
