import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { CreateTeamKey, TeamCharge, chargeInput, codeOf, fundedTeam, joinTeam, postedOf } from '../teams/support.js';

const LimitKey = graphql(`
  mutation LimitKey($id: ID!, $input: UpdateApiKeyInput!) {
    updateApiKey(id: $id, input: $input) {
      id
    }
  }
`);

const KeyPeriod = graphql(`
  query KeyPeriod($accountId: ID) {
    apiKeys(accountId: $accountId) {
      id
      spentThisPeriodMillicredits
      periodResetsAt
    }
  }
`);

/** The test's clock (null: the wall clock): the server reads it for every key's period. */
let now: Date | null = null;
const clock = () => now ?? new Date();

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, undefined, { clock });
});
afterAll(async () => t?.close());

async function limitKey(keyId: string, limit: bigint, limitReset: 'DAILY' | 'NEVER', as = t.adminKey) {
  const res = await t.gql(LimitKey, { id: keyId, input: { spendLimitMillicredits: limit.toString(), limitReset } }, as);
  expect(res.errors).toBeUndefined();
}

const keyIdOf = async (accountId: string) => (await t.gql(KeyPeriod, { accountId })).data!.apiKeys[0].id;

describe('key limits: money invariants under racing charges', () => {
  it('whatever the amounts and the limit, racing charges never overspend the key, every refusal was over what it had left, and the key, usage rows and ledger agree', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3_000 }),
        async (units, limit) => {
          // cheap-model: 0.100 credits per 1k input tokens, so `u` x 1,000 tokens cost u x 100 millicredits.
          const funds = 1_000_000n;
          const account = await t.account(funds);
          const keyId = await keyIdOf(account.id);
          await limitKey(keyId, BigInt(limit), 'NEVER');
          const amounts = units.map((u) => BigInt(u * 100));
          const results = await Promise.all(
            units.map((u, i) => t.gql(TeamCharge, { input: chargeInput(null, `p-${run}-${i}`, u * 1000) }, account.key)),
          );
          run++;
          const landed = amounts.filter((_, i) => results[i].data?.recordUsage);
          const refused = amounts.filter((_, i) => !results[i].data?.recordUsage);
          expect(results.filter((r) => !r.data?.recordUsage).every((r) => codeOf(r) === 'SPEND_CAP_EXCEEDED')).toBe(true);
          const spent = landed.reduce((a, b) => a + b, 0n);
          expect(spent).toBeLessThanOrEqual(BigInt(limit));
          // Each refusal met at least the spend that finally landed: it was over what the limit left then.
          for (const r of refused) expect(r).toBeGreaterThan(BigInt(limit) - spent);
          const [row] = await t.db.query<{ period_spent: string; used: string }>(
            `select k.period_spent::text, (select coalesce(sum(charged), 0)::text from usage_records where api_key_id = k.id) used
               from api_keys k where k.id = $1`,
            [keyId],
          );
          expect(BigInt(row.period_spent)).toBe(spent);
          expect(BigInt(row.used)).toBe(spent);
          expect(await postedOf(t, account.id)).toBe(funds - spent);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('key periods of a team key', () => {
  it("follow the team's time zone (Asia/Tokyo: a DAILY limit starts over at 15:00 UTC) and GET /v1/key shows the team's balance", async () => {
    const { teamId, owner } = await fundedTeam(t, 50_000n, 'Asia/Tokyo');
    const member = await t.account();
    await joinTeam(t, teamId, owner.key, member);
    const created = await t.gql(CreateTeamKey, { teamId }, member.key);
    expect(created.errors).toBeUndefined();
    const teamKey = created.data!.createTeamApiKey;
    // The member's own key changes the budget of the key issued to it.
    await limitKey(teamKey.id, 200n, 'DAILY', member.key);

    now = new Date('2027-05-31T14:59:59Z');
    expect((await t.gql(TeamCharge, { input: chargeInput(null, 'tk-1') }, teamKey.key)).errors).toBeUndefined();
    expect((await t.gql(TeamCharge, { input: chargeInput(null, 'tk-2') }, teamKey.key)).errors).toBeUndefined();
    const over = await t.gql(TeamCharge, { input: chargeInput(null, 'tk-3') }, teamKey.key);
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'SPEND_CAP_EXCEEDED', scope: 'key' });
    const view = (await t.gql(KeyPeriod, {}, member.key)).data!.apiKeys.find((k) => k.id === teamKey.id)!;
    expect(view).toMatchObject({ spentThisPeriodMillicredits: '200', periodResetsAt: '2027-05-31T15:00:00.000Z' });

    now = new Date('2027-05-31T15:00:00Z');
    expect((await t.gql(TeamCharge, { input: chargeInput(null, 'tk-4') }, teamKey.key)).errors).toBeUndefined();
    now = null;
    const res = await fetch(`${t.url}/v1/key`, { headers: { authorization: `Bearer ${teamKey.key}` } });
    const { data } = (await res.json()) as { data: Record<string, string | null> };
    expect(data).toMatchObject({ limit_millicredits: '200', limit_reset: 'DAILY', usage_millicredits: '300' });
    expect(data.available_millicredits).toBe((50_000n - 300n).toString());
  });
});
