import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection.js';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { formatMicroUsd, formatMillicredits } from '../money/money.js';
import type { Team, TeamMember, TeamMemberStatus, TeamPolicy, TeamRole, TeamSpendRow } from './teams.types.js';
import { IsId, OptionalText, RequiredText } from '../shared/validate.js';

export enum TeamRoleEnum {
  OWNER = 'OWNER',
  MEMBER = 'MEMBER',
}
registerEnumType(TeamRoleEnum, { name: 'TeamRole', description: 'OWNERs manage the team; every active member may charge it' });

export enum TeamMemberStatusEnum {
  ACTIVE = 'ACTIVE',
  INVITED = 'INVITED',
  REMOVED = 'REMOVED',
}
registerEnumType(TeamMemberStatusEnum, {
  name: 'TeamMemberStatus',
  description: 'ACTIVE charges the team; INVITED has not accepted yet and may do nothing; REMOVED no longer may charge it',
});

/** The team's policy as the service holds it (`TeamPolicy`), its caps named for the API. */
@ObjectType('TeamPolicy', { description: "One per team, set by its OWNERs: applies to every member's charge" })
export class TeamPolicyGql implements TeamPolicy {
  @Field(() => MillicreditsScalar, {
    name: 'requestCapMillicredits',
    nullable: true,
    description: 'Largest single charge (the proxy: worst case); null = no cap',
  })
  requestCap!: bigint | null;

  @Field(() => MillicreditsScalar, {
    name: 'sessionCapMillicredits',
    nullable: true,
    description: "Most a member's proxy session (X-Session-Id) may spend per window; null = no cap",
  })
  sessionCap!: bigint | null;

  @Field(() => Int)
  sessionWindowSeconds!: number;

  @Field(() => [String], { nullable: true, description: 'Models members may use; null = every enabled model' })
  allowedModels!: string[] | null;
}

/** A team as the service holds it (`Team`). */
@ObjectType('Team', { description: 'A shared credit account (kind TEAM): its id works wherever an account id does' })
export class TeamGql implements Team {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'IANA zone; allocation periods start at midnight on the 1st here' })
  timeZone!: string;

  @Field(() => TeamPolicyGql)
  policy!: TeamPolicyGql;

  @Field(() => Int, { description: 'Active members' })
  memberCount!: number;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('TeamConnection')
export class TeamConnectionGql extends ConnectionType('Team', TeamGql) {}

export enum TeamOrderByEnum {
  CREATED_AT = 'CREATED_AT',
  NAME = 'NAME',
  BALANCE = 'BALANCE',
  MEMBERS = 'MEMBERS',
}
registerEnumType(TeamOrderByEnum, { name: 'TeamOrderBy' });

/** A member as the service holds it (`TeamMember`), its amounts named for the API. */
@ObjectType('TeamMember')
export class TeamMemberGql implements TeamMember {
  @Field(() => ID)
  teamId!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => TeamRoleEnum)
  role!: TeamRole;

  @Field(() => MillicreditsScalar, {
    name: 'monthlyAllocationMillicredits',
    nullable: true,
    description: 'Most the member may spend from the team per period; null = no cap',
  })
  monthlyAllocation!: bigint | null;

  @Field(() => MillicreditsScalar, {
    name: 'spentThisPeriodMillicredits',
    description: 'Charged to the team by this member in the current period',
  })
  spentThisPeriod!: bigint;

  @Field(() => MillicreditsScalar, { name: 'heldMillicredits', description: "Reserved by the member's proxied calls in flight" })
  heldThisPeriod!: bigint;

  @Field(() => MillicreditsScalar, {
    name: 'remainingThisPeriodMillicredits',
    nullable: true,
    description: 'allocation - spent - held (never below zero); null = no cap',
  })
  remainingThisPeriod!: bigint | null;

  @Field(() => Date, { description: "Start of the current period in the team's time zone" })
  periodStart!: Date;

  @Field(() => Date)
  addedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Set once removed: the member can no longer charge the team' })
  removedAt!: Date | null;

  @Field(() => TeamMemberStatusEnum, { description: 'INVITED: the account has not accepted (acceptTeamInvitation) and may do nothing yet' })
  status!: TeamMemberStatus;
}

@ObjectType('TeamInvitation', {
  description: "An OWNER's invitation: the invited account joins only when it accepts with its own credentials",
})
export class TeamInvitationGql {
  @Field(() => ID)
  teamId!: string;

  @Field(() => String)
  teamName!: string;

  @Field(() => ID, { description: 'The invited account' })
  accountId!: string;

  /** The service's `TeamInvitation` is this shape already: resolvers return it as it is. */
  @Field(() => TeamRoleEnum, { description: 'The role it gets on accepting' })
  role!: TeamRole;

  @Field(() => Date)
  invitedAt!: Date;

  @Field(() => Date, { description: 'After this the invitation cannot be accepted and is no longer listed; an OWNER may invite again' })
  expiresAt!: Date;
}

@ObjectType('TeamSpendRow', { description: 'Spend of one member on one model on one day (in the team time zone)' })
export class TeamSpendRowGql {
  @Field(() => String, { description: "YYYY-MM-DD in the team's time zone" })
  day!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => String)
  model!: string;

  @Field(() => Int)
  calls!: number;

  @Field(() => MillicreditsScalar)
  chargedMillicredits!: string;

  @Field(() => String, { description: 'Provider cost (COGS) in USD' })
  costUsd!: string;

  @Field(() => String)
  inputTokens!: string;

  @Field(() => String)
  cachedInputTokens!: string;

  @Field(() => String)
  outputTokens!: string;
}

export const toTeamSpendRowGql = (r: TeamSpendRow): TeamSpendRowGql => ({
  day: r.day,
  accountId: r.accountId,
  model: r.model,
  calls: r.calls,
  chargedMillicredits: formatMillicredits(r.charged),
  costUsd: formatMicroUsd(r.costMicroUsd),
  inputTokens: r.inputTokens.toString(),
  cachedInputTokens: r.cachedInputTokens.toString(),
  outputTokens: r.outputTokens.toString(),
});

@InputType()
export class CreateTeamInput {
  @RequiredText(200)
  @Field(() => String)
  name!: string;

  @OptionalText(64)
  @Field(() => String, { nullable: true, defaultValue: 'UTC', description: 'IANA time zone name' })
  timeZone?: string | null;

  @IsId()
  @Field(() => ID, { nullable: true, description: 'ADMIN only: the first OWNER (a USER key always becomes the owner itself)' })
  ownerAccountId?: string | null;
}

@InputType()
export class SetMemberAllocationInput {
  @IsId()
  @Field(() => ID)
  teamId!: string;

  @IsId()
  @Field(() => ID)
  accountId!: string;

  @Field(() => String, { nullable: true, description: 'Millicredits per period; null = no cap' })
  monthlyAllocationMillicredits?: string | null;
}

@InputType({ description: 'Fields left out keep their value; null clears a cap (or allows every model)' })
export class SetTeamPolicyInput {
  @IsId()
  @Field(() => ID)
  teamId!: string;

  @Field(() => String, { nullable: true })
  requestCapMillicredits?: string | null;

  @Field(() => String, { nullable: true })
  sessionCapMillicredits?: string | null;

  @Field(() => Int, { nullable: true })
  sessionWindowSeconds?: number | null;

  @Field(() => [String], { nullable: true })
  allowedModels?: string[] | null;

  @RequiredText(64)
  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone periods start in; null or omitted keeps it. Members keep what they spent this month',
  })
  timeZone?: string | null;
}
