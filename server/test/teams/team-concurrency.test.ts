import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TeamCharge, addMembers, chargeInput, codeOf, fundedTeam, memberRow, postedOf } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

/** Fires every member's charges at once (100 in all, 100 millicredits each) and waits for all. */
async function race(teamId: string, members: { id: string; key: string }[], perMember: number) {
  return Promise.all(
    members.flatMap((m, i) => Array.from({ length: perMember }, (_, j) => t.gql(TeamCharge, { input: chargeInput(teamId, `race-${i}-${j}`) }, m.key))),
  );
}

async function spentByMember(teamId: string) {
  const rows = await t.db.query<{ member_account_id: string; total: string; n: string }>(
    `select member_account_id, sum(charged)::text total, count(*)::text n from usage_records where account_id = $1 group by 1`,
    [teamId],
  );
  return new Map(rows.map((r) => [r.member_account_id, { total: BigInt(r.total), n: Number(r.n) }]));
}

async function postingsSum(accountId: string) {
  const [row] = await t.db.query<{ s: string }>(`select coalesce(sum(amount), 0)::text s from ledger_postings where account_id = $1`, [accountId]);
  return BigInt(row.s);
}

describe('a team under concurrent member charges', () => {
  it('100 charges against room for 30, members capped at 10 each: exactly 30 land and the balance ends at zero', async () => {
    const { teamId, owner } = await fundedTeam(t, 3_000n);
    const members = await addMembers(t, teamId, owner.key, 10, 1_000n, 700n);
    const results = await race(teamId, members, 10);

    const landed = results.filter((r) => r.data?.recordUsage);
    const refused = results.filter((r) => codeOf(r) === 'INSUFFICIENT_CREDITS');
    expect(landed).toHaveLength(30);
    expect(refused).toHaveLength(70);
    expect(refused.every((r) => r.status === 402)).toBe(true);
    expect(await postedOf(t, teamId)).toBe(0n);
    expect(await postingsSum(teamId)).toBe(0n);

    const spent = await spentByMember(teamId);
    let total = 0n;
    for (const m of members) {
      const used = spent.get(m.id)?.total ?? 0n;
      expect(used).toBeLessThanOrEqual(1_000n);
      // The allocation row agrees with the usage rows, to the millicredit.
      expect(await memberRow(t, teamId, m.id)).toMatchObject({ spent: used, held: 0n });
      expect(await postedOf(t, m.id)).toBe(700n);
      total += used;
    }
    expect(total).toBe(3_000n);
  });

  it('100 charges with member caps binding: every member stops at exactly their cap', async () => {
    const { teamId, owner } = await fundedTeam(t, 8_000n);
    // 5 members x 20 attempts, capped at 10 charges (1,000 millicredits) each: 50 land, 5,000 spent.
    const members = await addMembers(t, teamId, owner.key, 5, 1_000n);
    const results = await race(teamId, members, 20);

    const landed = results.filter((r) => r.data?.recordUsage);
    const capped = results.filter((r) => codeOf(r) === 'SPEND_CAP_EXCEEDED');
    expect(landed).toHaveLength(50);
    expect(capped).toHaveLength(50);
    expect(await postedOf(t, teamId)).toBe(3_000n);
    expect(await postingsSum(teamId)).toBe(3_000n);
    const spent = await spentByMember(teamId);
    for (const m of members) {
      expect(spent.get(m.id)).toEqual({ total: 1_000n, n: 10 });
      expect(await memberRow(t, teamId, m.id)).toMatchObject({ spent: 1_000n, held: 0n });
    }
  });

  it('both limits at once: neither the balance nor any cap is overrun, and every refusal names the limit that bound', async () => {
    const { teamId, owner } = await fundedTeam(t, 2_500n);
    // Caps allow 4 x 10 = 40 charges, the balance 25: the balance binds overall, caps per member.
    const members = await addMembers(t, teamId, owner.key, 4, 1_000n);
    const results = await race(teamId, members, 25);
    const landed = results.filter((r) => r.data?.recordUsage);
    expect(landed).toHaveLength(25);
    expect(results.every((r) => r.data?.recordUsage || ['INSUFFICIENT_CREDITS', 'SPEND_CAP_EXCEEDED'].includes(codeOf(r)!))).toBe(true);
    expect(await postedOf(t, teamId)).toBe(0n);
    const spent = await spentByMember(teamId);
    for (const m of members) {
      const used = spent.get(m.id)?.total ?? 0n;
      expect(used).toBeLessThanOrEqual(1_000n);
      expect((await memberRow(t, teamId, m.id)).spent).toBe(used);
    }
  });
});
