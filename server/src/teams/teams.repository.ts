import type { Sql } from '../db/sql.js';
import { toBigInt } from '../db/sql.js';
import type { Team, TeamMember, TeamPolicy, TeamRole, TeamSpendRow } from './teams.types.js';

type Row = Record<string, unknown>;

const nullableBigInt = (v: unknown): bigint | null => (v === null || v === undefined ? null : toBigInt(v));

const toPolicy = (r: Row): TeamPolicy => ({
  requestCap: nullableBigInt(r.request_cap),
  sessionCap: nullableBigInt(r.session_cap),
  sessionWindowSeconds: Number(r.session_window_seconds),
  allowedModels: (r.allowed_models as string[] | null) ?? null,
});

const toTeam = (r: Row): Team => ({
  id: r.id as string,
  name: (r.name as string | null) ?? '',
  timeZone: r.time_zone as string,
  policy: toPolicy(r),
  memberCount: Number(r.member_count ?? 0),
  createdAt: new Date(r.created_at as string),
});

/** `spent` counts only when the row's period is the current one (`period_start >= current start`). */
const toMember = (r: Row): TeamMember => {
  const allocation = nullableBigInt(r.monthly_allocation);
  const spent = r.current ? toBigInt(r.spent) : 0n;
  const held = toBigInt(r.held);
  return {
    teamId: r.team_id as string,
    accountId: r.account_id as string,
    role: r.role as TeamRole,
    monthlyAllocation: allocation,
    spentThisPeriod: spent,
    heldThisPeriod: held,
    remainingThisPeriod: allocation === null ? null : allocation - spent - held > 0n ? allocation - spent - held : 0n,
    periodStart: new Date(r.current_start as string),
    addedAt: new Date(r.added_at as string),
    removedAt: r.removed_at ? new Date(r.removed_at as string) : null,
  };
};

const TEAM_COLUMNS = `a.id, a.name, t.time_zone, t.request_cap, t.session_cap, t.session_window_seconds, t.allowed_models, t.created_at,
  (select count(*) from team_members c where c.team_id = t.account_id and c.removed_at is null) as member_count`;

/**
 * A member row as of `at`: `spent` counts only while its period is the current one (midnight on
 * the 1st in the team's zone, the same expression the charge uses); `held` is what the member's
 * calls in flight reserve.
 */
const MEMBER_COLUMNS = `m.*, m.period_start >= p.start as current, p.start as current_start,
  (select coalesce(sum(h.amount), 0) from holds h where h.account_id = m.team_id and h.member_account_id = m.account_id and h.state = 'HELD') as held`;
const PERIOD = `(select date_trunc('month', ?::timestamptz, t.time_zone) as start from teams t where t.account_id = ?::uuid) p`;

export async function insertTeam(sql: Sql, name: string, timeZone: string): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `with a as (insert into accounts (kind, name) values ('TEAM', ?) returning id)
     insert into teams (account_id, time_zone) select id, ? from a returning account_id as id`,
    [name, timeZone],
  );
  return row.id;
}

export async function findTeams(sql: Sql, ids: readonly string[]): Promise<Team[]> {
  const rows = await sql.query<Row>(
    `select ${TEAM_COLUMNS} from teams t join accounts a on a.id = t.account_id where t.account_id = any(?::uuid[])`,
    [`{${ids.join(',')}}`],
  );
  return rows.map(toTeam);
}

export type TeamOrder = 'CREATED_AT' | 'NAME' | 'BALANCE' | 'MEMBERS';
const ORDER_COLUMN: Record<TeamOrder, string> = {
  CREATED_AT: 't.created_at',
  NAME: 'lower(a.name)',
  BALANCE: 'a.posted',
  MEMBERS: 'member_count',
};

/** A window of every team for the console (`limit + 1` rows): name contains `search` (or id equals it), any sort. */
export async function listTeams(
  sql: Sql,
  q: { search: { id: string } | { text: string } | null; orderBy: TeamOrder; direction: 'ASC' | 'DESC'; limit: number; offset: number },
): Promise<{ rows: Team[]; count: () => Promise<number> }> {
  const where = q.search === null ? 'true' : 'id' in q.search ? 'a.id = ?::uuid' : 'a.name ilike ?';
  // The user's own % and _ are plain characters.
  const params = q.search === null ? [] : ['id' in q.search ? q.search.id : `%${q.search.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`];
  const from = `from teams t join accounts a on a.id = t.account_id where ${where}`;
  const dir = q.direction === 'ASC' ? 'asc' : 'desc';
  const rows = await sql.query<Row>(
    `select ${TEAM_COLUMNS} ${from} order by ${ORDER_COLUMN[q.orderBy]} ${dir} nulls last, a.id ${dir} limit ? offset ?`,
    [...params, q.limit + 1, q.offset],
  );
  const count = async () => Number((await sql.query<{ n: string }>(`select count(*) n ${from}`, params))[0].n);
  return { rows: rows.map(toTeam), count };
}

/**
 * What a team charge needs before the engine, in one read: the policy, and whether the member is
 * active (the allocation itself is the engine's). Null: no such team.
 */
export async function findChargeContext(
  sql: Sql,
  teamId: string,
  memberAccountId: string,
): Promise<{ policy: TeamPolicy; activeMember: boolean } | null> {
  const rows = await sql.query<Row>(
    `select t.request_cap, t.session_cap, t.session_window_seconds, t.allowed_models,
            exists (select 1 from team_members m where m.team_id = t.account_id and m.account_id = ?::uuid and m.removed_at is null) as active
       from teams t where t.account_id = ?::uuid`,
    [memberAccountId, teamId],
  );
  return rows[0] ? { policy: toPolicy(rows[0]), activeMember: rows[0].active === true } : null;
}

/** The teams an account is an active member of, oldest membership first. */
export async function findTeamsOfMember(sql: Sql, accountId: string): Promise<Team[]> {
  const rows = await sql.query<Row>(
    `select ${TEAM_COLUMNS} from team_members m join teams t on t.account_id = m.team_id join accounts a on a.id = t.account_id
      where m.account_id = ?::uuid and m.removed_at is null order by m.added_at, a.id`,
    [accountId],
  );
  return rows.map(toTeam);
}

export async function findMembers(sql: Sql, teamId: string, at: Date, includeRemoved: boolean): Promise<TeamMember[]> {
  const rows = await sql.query<Row>(
    `select ${MEMBER_COLUMNS} from team_members m, ${PERIOD}
      where m.team_id = ?::uuid and (?::boolean or m.removed_at is null)
      order by m.role = 'OWNER' desc, m.added_at, m.account_id`,
    [at.toISOString(), teamId, teamId, includeRemoved],
  );
  return rows.map(toMember);
}

export async function findMember(sql: Sql, teamId: string, accountId: string, at: Date, lock = false): Promise<TeamMember | null> {
  const rows = await sql.query<Row>(
    `select ${MEMBER_COLUMNS} from team_members m, ${PERIOD}
      where m.team_id = ?::uuid and m.account_id = ?::uuid${lock ? ' for update of m' : ''}`,
    [at.toISOString(), teamId, teamId, accountId],
  );
  return rows[0] ? toMember(rows[0]) : null;
}

/** Adds a member, or brings a removed one back (their spend this period still counts). */
export async function upsertMember(sql: Sql, teamId: string, accountId: string, role: TeamRole): Promise<void> {
  await sql.query(
    `insert into team_members (team_id, account_id, role) values (?::uuid, ?::uuid, ?)
     on conflict (team_id, account_id) do update
       set role = excluded.role, removed_at = null,
           added_at = case when team_members.removed_at is null then team_members.added_at else now() end`,
    [teamId, accountId, role],
  );
}

export async function updateAllocation(sql: Sql, teamId: string, accountId: string, allocation: bigint | null): Promise<void> {
  await sql.query(`update team_members set monthly_allocation = ?::bigint where team_id = ?::uuid and account_id = ?::uuid`, [
    allocation?.toString() ?? null,
    teamId,
    accountId,
  ]);
}

export async function markRemoved(sql: Sql, teamId: string, accountId: string): Promise<void> {
  await sql.query(
    `update team_members set removed_at = clock_timestamp() where team_id = ?::uuid and account_id = ?::uuid and removed_at is null`,
    [teamId, accountId],
  );
}

/** Active owners other than `exceptAccountId`, locked so two removals cannot both leave none. */
export async function countOtherOwners(sql: Sql, teamId: string, exceptAccountId: string): Promise<number> {
  const rows = await sql.query<{ account_id: string }>(
    `select account_id from team_members where team_id = ?::uuid and role = 'OWNER' and removed_at is null and account_id <> ?::uuid for update`,
    [teamId, exceptAccountId],
  );
  return rows.length;
}

export async function lockTeam(sql: Sql, teamId: string): Promise<Team | null> {
  const rows = await sql.query<Row>(
    `select ${TEAM_COLUMNS} from teams t join accounts a on a.id = t.account_id where t.account_id = ?::uuid for update of t`,
    [teamId],
  );
  return rows[0] ? toTeam(rows[0]) : null;
}

export async function updatePolicy(sql: Sql, teamId: string, p: TeamPolicy): Promise<void> {
  const models = p.allowedModels === null ? null : JSON.stringify(p.allowedModels);
  await sql.query(
    `update teams set request_cap = ?::bigint, session_cap = ?::bigint, session_window_seconds = ?::int,
            allowed_models = case when ?::jsonb is null then null else array(select jsonb_array_elements_text(?::jsonb)) end,
            updated_at = now()
      where account_id = ?::uuid`,
    // The list travels as JSON: the driver would spread a JS array into separate parameters.
    [p.requestCap?.toString() ?? null, p.sessionCap?.toString() ?? null, p.sessionWindowSeconds, models, models, teamId],
  );
}

/**
 * A new time zone for the team's periods. The period the members are in keeps its spend: rows of
 * the current month move their start to the same month's start in the new zone (at most a day
 * apart), so the engine's step does not take the new start for a new month. The team's account
 * row is locked first, as the engine does before it writes a member row.
 */
export async function moveTimeZone(sql: Sql, teamId: string, timeZone: string, at: Date): Promise<void> {
  await sql.query(`select 1 from accounts where id = ?::uuid for update`, [teamId]);
  await sql.query(
    `with p as (
       select date_trunc('month', ?::timestamptz, t.time_zone) as old_start, date_trunc('month', ?::timestamptz, ?) as new_start
         from teams t where t.account_id = ?::uuid)
     update team_members m set period_start = p.new_start
       from p
      where m.team_id = ?::uuid and m.period_start >= p.old_start and m.period_start < p.new_start
        and p.new_start - p.old_start < interval '27 hours'`,
    [at.toISOString(), at.toISOString(), timeZone, teamId, teamId],
  );
  await sql.query(`update teams set time_zone = ?, updated_at = now() where account_id = ?::uuid`, [timeZone, teamId]);
}

export async function isKnownTimeZone(sql: Sql, name: string): Promise<boolean> {
  const rows = await sql.query(`select 1 from pg_timezone_names where name = ?`, [name]);
  return rows.length > 0;
}

export async function isCustomerAccount(sql: Sql, accountId: string): Promise<boolean> {
  const rows = await sql.query(`select 1 from accounts where id = ?::uuid and kind = 'CUSTOMER'`, [accountId]);
  return rows.length > 0;
}

/** Spend per member, per day (in the team's zone) and per model, over [from, to). */
export async function findSpend(sql: Sql, teamId: string, from: Date, to: Date): Promise<TeamSpendRow[]> {
  const rows = await sql.query<Row>(
    `select to_char(u.created_at at time zone t.time_zone, 'YYYY-MM-DD') as day, u.member_account_id, u.model,
            count(*)::int as calls, sum(u.charged)::text as charged, sum(u.cost_micro_usd)::text as cost,
            sum(u.input_tokens)::text as input_tokens, sum(u.cached_input_tokens)::text as cached_input_tokens,
            sum(u.output_tokens)::text as output_tokens
       from usage_records u join teams t on t.account_id = u.account_id
      where u.account_id = ?::uuid and u.member_account_id is not null
        and u.created_at >= ?::timestamptz and u.created_at < ?::timestamptz
      group by 1, 2, 3 order by 1, 2, 3`,
    [teamId, from.toISOString(), to.toISOString()],
  );
  return rows.map((r) => ({
    day: r.day as string,
    accountId: r.member_account_id as string,
    model: r.model as string,
    calls: Number(r.calls),
    charged: toBigInt(r.charged),
    costMicroUsd: toBigInt(r.cost),
    inputTokens: toBigInt(r.input_tokens),
    cachedInputTokens: toBigInt(r.cached_input_tokens),
    outputTokens: toBigInt(r.output_tokens),
  }));
}
