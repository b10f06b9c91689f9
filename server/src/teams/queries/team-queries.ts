import { withXactLock } from '../../db/locks.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../../db/values.js';
import type { TeamMember, TeamRole, TeamSpendRow } from '../teams.types.js';

/*
 * Why SQL here: these read what the ledger engine writes (a member's spent and period, the holds
 * in flight, usage rows) or PostgreSQL's own catalogue, and derive from it (the period in the
 * team's zone, sums) in ways a unit of work does not express. Named, parameterised, nothing spliced.
 */

type Row = Record<string, unknown>;

/** `spent` counts only when the row's period is the current one (`period_start >= current start`). */
const toMember = (r: Row): TeamMember => {
  const allocation = r.monthly_allocation === null || r.monthly_allocation === undefined ? null : toBigInt(r.monthly_allocation);
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
    status: r.removed_at ? 'REMOVED' : 'ACTIVE',
  };
};

/**
 * A member row as of `at`: `spent` counts only while its period is the current one (midnight on
 * the 1st in the team's zone, the same expression the charge uses); `held` is what the member's
 * calls in flight reserve.
 */
const MEMBER_COLUMNS = `m.*, m.period_start >= p.start as current, p.start as current_start,
  (select coalesce(sum(h.amount), 0) from holds h where h.account_id = m.team_id and h.member_account_id = m.account_id and h.state = 'HELD') as held`;
const PERIOD = `(select date_trunc('month', ?::timestamptz, t.time_zone) as start from teams t where t.account_id = ?::uuid) p`;

/** The team's members as of `at` (OWNERs first, then by joining), with their period's spend. */
export async function memberViews(em: EntityManager, teamId: string, at: Date, includeRemoved: boolean): Promise<TeamMember[]> {
  const rows = await em.execute<Row[]>(
    `select ${MEMBER_COLUMNS} from team_members m, ${PERIOD}
      where m.team_id = ?::uuid and (?::boolean or m.removed_at is null)
      order by m.role = 'OWNER' desc, m.added_at, m.account_id`,
    [at.toISOString(), teamId, teamId, includeRemoved],
  );
  return rows.map(toMember);
}

export async function memberView(em: EntityManager, teamId: string, accountId: string, at: Date): Promise<TeamMember | null> {
  const rows = await em.execute<Row[]>(
    `select ${MEMBER_COLUMNS} from team_members m, ${PERIOD} where m.team_id = ?::uuid and m.account_id = ?::uuid`,
    [at.toISOString(), teamId, teamId, accountId],
  );
  return rows[0] ? toMember(rows[0]) : null;
}

/**
 * A pending invitation shown as the member it would make (status INVITED, `addedAt` the
 * invitation's time): a removed member's row with its numbers, else a fresh one in this period.
 */
export async function invitedView(em: EntityManager, teamId: string, accountId: string, at: Date): Promise<TeamMember | null> {
  const [r] = await em.execute<Row[]>(
    `select i.role, i.created_at, p.start from team_invitations i, ${PERIOD} where i.team_id = ?::uuid and i.account_id = ?::uuid`,
    [at.toISOString(), teamId, teamId, accountId],
  );
  if (!r) return null;
  const fresh: TeamMember = {
    teamId,
    accountId,
    role: 'MEMBER',
    monthlyAllocation: null,
    spentThisPeriod: 0n,
    heldThisPeriod: 0n,
    remainingThisPeriod: null,
    periodStart: new Date(r.start as string),
    addedAt: at,
    removedAt: null,
    status: 'INVITED',
  };
  const base = (await memberView(em, teamId, accountId, at)) ?? fresh;
  return { ...base, role: r.role as TeamRole, addedAt: new Date(r.created_at as string), status: 'INVITED' };
}

/**
 * A new time zone for the team's periods. The period the members are in keeps its spend: rows of
 * the current month move their start to the same month's start in the new zone (at most a day
 * apart), so the engine's step does not take the new start for a new month. The caller holds the
 * team's account row lock, as the engine does before it writes a member row.
 */
export async function movePeriodsToZone(em: EntityManager, teamId: string, from: string, to: string, at: Date): Promise<void> {
  await em.execute(
    `with p as (select date_trunc('month', ?::timestamptz, ?) as old_start, date_trunc('month', ?::timestamptz, ?) as new_start)
     update team_members m set period_start = p.new_start
       from p
      where m.team_id = ?::uuid and m.period_start >= p.old_start and m.period_start < p.new_start
        and p.new_start - p.old_start < interval '27 hours'`,
    [at.toISOString(), from, at.toISOString(), to, teamId],
  );
}

/**
 * Teams `accountId` created since midnight UTC. Serialised per account (a transaction-scoped
 * advisory lock) so concurrent creations cannot both pass the cap; the lock ends with the caller's
 * transaction.
 */
export async function lockAndCountTeamsCreatedToday(em: EntityManager, accountId: string): Promise<number> {
  await withXactLock(em, `team.create:${accountId}`);
  const rows = await em.execute<Row[]>(
    `select count(*)::int as n from teams where created_by_account_id = ?::uuid and created_at >= date_trunc('day', now(), 'UTC')`,
    [accountId],
  );
  return Number(rows[0].n);
}

/**
 * Locks the member's row (FOR UPDATE: creations of their team keys queue on it, as does their
 * removal) and counts their unrevoked keys for the team; null unless they are an active member.
 */
export async function lockMemberAndCountTeamKeys(em: EntityManager, teamId: string, accountId: string): Promise<number | null> {
  const [member] = await em.execute<Row[]>(
    `select removed_at from team_members where team_id = ?::uuid and account_id = ?::uuid for update`,
    [teamId, accountId],
  );
  if (!member || member.removed_at) return null;
  const [row] = await em.execute<Row[]>(
    `select count(*)::int as n from api_keys where team_id = ?::uuid and account_id = ?::uuid and revoked_at is null`,
    [teamId, accountId],
  );
  return Number(row.n);
}

export async function isKnownTimeZone(em: EntityManager, name: string): Promise<boolean> {
  const rows = await em.execute(`select 1 from pg_timezone_names where name = ?`, [name]);
  return rows.length > 0;
}

/** Spend per member, per day (in the team's zone) and per model, over [from, to). */
export async function spendRows(em: EntityManager, teamId: string, from: Date, to: Date): Promise<TeamSpendRow[]> {
  const rows = await em.execute<Row[]>(
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
