import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_KEY } from '../../src/finance/queries/tail.js';
import { USAGE_GROUPS, type UsageGroup } from '../../src/finance/usage-report.rules.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { CreateTeamKey, addMembers, fundedTeam } from '../teams/support.js';
import { usageAt } from './support.js';

const Report = `query Report($from: DateTime!, $to: DateTime!, $groupBy: [UsageGroup!]!, $accountId: ID) {
  usageReport(from: $from, to: $to, groupBy: $groupBy, accountId: $accountId) {
    day model apiKeyId memberAccountId accountId calls inputTokens cachedInputTokens outputTokens chargedMillicredits costUsd marginUsd
    cacheWriteInputTokens cacheWrite1hInputTokens audioInputTokens audioOutputTokens imageInputTokens reasoningTokens
  }
}`;
const Record = `mutation R($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }`;

let t: TestApp;
let a: { id: string; key: string };
let a2Key: string;
let b: { id: string; key: string };
let teamId: string;
let member: { id: string; key: string };
let memberTeamKey: string;
let ownerKey: string;
const today = new Date();
const dayStart = (offset: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset));
const from = dayStart(-10);
const to = dayStart(1);

/** Every token class, so the report's sums of each can be told apart (reasoning is part of the output). */
const classes = (n: number) => ({
  cacheWriteInputTokens: n,
  cacheWrite1hInputTokens: 2 * n,
  audioInputTokens: 3 * n,
  audioOutputTokens: 4 * n,
  imageInputTokens: 5 * n,
  reasoningTokens: n,
});
const record = (key: string, model: string, inputTokens: number, outputTokens: number, teamIdArg?: string) =>
  t.gql(
    Record,
    {
      input: {
        model,
        inputTokens,
        outputTokens,
        ...classes(outputTokens % 7),
        idempotencyKey: randomUUID(),
        ...(teamIdArg ? { teamId: teamIdArg } : {}),
      },
    },
    key,
  );
const CLASS_FIELDS = Object.keys(classes(0));
const CLASS_SUMS = ['cache_write_input', 'cache_write_1h_input', 'audio_input', 'audio_output', 'image_input', 'reasoning'];

beforeAll(async () => {
  t = await startTestApp();
  a = await t.account(10_000_000n);
  a2Key = (await t.services.auth.createKey(null, a.id, 'USER', 'second key')).key;
  b = await t.account(10_000_000n);
  const team = await fundedTeam(t, 10_000_000n);
  teamId = team.teamId;
  ownerKey = team.owner.key;
  [member] = await addMembers(t, teamId, team.owner.key, 1, null);
  memberTeamKey = (await t.gql(CreateTeamKey, { teamId }, member.key)).data!.createTeamApiKey.key;
  // History days back (no key), folded into the rollups; then calls today, some folded, some left in the tail.
  for (let d = 1; d <= 5; d++) {
    await usageAt(t.db, a.id, 'test-model', 1000n + BigInt(d), 400n, new Date(dayStart(-d).getTime() + 3_600_000));
    await usageAt(t.db, b.id, 'cheap-model', 77n * BigInt(d), 30n, new Date(dayStart(-d).getTime() + 7_200_000));
  }
  for (const [key, model] of [
    [a.key, 'test-model'],
    [a2Key, 'cheap-model'],
    [b.key, 'test-model'],
  ] as const) {
    const r = await record(key, model, 1500, 120);
    expect(r.errors).toBeUndefined();
  }
  expect((await record(memberTeamKey, 'test-model', 900, 40)).errors).toBeUndefined();
  expect((await record(team.owner.key, 'cheap-model', 2000, 10, teamId)).errors).toBeUndefined();
  await t.services.finance.rollup();
  // The tail: after the watermark.
  expect((await record(a.key, 'test-model', 333, 33)).errors).toBeUndefined();
  expect((await record(memberTeamKey, 'cheap-model', 700, 7)).errors).toBeUndefined();
  expect((await record(b.key, 'cheap-model', 10, 1)).errors).toBeUndefined();
  const [{ tail }] = await t.db.query<{ tail: string }>(
    `select count(*) tail from usage_records where seq > (select usage_seq from finance_rollup_state)`,
  );
  expect(Number(tail)).toBe(3);
});
afterAll(async () => t?.close());

/** The same grouping straight from the usage rows (the truth the rollups stand for). */
async function direct(groups: UsageGroup[], accountId: string | null) {
  const col: Record<UsageGroup, string> = {
    DAY: `(created_at at time zone 'UTC')::date::text`,
    MODEL: 'model',
    API_KEY: `nullif(coalesce(api_key_id, '${NO_KEY}'), '${NO_KEY}')::text`,
    TEAM_MEMBER: 'member_account_id::text',
    ACCOUNT: 'account_id::text',
  };
  const cols = groups.map((g) => col[g]);
  return t.db.query<Record<string, string>>(
    `select ${cols.map((c, i) => `${c} as g${i}, `).join('')} count(*)::text calls, sum(charged)::text charged, sum(cost_micro_usd)::text cost,
            sum(input_tokens)::text i, sum(output_tokens)::text o, ${CLASS_SUMS.map((c) => `sum(${c}_tokens)::text ${c}`).join(', ')}
       from usage_records where created_at >= $1 and created_at < $2 and ($3::uuid is null or account_id = $3::uuid)
       ${cols.length ? `group by ${cols.join(', ')}` : ''}`,
    [from.toISOString(), to.toISOString(), accountId],
  );
}

/** What the ledger says usage charged: customer postings of USAGE transactions in the period. */
async function ledgerCharged(accountId: string | null): Promise<bigint> {
  const [r] = await t.db.query<{ s: string | null }>(
    `select -sum(p.amount) s from ledger_postings p join ledger_transactions x on x.id = p.transaction_id and x.type = 'USAGE'
       join accounts c on c.id = p.account_id and c.kind <> 'SYSTEM'
      where p.created_at >= $1 and p.created_at < $2 and ($3::uuid is null or p.account_id = $3::uuid)`,
    [from.toISOString(), to.toISOString(), accountId],
  );
  return BigInt(r.s ?? 0);
}

const FIELD: Record<UsageGroup, string> = {
  DAY: 'day',
  MODEL: 'model',
  API_KEY: 'apiKeyId',
  TEAM_MEMBER: 'memberAccountId',
  ACCOUNT: 'accountId',
};
const subsets = (groups: readonly UsageGroup[]): UsageGroup[][] =>
  groups.reduce<UsageGroup[][]>((acc, g) => [...acc, ...acc.map((s) => [...s, g])], [[]]);

describe('usageReport', () => {
  it('equals the usage rows and the ledger for every grouping, staff over all accounts and a customer over its own', async () => {
    for (const [key, accountId] of [
      [t.adminKey, null],
      [a.key, a.id],
    ] as const) {
      const ledger = await ledgerCharged(accountId);
      expect(ledger).toBeGreaterThan(0n);
      for (const groups of subsets(USAGE_GROUPS)) {
        const res = await t.gql(Report, { from: from.toISOString(), to: to.toISOString(), groupBy: groups }, key);
        expect(res.errors, groups.join(',')).toBeUndefined();
        const rows = res.data.usageReport as Record<string, string | number | null>[];
        const got = rows
          .map((r) =>
            [
              ...groups.map((g) => r[FIELD[g]]),
              String(r.calls),
              r.chargedMillicredits,
              String(r.inputTokens),
              String(r.outputTokens),
              ...CLASS_FIELDS.map((f) => String(r[f])),
            ].join('|'),
          )
          .sort();
        const want = (await direct(groups, accountId))
          .map((r) => [...groups.map((_, i) => r[`g${i}`]), r.calls, r.charged, r.i, r.o, ...CLASS_SUMS.map((c) => r[c])].join('|'))
          .sort();
        expect(got, groups.join(',')).toEqual(want);
        expect(
          rows.reduce((s, r) => s + BigInt(r.chargedMillicredits as string), 0n),
          groups.join(','),
        ).toBe(ledger);
        // Dimensions not grouped by stay null.
        for (const g of USAGE_GROUPS.filter((x) => !groups.includes(x))) expect(rows.every((r) => r[FIELD[g]] === null)).toBe(true);
      }
    }
  });

  it('splits a team by member and by key, and gives margin = charged - cost exactly', async () => {
    const res = await t.gql(
      Report,
      { from: from.toISOString(), to: to.toISOString(), groupBy: ['TEAM_MEMBER', 'API_KEY'], accountId: teamId },
      t.adminKey,
    );
    const rows = res.data.usageReport as { memberAccountId: string | null; apiKeyId: string | null; calls: number }[];
    const byMember = rows.filter((r) => r.memberAccountId === member.id);
    expect(byMember.reduce((n, r) => n + r.calls, 0)).toBe(2);
    expect(byMember.every((r) => r.apiKeyId !== null)).toBe(true);
    const all = await t.gql(Report, { from: from.toISOString(), to: to.toISOString(), groupBy: [] }, t.adminKey);
    const [total] = all.data.usageReport;
    const [{ charged, cost }] = await t.db.query<{ charged: string; cost: string }>(
      `select sum(charged)::text charged, sum(cost_micro_usd)::text cost from usage_records where created_at >= $1 and created_at < $2`,
      [from.toISOString(), to.toISOString()],
    );
    const micro = (usd: string) => BigInt(usd.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1'));
    expect(total.chargedMillicredits).toBe(charged);
    expect(micro(total.costUsd)).toBe(BigInt(cost));
    expect(micro(total.marginUsd)).toBe(BigInt(charged) - BigInt(cost));
  });

  it('lets a team OWNER read the team, and refuses other accounts, team keys and long ranges', async () => {
    const vars = (extra: Record<string, unknown>) => ({ from: from.toISOString(), to: to.toISOString(), groupBy: ['DAY'], ...extra });
    const asOwner = await t.gql(Report, vars({ accountId: teamId }), ownerKey);
    expect(asOwner.errors).toBeUndefined();
    expect(asOwner.data.usageReport.reduce((n: number, r: { calls: number }) => n + r.calls, 0)).toBe(3);
    const codeOf = async (v: Record<string, unknown>, key: string) => (await t.gql(Report, vars(v), key)).errors?.[0].extensions?.code;
    expect(await codeOf({ accountId: b.id }, a.key)).toBe('FORBIDDEN');
    expect(await codeOf({}, memberTeamKey)).toBe('FORBIDDEN');
    // ACCOUNT grouping for a customer: its own account's one row, never another's.
    const own = await t.gql(Report, vars({ groupBy: ['ACCOUNT'] }), a.key);
    expect(own.data.usageReport.map((r: { accountId: string }) => r.accountId)).toEqual([a.id]);
    expect(await codeOf({ accountId: teamId }, member.key)).toBe('FORBIDDEN'); // a MEMBER, not an OWNER
    expect(await codeOf({ from: dayStart(-400).toISOString() }, t.adminKey)).toBe('BAD_USER_INPUT');
    expect(await codeOf({ to: from.toISOString() }, t.adminKey)).toBe('BAD_USER_INPUT');
  });
});

describe('GET /reports/usage.csv', () => {
  it('has the same rows and amounts as usageReport, under the same authorization', async () => {
    const groups = ['DAY', 'MODEL', 'API_KEY'];
    const qs = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), groupBy: groups.join(',') });
    const res = await fetch(`${t.url}/reports/usage.csv?${qs}`, { headers: { authorization: `Bearer ${a.key}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...lines] = (await res.text()).trim().split('\n');
    expect(header).toBe(
      'day,model,api_key_id,api_key_label,member_account_id,member_email,account_id,account_email,calls,input_tokens,cached_input_tokens,output_tokens,' +
        'cache_write_input_tokens,cache_write_1h_input_tokens,audio_input_tokens,audio_output_tokens,image_input_tokens,reasoning_tokens,' +
        'charged_millicredits,cost_usd,margin_usd',
    );
    const gql = (await t.gql(Report, { from: from.toISOString(), to: to.toISOString(), groupBy: groups }, a.key)).data
      .usageReport as Record<string, string | number | null>[];
    const csv = lines.map((l) => l.split(','));
    expect(csv.map((c) => [c[0], c[1], c[2] || null, c[8], ...c.slice(12, 21)])).toEqual(
      gql.map((r) => [
        r.day,
        r.model,
        r.apiKeyId,
        String(r.calls),
        ...CLASS_FIELDS.map((f) => String(r[f])),
        r.chargedMillicredits,
        r.costUsd,
        r.marginUsd,
      ]),
    );
    // The classes are really there, not zeros everywhere.
    expect(csv.some((c) => Number(c[14]) > 0)).toBe(true);
    const other = await fetch(`${t.url}/reports/usage.csv?${qs}&accountId=${b.id}`, { headers: { authorization: `Bearer ${a.key}` } });
    expect(other.status).toBe(403);
    const anonymous = await fetch(`${t.url}/reports/usage.csv?${qs}`);
    expect(anonymous.status).toBe(401);
    const bad = await fetch(`${t.url}/reports/usage.csv?${qs}&groupBy=WEEK`, { headers: { authorization: `Bearer ${a.key}` } });
    expect(bad.status).toBe(400);
  });
});
