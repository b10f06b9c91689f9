import { IdArg, TextArg } from '../graphql/validation.js';
import { Arg, Authorized, ID, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AccountGql, CreatedApiKeyGql } from '../accounts/accounts.graphql.js';
import { SortDirectionEnum, pageWindow, toOffsetConnection, windowOf } from '../graphql/offset-paging.js';
import type { Context } from '../graphql/context.js';
import { principalOf } from '../graphql/auth.js';
import { found } from '../graphql/errors.js';
import { BalanceGql, toBalanceGql } from '../ledger/ledger.graphql.js';
import {
  CreateTeamInput,
  SetMemberAllocationInput,
  SetTeamPolicyInput,
  TeamConnectionGql,
  TeamGql,
  TeamMemberGql,
  TeamOrderByEnum,
  TeamRoleEnum,
  TeamSpendRowGql,
  toTeamSpendRowGql,
} from './teams.graphql.js';

@Resolver(() => TeamGql)
export class TeamsResolver {
  @Authorized('team.read')
  @Query(() => TeamGql, { nullable: true, description: 'Its active members see it; SUPPORT+ any; null when unknown' })
  async team(@IdArg('id') id: string, @Ctx() ctx: Context): Promise<TeamGql | null> {
    return ctx.services.teams.view(principalOf(ctx), id);
  }

  @Authorized('team.list')
  @Query(() => TeamConnectionGql, {
    description: 'Every team (SUPPORT+): search by name (contains) or id (exact); sorted; paged by after or offset',
  })
  async teams(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('orderBy', () => TeamOrderByEnum, { defaultValue: TeamOrderByEnum.CREATED_AT }) orderBy: TeamOrderByEnum,
    @Arg('direction', () => SortDirectionEnum, { defaultValue: SortDirectionEnum.DESC }) direction: SortDirectionEnum,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
  ): Promise<TeamConnectionGql> {
    const window = pageWindow(first, after, offset);
    const { rows, count } = await ctx.services.teams.list({ search, orderBy, direction, ...window });
    return toOffsetConnection(windowOf(rows, window, count), (team) => team);
  }

  @Authorized('team.spend')
  @Query(() => [TeamSpendRowGql], {
    description: "Spend per member, per day (team's zone) and per model over [from, to): the team's OWNERs and FINANCE+",
  })
  async teamSpend(
    @IdArg('teamId') teamId: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() ctx: Context,
  ): Promise<TeamSpendRowGql[]> {
    return (await ctx.services.teams.spend(principalOf(ctx), teamId, from, to)).map(toTeamSpendRowGql);
  }

  @Authorized('team.create')
  @Mutation(() => TeamGql, { description: 'ADMIN, or a USER key (the caller becomes OWNER); audited' })
  async createTeam(@Arg('input', () => CreateTeamInput) input: CreateTeamInput, @Ctx() ctx: Context): Promise<TeamGql> {
    return ctx.services.teamPolicy.create(principalOf(ctx), input);
  }

  @Authorized('team.manage')
  @Mutation(() => TeamMemberGql, {
    description:
      "Team OWNER: invites the account (status INVITED; it joins once it calls acceptTeamInvitation), or changes an active member's role. ADMIN: adds it at once (or brings a removed member back). Audited",
  })
  async addTeamMember(
    @IdArg('teamId') teamId: string,
    @IdArg('accountId') accountId: string,
    @Arg('role', () => TeamRoleEnum, { nullable: true, defaultValue: TeamRoleEnum.MEMBER }) role: TeamRoleEnum,
    @Ctx() ctx: Context,
  ): Promise<TeamMemberGql> {
    return ctx.services.teamMembership.addMember(principalOf(ctx), teamId, accountId, role);
  }

  @Authorized('team.manage')
  @Mutation(() => TeamMemberGql, { description: 'Team OWNER or ADMIN; null allocation = no cap; audited' })
  async setMemberAllocation(
    @Arg('input', () => SetMemberAllocationInput) input: SetMemberAllocationInput,
    @Ctx() ctx: Context,
  ): Promise<TeamMemberGql> {
    return ctx.services.teamMembership.setAllocation(principalOf(ctx), input);
  }

  @Authorized('team.manage')
  @Mutation(() => TeamMemberGql, {
    description: 'Team OWNER or ADMIN; spending stops at once, history stays; withdraws a pending invitation; audited',
  })
  async removeTeamMember(
    @IdArg('teamId') teamId: string,
    @IdArg('accountId') accountId: string,
    @Ctx() ctx: Context,
  ): Promise<TeamMemberGql> {
    return ctx.services.teamMembership.removeMember(principalOf(ctx), teamId, accountId);
  }

  @Authorized('team.manage')
  @Mutation(() => TeamGql, { description: 'Team OWNER or ADMIN: caps and allowed models for every member; audited' })
  async setTeamPolicy(@Arg('input', () => SetTeamPolicyInput) input: SetTeamPolicyInput, @Ctx() ctx: Context): Promise<TeamGql> {
    return ctx.services.teamPolicy.setPolicy(principalOf(ctx), input);
  }

  @Authorized('team.key')
  @Mutation(() => CreatedApiKeyGql, {
    description:
      "A USER key of the member's own account issued for the team: its charges go to the team. Only for the caller's own account as an active member; ADMIN for any active member",
  })
  async createTeamApiKey(
    @IdArg('teamId') teamId: string,
    // An empty accountId means the caller's own account (the service reads it as omitted).
    @Arg('accountId', () => ID, { nullable: true }) accountId: string | null,
    @TextArg('label', { max: 100 }, { nullable: true }) label: string | null,
    @Ctx() ctx: Context,
  ): Promise<CreatedApiKeyGql> {
    return ctx.services.teams.createKey(principalOf(ctx), teamId, accountId, label);
  }

  @FieldResolver(() => BalanceGql)
  async balance(@Root() team: TeamGql, @Ctx() ctx: Context): Promise<BalanceGql> {
    return toBalanceGql(found(await ctx.loaders.balance.load(team.id), `Team ${team.id} not found`));
  }

  @FieldResolver(() => [TeamMemberGql], { description: 'OWNERs and SUPPORT+: everyone, removed members too; a MEMBER: their own row' })
  async members(@Root() team: TeamGql, @Ctx() ctx: Context): Promise<TeamMemberGql[]> {
    return ctx.services.teams.members(principalOf(ctx), team.id);
  }
}

@Resolver(() => TeamMemberGql)
export class TeamMemberResolver {
  /** Whoever may see the member row (the team's OWNERs, the member, SUPPORT+) may see whose it is. */
  @FieldResolver(() => String, { nullable: true, description: "The member's email, to tell members apart" })
  async email(@Root() member: TeamMemberGql, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.loaders.account.load(member.accountId))?.email ?? null;
  }
}

@Resolver(() => AccountGql)
export class AccountTeamsResolver {
  @FieldResolver(() => [TeamGql], { description: 'Teams this account is an active member of' })
  async teams(@Root() account: AccountGql, @Ctx() ctx: Context): Promise<TeamGql[]> {
    return ctx.services.teams.teamsOf(account.id);
  }
}
