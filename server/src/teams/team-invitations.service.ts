import type { EntityManager } from '@mikro-orm/postgresql';
import { TeamInvitationEntity, TeamMemberEntity } from './teams.repository.js';
import { accountFor, can } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import { currentEm } from '../db/unit-of-work.js';
import type { Clock } from '../sessions/tokens.js';
import { DomainError, notFound } from '../shared/errors.js';
import { auditMember, lockedTeam, putMember } from './team-changes.js';
import { invitationExpiry, toInvitation } from './teams.mapping.js';
import { isActive } from './teams.rules.js';
import { invitedView, memberView } from './queries/team-queries.js';
import type { TeamInvitation, TeamMember } from './teams.types.js';

/**
 * The invited account's side of joining a team: it sees its pending invitations and accepts or
 * declines them, always as its own account (its own key or Credits-page session, never a team
 * key); both answers are audited. OWNERs invite through `TeamMembershipService.addMember`.
 */
export class TeamInvitationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    /** Days an invitation stays open (TEAM_INVITATION_TTL_DAYS). */
    private readonly ttlDays: number,
  ) {}

  /** The caller's account joins the team in the invited role (a removed member comes back). */
  async accept(actor: Principal, teamId: string): Promise<TeamMember> {
    const accountId = accountFor(actor, 'team.join', null);
    const at = this.clock();
    return lockedTeam(this.em, teamId, async (em) => {
      const pending = await em.getRepository(TeamInvitationEntity).lockPending(teamId, accountId, this.ttlDays);
      if (!pending) throw await this.noInvitation(em, teamId, accountId);
      const before = await invitedView(em, teamId, accountId, at);
      await putMember(em, teamId, accountId, pending.role, await em.getRepository(TeamMemberEntity).lock(teamId, accountId));
      const after = (await memberView(em, teamId, accountId, at))!;
      await auditMember(em, actor, 'team.acceptInvitation', teamId, before, after);
      return after;
    });
  }

  /** NOT_FOUND, saying when the invitation expired if there was one. */
  private async noInvitation(em: EntityManager, teamId: string, accountId: string): Promise<DomainError> {
    const expired = await em.getRepository(TeamInvitationEntity).lock(teamId, accountId);
    if (!expired) return notFound(`There is no pending invitation to team ${teamId} for this account`);
    const expiredAt = invitationExpiry(expired.createdAt, this.ttlDays);
    return new DomainError(
      'NOT_FOUND',
      `The invitation to team ${teamId} expired at ${expiredAt.toISOString()}; a team OWNER can invite this account again`,
      { reason: 'INVITATION_EXPIRED', expiredAt: expiredAt.toISOString() },
    );
  }

  /** Drops the caller's pending invitation; false when there was none. */
  async decline(actor: Principal, teamId: string): Promise<boolean> {
    const accountId = accountFor(actor, 'team.join', null);
    const at = this.clock();
    return this.em.transactional(async (em) => {
      const pending = await em.getRepository(TeamInvitationEntity).lockPending(teamId, accountId, this.ttlDays);
      if (!pending) return false;
      const before = await invitedView(em, teamId, accountId, at);
      em.remove(pending);
      await em.flush();
      await auditMember(em, actor, 'team.declineInvitation', teamId, before, null);
      return true;
    });
  }

  /** The account's pending invitations, oldest first. */
  async pendingFor(accountId: string): Promise<TeamInvitation[]> {
    return (await currentEm(this.em).getRepository(TeamInvitationEntity).pending({ accountId }, this.ttlDays)).map(
      toInvitation(this.ttlDays),
    );
  }

  /** A team's pending invitations: its active OWNERs and SUPPORT+ see them, anyone else none. */
  async pendingOf(viewer: Principal, teamId: string): Promise<TeamInvitation[]> {
    const em = currentEm(this.em);
    const own = viewer.accountId ? await em.getRepository(TeamMemberEntity).member(teamId, viewer.accountId) : null;
    // Whoever sees every member row sees the invitations too.
    if (!can(viewer, 'team.members', { accountId: teamId, teamRole: isActive(own) ? own.role : null })) return [];
    return (await em.getRepository(TeamInvitationEntity).pending({ team: teamId }, this.ttlDays)).map(toInvitation(this.ttlDays));
  }
}
