import { Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { AccountGql } from '../accounts/accounts.graphql.js';
import type { Context } from '../graphql/context.js';
import { principalOf } from '../graphql/auth.js';
import { TeamGql, TeamInvitationGql, TeamMemberGql } from './teams.graphql.js';
import { IdArg } from '../graphql/validation.js';

/** Joining a team: the invited account answers its own invitations. */
@Resolver(() => TeamGql)
export class TeamInvitationsResolver {
  @Authorized('team.join')
  @Mutation(() => TeamMemberGql, {
    description: "The caller's own account joins the team it was invited to (in the invited role); audited. Not with a team key",
  })
  async acceptTeamInvitation(@IdArg('teamId') teamId: string, @Ctx() ctx: Context): Promise<TeamMemberGql> {
    return ctx.services.teamInvitations.accept(principalOf(ctx), teamId);
  }

  @Authorized('team.join')
  @Mutation(() => Boolean, {
    description: "Declines the caller's own pending invitation to the team; false when there was none; audited. Not with a team key",
  })
  async declineTeamInvitation(@IdArg('teamId') teamId: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.teamInvitations.decline(principalOf(ctx), teamId);
  }

  @FieldResolver(() => [TeamInvitationGql], { description: 'Pending invitations: OWNERs and SUPPORT+ see them, anyone else none' })
  async invitations(@Root() team: TeamGql, @Ctx() ctx: Context): Promise<TeamInvitationGql[]> {
    return await ctx.services.teamInvitations.pendingOf(principalOf(ctx), team.id);
  }
}

@Resolver(() => AccountGql)
export class AccountTeamInvitationsResolver {
  @FieldResolver(() => [TeamInvitationGql], { description: 'Invitations to teams this account has not answered yet, oldest first' })
  async teamInvitations(@Root() account: AccountGql, @Ctx() ctx: Context): Promise<TeamInvitationGql[]> {
    return await ctx.services.teamInvitations.pendingFor(account.id);
  }
}
