import {
  EntityRepository,
  LockMode,
  QueryOrder,
  raw,
  type EntityManager,
  type FilterQuery,
  type QueryOrderMap,
} from '@mikro-orm/postgresql';
import { containsPattern } from '../shared/paging.js';
import { TeamEntity, TeamInvitationEntity, TeamMemberEntity } from './team.entities.js';
import type { Team, TeamInvitation, TeamPolicy } from './teams.types.js';

export const policyOf = (t: TeamEntity): TeamPolicy => ({
  requestCap: t.requestCap,
  sessionCap: t.sessionCap,
  sessionWindowSeconds: t.sessionWindowSeconds,
  allowedModels: t.allowedModels,
});

/** A team loaded with its account (`populate: TEAM_VIEW`). */
export const toTeam = (t: TeamEntity): Team => ({
  id: t.account.id,
  name: t.account.name ?? '',
  timeZone: t.timeZone,
  policy: policyOf(t),
  memberCount: t.memberCount ?? 0,
  createdAt: t.createdAt,
});

/** What a `Team` shows: the account's name and the count of active members. */
const TEAM_VIEW = ['account', 'memberCount'] as const;

export type TeamOrder = 'CREATED_AT' | 'NAME' | 'BALANCE' | 'MEMBERS';

const ORDER: Record<TeamOrder, (dir: QueryOrder) => QueryOrderMap<TeamEntity>> = {
  CREATED_AT: (dir) => ({ createdAt: dir }),
  NAME: (dir) => ({ account: { [raw((alias) => `lower(${alias}.name)`)]: dir } }),
  BALANCE: (dir) => ({ account: { posted: dir } }),
  MEMBERS: (dir) => ({ memberCount: dir }),
};

/** Queries on `teams`, each team with its account row (kind TEAM) for its name. */
export class TeamRepository extends EntityRepository<TeamEntity> {
  async byIds(ids: readonly string[]): Promise<TeamEntity[]> {
    return this.find({ account: { $in: [...ids] } }, { populate: TEAM_VIEW });
  }

  /** A window of every team for the console (`limit + 1` rows): name contains `search` (or id equals it), any sort. */
  async search(q: {
    search: { id: string } | { text: string } | null;
    orderBy: TeamOrder;
    direction: 'ASC' | 'DESC';
    limit: number;
    offset: number;
  }): Promise<{ rows: TeamEntity[]; count: () => Promise<number> }> {
    const where: FilterQuery<TeamEntity> =
      q.search === null
        ? {}
        : 'id' in q.search
          ? { account: q.search.id }
          : { account: { name: { $ilike: containsPattern(q.search.text) } } };
    const dir = q.direction === 'ASC' ? QueryOrder.ASC_NULLS_LAST : QueryOrder.DESC_NULLS_LAST;
    const rows = await this.find(where, {
      populate: TEAM_VIEW,
      orderBy: [ORDER[q.orderBy](dir), { account: q.direction === 'ASC' ? QueryOrder.ASC : QueryOrder.DESC }],
      limit: q.limit + 1,
      offset: q.offset,
    });
    return { rows, count: () => this.count(where) };
  }

  /** The policy row, locked for the caller's transaction (the team's account row is not). */
  lock(teamId: string): Promise<TeamEntity | null> {
    return this.findOne({ account: teamId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /**
   * What a team charge needs before the engine, in one read: the policy, and the member's row when
   * they are active (the allocation itself is the engine's). Kept out of the identity map: its
   * `members` holds only that one row.
   */
  chargeContext(teamId: string, memberAccountId: string): Promise<TeamEntity | null> {
    return this.findOne(
      { account: teamId },
      {
        populate: ['members'],
        populateWhere: { members: { accountId: memberAccountId, removedAt: null } },
        strategy: 'joined',
        disableIdentityMap: true,
      },
    );
  }
}

/** Queries on `team_members`. */
export class TeamMemberRepository extends EntityRepository<TeamMemberEntity> {
  /** Read afresh: who may act on a team is decided on the committed row, not on one this request loaded earlier. */
  member(teamId: string, accountId: string): Promise<TeamMemberEntity | null> {
    return this.findOne({ team: teamId, accountId }, { refresh: true });
  }

  /** The member's row (null: never joined), locked for the caller's transaction. */
  lock(teamId: string, accountId: string): Promise<TeamMemberEntity | null> {
    return this.findOne({ team: teamId, accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Active OWNERs other than `leaving`, locked so two removals cannot both leave none. */
  async lockOtherOwners(teamId: string, leaving: string): Promise<number> {
    const owners = await this.find(
      { team: teamId, role: 'OWNER', removedAt: null, accountId: { $ne: leaving } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    return owners.length;
  }

  /** The ids of the teams an account is an active member of, oldest membership first. */
  async teamIdsOf(accountId: string): Promise<string[]> {
    const rows = await this.find({ accountId, removedAt: null }, { orderBy: [{ addedAt: QueryOrder.ASC }, { team: QueryOrder.ASC }] });
    return rows.map((m) => m.team.account.id);
  }
}

/** When an invitation made at `invitedAt` stops being pending. */
export const invitationExpiry = (invitedAt: Date, ttlDays: number) => new Date(invitedAt.getTime() + ttlDays * 86_400_000);

/** An invitation loaded with its team's account (`populate: ['team.account']`). */
export const toInvitation =
  (ttlDays: number) =>
  (i: TeamInvitationEntity): TeamInvitation => ({
    teamId: i.team.account.id,
    teamName: i.team.account.name ?? '',
    accountId: i.accountId,
    role: i.role,
    invitedAt: i.createdAt,
    expiresAt: invitationExpiry(i.createdAt, ttlDays),
  });

/** Not expired yet, on the database's clock (as `created_at` was written). */
const unexpired = (ttlDays: number): FilterQuery<TeamInvitationEntity> => ({
  createdAt: { $gt: raw('now() - make_interval(days => ?::int)', [ttlDays]) },
});

/**
 * Queries on `team_invitations`. A row older than the TTL is an expired invitation: it is not
 * pending, and inviting the account again renews it.
 */
export class TeamInvitationRepository extends EntityRepository<TeamInvitationEntity> {
  /** The invitation row, expired or not (null: none), locked for the caller's transaction. */
  lock(teamId: string, accountId: string): Promise<TeamInvitationEntity | null> {
    return this.findOne({ team: teamId, accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** The pending (unexpired) invitation (null: none or expired), locked for the caller's transaction. */
  lockPending(teamId: string, accountId: string, ttlDays: number): Promise<TeamInvitationEntity | null> {
    return this.findOne({ team: teamId, accountId, ...unexpired(ttlDays) }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Pending invitations of an account, or of a team, oldest first, each with its team's name. */
  pending(where: { accountId: string } | { team: string }, ttlDays: number): Promise<TeamInvitationEntity[]> {
    return this.find(
      { ...where, ...unexpired(ttlDays) },
      {
        populate: ['team.account'],
        orderBy: [{ createdAt: QueryOrder.ASC }, { team: QueryOrder.ASC }, { accountId: QueryOrder.ASC }],
        refresh: true,
      },
    );
  }

  /** How many invitations of the team are pending (the caller holds the team's lock). */
  countPending(teamId: string, ttlDays: number): Promise<number> {
    return this.count({ team: teamId, ...unexpired(ttlDays) });
  }
}

export const teams = (em: EntityManager) => new TeamRepository(em, TeamEntity);
export const teamMembers = (em: EntityManager) => new TeamMemberRepository(em, TeamMemberEntity);
export const teamInvitations = (em: EntityManager) => new TeamInvitationRepository(em, TeamInvitationEntity);
