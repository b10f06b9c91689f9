import {
  ArrayType,
  BigIntType,
  Collection,
  Entity,
  Formula,
  ManyToOne,
  OneToMany,
  OneToOne,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  type Opt,
} from '@mikro-orm/core';
import { AccountEntity } from '../accounts/account.entity.js';
import type { TeamRole } from './teams.types.js';

/** A team's policy row (`teams`); its balance and name live on its account row (kind TEAM). */
@Entity({ tableName: 'teams' })
export class TeamEntity {
  [PrimaryKeyProp]?: 'account';

  @OneToOne({ entity: () => AccountEntity, primary: true, fieldName: 'account_id' })
  account!: AccountEntity;

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
@Entity({ tableName: 'team_members' })
export class TeamMemberEntity {
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
@Entity({ tableName: 'team_invitations' })
export class TeamInvitationEntity {
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
