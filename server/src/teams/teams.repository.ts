import {
  ArrayType,
  EntityRepositoryType,
  BigIntType,
  Collection,
  Entity,
  Formula,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  type Opt,
} from '@mikro-orm/core';
import { EntityRepository, LockMode, QueryOrder, raw, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import { containsPattern } from '../shared/paging.js';
import type { TeamRole } from './teams.types.js';

/** The team's name and balance are its account's (kind TEAM); read beside the row, never joined as an entity. */
const NAME = (alias: object | string) => `(select a.name from accounts a where a.id = ${String(alias)}.account_id)`;
const POSTED = (alias: object | string) => `(select a.posted from accounts a where a.id = ${String(alias)}.account_id)`;

/** A team's policy row (`teams`); its balance and name live on its account row (kind TEAM). */
@Entity({ tableName: 'teams', repository: () => TeamRepository })
export class TeamEntity {
  [EntityRepositoryType]?: TeamRepository;

  [PrimaryKeyProp]?: 'accountId';

  /** The team's account (kind TEAM), which holds its balance and name. */
  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  /** The account's name, read with the team (`populate: ['name']`): accounts' own column, never written here. */
  @Formula(NAME, { type: 'text', lazy: true })
  name?: string | null;

  @Property({ type: 'text', defaultRaw: `'UTC'` })
  timeZone: Opt<string> = 'UTC';

  /** Millicredits; null: no cap. */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  requestCap: bigint | null = null;

  @Property({ type: new BigIntType('bigint'), nullable: true })
  sessionCap: bigint | null = null;

  @Property({ type: 'int', defaultRaw: '3600' })
  sessionWindowSeconds: Opt<number> = 3600;

  /** null: every enabled model. */
  @Property({ type: 'text[]', nullable: true })
  allowedModels: string[] | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Opt<Date>;

  /** The customer account that created it (the daily cap counts these); null: staff. */
  @Property({ type: 'uuid', nullable: true })
  createdByAccountId: string | null = null;

  /** Active members; loaded only when asked for (`populate: ['memberCount']`). */
  @Formula((alias) => `(select count(*)::int from team_members c where c.team_id = ${alias}.account_id and c.removed_at is null)`, {
    type: 'integer',
    lazy: true,
  })
  memberCount?: number;

  @OneToMany(() => TeamMemberEntity, (m) => m.team)
  members = new Collection<TeamMemberEntity>(this);
}

/**
 * A member's row of a team (`team_members`). `spent` and `period_start` are the ledger engine's
 * (the charge moves them in its own conditional update): the unit of work never writes them.
 */
@Entity({ tableName: 'team_members', repository: () => TeamMemberRepository })
export class TeamMemberEntity {
  [EntityRepositoryType]?: TeamMemberRepository;

  [PrimaryKeyProp]?: ['team', 'accountId'];

  @ManyToOne({ entity: () => TeamEntity, primary: true, fieldName: 'team_id' })
  team!: TeamEntity;

  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'text' })
  role!: TeamRole;

  /** Millicredits a period; null: no cap. */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  monthlyAllocation: bigint | null = null;

  @Property({ type: 'timestamptz', persist: false })
  periodStart?: Date;

  @Property({ type: new BigIntType('bigint'), persist: false })
  spent?: bigint;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  addedAt!: Opt<Date>;

  @Property({ type: 'timestamptz', nullable: true })
  removedAt: Date | null = null;

  /** Low-balance thresholds on the remaining allocation: written only by notify's SQL and the member trigger. */
  @Property({ type: ArrayType, columnType: 'bigint[]', persist: false })
  lowBalanceCreditThresholds?: string[];

  @Property({ type: ArrayType, columnType: 'int[]', persist: false })
  lowBalancePercents?: string[];

  @Property({ type: ArrayType, columnType: 'bigint[]', persist: false })
  lowBalanceThresholds?: string[];

  @Property({ type: ArrayType, columnType: 'bigint[]', persist: false })
  lowBalanceAlertedThresholds?: string[];

  @Property({ type: new BigIntType('bigint'), nullable: true, persist: false })
  lowBalanceNext?: bigint | null;

  @Property({ type: new BigIntType('bigint'), nullable: true, persist: false })
  lowBalanceRearm?: bigint | null;
}

/**
 * An OWNER's invitation (`team_invitations`): it grants nothing until the invited account accepts
 * it with its own credentials, which turns it into a `team_members` row.
 */
@Entity({ tableName: 'team_invitations', repository: () => TeamInvitationRepository })
export class TeamInvitationEntity {
  [EntityRepositoryType]?: TeamInvitationRepository;

  [PrimaryKeyProp]?: ['team', 'accountId'];

  @ManyToOne({ entity: () => TeamEntity, primary: true, fieldName: 'team_id' })
  team!: TeamEntity;

  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'text' })
  role!: TeamRole;

  @Property({ type: 'uuid', nullable: true })
  invitedByAccountId: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;
}

/** What a `Team` shows: the account's name and the count of active members. */
const TEAM_VIEW = ['name', 'memberCount'] as const;

export type TeamOrder = 'CREATED_AT' | 'NAME' | 'BALANCE' | 'MEMBERS';

const ORDER: Record<TeamOrder, (dir: QueryOrder) => QueryOrderMap<TeamEntity>> = {
  CREATED_AT: (dir) => ({ createdAt: dir }),
  NAME: (dir) => ({ [raw((alias) => `lower(${NAME(alias)})`)]: dir }),
  BALANCE: (dir) => ({ [raw(POSTED)]: dir }),
  MEMBERS: (dir) => ({ memberCount: dir }),
};

/** Queries on `teams`, each team with its account's name. */
class TeamRepository extends EntityRepository<TeamEntity> {
  async byIds(ids: readonly string[]): Promise<TeamEntity[]> {
    return this.find({ accountId: { $in: [...ids] } }, { populate: TEAM_VIEW });
  }

  /** A window of every team for the console (`limit + 1` rows): name contains `search` (or id equals it), any sort. */
  async search(q: {
    search: { id: string } | { text: string } | null;
    orderBy: TeamOrder;
    direction: 'ASC' | 'DESC';
    limit: number;
    offset: number;
  }): Promise<{ rows: TeamEntity[]; count: () => Promise<number> }> {
    // A raw fragment serves one query (MikroORM forgets it once used): the count makes its own.
    const where = (): FilterQuery<TeamEntity> =>
      q.search === null ? {} : 'id' in q.search ? { accountId: q.search.id } : { [raw(NAME)]: { $ilike: containsPattern(q.search.text) } };
    const dir = q.direction === 'ASC' ? QueryOrder.ASC_NULLS_LAST : QueryOrder.DESC_NULLS_LAST;
    const rows = await this.find(where(), {
      populate: TEAM_VIEW,
      orderBy: [ORDER[q.orderBy](dir), { accountId: q.direction === 'ASC' ? QueryOrder.ASC : QueryOrder.DESC }],
      limit: q.limit + 1,
      offset: q.offset,
    });
    return { rows, count: () => this.count(where()) };
  }

  /** The policy row, locked for the caller's transaction (the team's account row is not). */
  lock(teamId: string): Promise<TeamEntity | null> {
    return this.findOne({ accountId: teamId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /**
   * What a team charge needs before the engine, in one read: the policy, and the member's row when
   * they are active (the allocation itself is the engine's). Kept out of the identity map: its
   * `members` holds only that one row.
   */
  chargeContext(teamId: string, memberAccountId: string): Promise<TeamEntity | null> {
    return this.findOne(
      { accountId: teamId },
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
class TeamMemberRepository extends EntityRepository<TeamMemberEntity> {
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
    return rows.map((m) => m.team.accountId);
  }
}

/** Not expired yet, on the database's clock (as `created_at` was written). */
const unexpired = (ttlDays: number): FilterQuery<TeamInvitationEntity> => ({
  createdAt: { $gt: raw('now() - make_interval(days => ?::int)', [ttlDays]) },
});

/**
 * Queries on `team_invitations`. A row older than the TTL is an expired invitation: it is not
 * pending, and inviting the account again renews it.
 */
class TeamInvitationRepository extends EntityRepository<TeamInvitationEntity> {
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
        populate: ['team.name'],
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
