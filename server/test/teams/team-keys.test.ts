import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { CreateTeamKey, codeOf, fundedTeam } from './support.js';

/** Issue 17 review: team keys per member are capped (TEAM_KEYS_PER_MEMBER, default 5) and share one rate budget. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`;
const stored = async (teamId: string, accountId: string) =>
  (
    await t.db.query<{ keys: number; audits: number }>(
      `select (select count(*) from api_keys where team_id = $1::uuid and account_id = $2::uuid and revoked_at is null)::int as keys,
              (select count(*) from audit_log where action = 'apiKey.create' and target_id = $2::text and after->>'teamId' = $1::text)::int as audits`,
      [teamId, accountId],
    )
  )[0];

describe('team keys per member', () => {
  it('refuses the 6th unrevoked key of a member with CONFLICT, for ADMIN too, writes nothing, and allows one after a revocation', async () => {
    const { teamId, owner } = await fundedTeam(t, 0n);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const made = await t.gql(CreateTeamKey, { teamId }, owner.key);
      expect(made.errors).toBeUndefined();
      ids.push(made.data!.createTeamApiKey.id);
    }
    const before = await stored(teamId, owner.id);
    expect(before.keys).toBe(5);

    const over = await t.gql(CreateTeamKey, { teamId }, owner.key);
    expect(codeOf(over)).toBe('CONFLICT');
    expect(over.errors![0].message).toMatch(/at most 5 unrevoked keys/);
    expect(over.errors![0].extensions).toMatchObject({ limit: 5 });
    const byAdmin = await t.gql(CreateTeamKey, { teamId, accountId: owner.id });
    expect(codeOf(byAdmin)).toBe('CONFLICT');
    expect(await stored(teamId, owner.id)).toEqual(before);

    // The cap is per team: another team of the same member has its own five.
    const other = await t.gql(`mutation { createTeam(input: { name: "Other" }) { id } }`, {}, owner.key);
    expect((await t.gql(CreateTeamKey, { teamId: other.data.createTeam.id }, owner.key)).errors).toBeUndefined();

    expect((await t.gql(REVOKE, { id: ids[0] }, owner.key)).errors).toBeUndefined();
    expect((await t.gql(CreateTeamKey, { teamId }, owner.key)).errors).toBeUndefined();
    expect((await stored(teamId, owner.id)).keys).toBe(5);
  });

  it('lets exactly 5 of 12 concurrent creations through', async () => {
    const { teamId, owner } = await fundedTeam(t, 0n);
    const results = await Promise.all(Array.from({ length: 12 }, () => t.gql(CreateTeamKey, { teamId }, owner.key)));
    expect(results.filter((r) => r.data?.createTeamApiKey?.id)).toHaveLength(5);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(7);
    expect(await stored(teamId, owner.id)).toEqual({ keys: 5, audits: 5 });
  });
});

describe('team key rate limit', () => {
  it("two team keys of one member share one per-minute budget; the member's own key keeps its own", async () => {
    const { teamId, owner } = await fundedTeam(t, 0n);
    const set = await t.gql(
      `mutation($a: ID, $i: ProxySettingsInput!) { setProxySettings(accountId: $a, input: $i) { requestsPerMinute } }`,
      {
        a: owner.id,
        i: { requestsPerMinute: 5 },
      },
    );
    expect(set.errors).toBeUndefined();
    const keys: string[] = [];
    for (let i = 0; i < 2; i++) keys.push((await t.gql(CreateTeamKey, { teamId, accountId: owner.id })).data!.createTeamApiKey.key);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await t.gql(`{ me { id } }`, {}, keys[i % 2])).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect((await t.gql(`{ me { id } }`, {}, owner.key)).status).toBe(200);
  });
});
