import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { accountRecords } from '../accounts/accounts.service.js';
import type { AuthService } from '../auth/auth.service.js';
import { can } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import type { Clock } from '../sessions/tokens.js';
import { DomainError, badInput, notFound } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import { TeamInvitationEntity, TeamMemberEntity } from './teams.repository.js';
import { auditMember, changeTeam, keepAnOwner, putMember } from './team-changes.js';
import { isActive, parseAllocation } from './teams.rules.js';
import { invitedView, memberView } from './queries/team-queries.js';
import { TEAM_ROLES, type InvitationLimits, type TeamMember, type TeamRole } from './teams.types.js';

/**
 * Who is in a team, in which role and with what allocation: changed by its OWNERs or an ADMIN,
 * audited. Joining needs the member's consent (an invitation it accepts: `TeamInvitationsService`)
 * unless an ADMIN adds it.
 */
export class TeamMembershipService {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly invitations: InvitationLimits,
  ) {}

  /**
   * An ADMIN adds the account at once (or brings a removed member back). An OWNER changes an active
   * member's role at once, and otherwise invites the account: it joins only once it accepts.
   */
  async addMember(actor: Principal, teamIdInput: string, accountIdInput: string, role: TeamRole = 'MEMBER'): Promise<TeamMember> {
    const teamId = parseId(teamIdInput, 'teamId');
    const accountId = parseId(accountIdInput, 'accountId');
    if (!TEAM_ROLES.includes(role)) throw badInput(`role must be one of ${TEAM_ROLES.join(', ')}`, { field: 'role' });
    const at = this.clock();
    return changeTeam(this.em, actor, teamId, async (em) => {
      if (!(await accountRecords.exists(em, accountId, ['CUSTOMER'])))
        throw notFound(`Account ${accountId} not found (members are customer accounts)`);
      const member = await em.getRepository(TeamMemberEntity).lock(teamId, accountId);
      if (!isActive(member) && !can(actor, 'team.addWithoutConsent')) return this.invite(em, actor, teamId, accountId, role, at);
      const before = member && (await this.view(em, teamId, accountId, at));
      await putMember(em, teamId, accountId, role, member);
      const after = await this.view(em, teamId, accountId, at);
      await auditMember(em, actor, 'team.addMember', teamId, before, after);
      return after;
    });
  }

  /**
   * Inside an OWNER's change (the team locked): a new invitation, or the pending one with this
   * role; an expired one is renewed as new. Audited.
   */
  private async invite(em: EntityManager, actor: Principal, teamId: string, accountId: string, role: TeamRole, at: Date) {
    const repo = em.getRepository(TeamInvitationEntity);
    const row = await repo.lock(teamId, accountId);
    const pending = row && (await repo.lockPending(teamId, accountId, this.invitations.ttlDays));
    if (!pending) await this.requireRoomForInvitation(em, teamId);
    const before = pending && (await invitedView(em, teamId, accountId, at));
    const invitedByAccountId = actor.accountId ?? null;
    if (pending) pending.role = role;
    else if (row) em.assign(row, { role, invitedByAccountId, createdAt: raw('now()') });
    else em.create(TeamInvitationEntity, { team: teamId, accountId, role, invitedByAccountId });
    await em.flush();
    const after = (await invitedView(em, teamId, accountId, at))!;
    await auditMember(em, actor, 'team.invite', teamId, before, after);
    return after;
  }

  /** RATE_LIMIT_EXCEEDED once the team has `pendingMax` invitations waiting (so one account cannot spam invitations). */
  private async requireRoomForInvitation(em: EntityManager, teamId: string): Promise<void> {
    const { pendingMax, ttlDays } = this.invitations;
    if (pendingMax <= 0 || (await em.getRepository(TeamInvitationEntity).countPending(teamId, ttlDays)) < pendingMax) return;
    throw new DomainError(
      'RATE_LIMIT_EXCEEDED',
      `A team may have at most ${pendingMax} invitations waiting; withdraw some, or wait until they are answered or expire`,
      { limitPending: pendingMax },
    );
  }

  async setAllocation(
    actor: Principal,
    input: { teamId: string; accountId: string; monthlyAllocationMillicredits?: string | null },
  ): Promise<TeamMember> {
    const { teamId, accountId } = input;
    const allocation = parseAllocation(input.monthlyAllocationMillicredits);
    const at = this.clock();
    return changeTeam(this.em, actor, teamId, async (em) => {
      const member = await this.lockActive(em, teamId, accountId);
      const before = await this.view(em, teamId, accountId, at);
      member.monthlyAllocation = allocation;
      await em.flush();
      const after = await this.view(em, teamId, accountId, at);
      await auditMember(em, actor, 'team.setMemberAllocation', teamId, before, after);
      return after;
    });
  }

  /**
   * Stops the member's spending at once (the charge checks the row) and revokes the keys issued to
   * them for this team, in the same transaction (audited); their history stays. For an account
   * only invited, withdraws the invitation.
   */
  async removeMember(actor: Principal, teamId: string, accountId: string): Promise<TeamMember> {
    const at = this.clock();
    let revokedKeys = 0;
    const removed = await changeTeam(this.em, actor, teamId, async (em) => {
      const row = await em.getRepository(TeamMemberEntity).lock(teamId, accountId);
      if (!isActive(row)) return this.withdraw(em, actor, teamId, accountId, at);
      const before = await this.view(em, teamId, accountId, at);
      if (row.role === 'OWNER') await keepAnOwner(em, teamId, accountId);
      em.assign(row, { removedAt: raw('clock_timestamp()') });
      await em.flush();
      revokedKeys = (await this.auth.revokeTeamKeys(em, actor, accountId, teamId)).length;
      const after = await this.view(em, teamId, accountId, at);
      await auditMember(em, actor, 'team.removeMember', teamId, before, after);
      return after;
    });
    // Every instance forgets its cached keys only after the revocation is committed.
    if (revokedKeys > 0) this.auth.keysChanged();
    return removed;
  }

  /** Inside an OWNER's change: withdraws a pending invitation (audited); NOT_FOUND when there is none. */
  private async withdraw(em: EntityManager, actor: Principal, teamId: string, accountId: string, at: Date): Promise<TeamMember> {
    const pending = await em.getRepository(TeamInvitationEntity).lockPending(teamId, accountId, this.invitations.ttlDays);
    if (!pending) throw notFound(`Account ${accountId} is not an active member of team ${teamId}`);
    const before = (await invitedView(em, teamId, accountId, at))!;
    em.remove(pending);
    await em.flush();
    await auditMember(em, actor, 'team.withdrawInvitation', teamId, before, null);
    return { ...before, status: 'REMOVED', removedAt: before.removedAt ?? at };
  }

  private async lockActive(em: EntityManager, teamId: string, accountId: string): Promise<TeamMemberEntity> {
    const member = await em.getRepository(TeamMemberEntity).lock(teamId, accountId);
    if (!isActive(member)) throw notFound(`Account ${accountId} is not an active member of team ${teamId}`);
    return member;
  }

  private async view(em: EntityManager, teamId: string, accountId: string, at: Date): Promise<TeamMember> {
    return (await memberView(em, teamId, accountId, at))!;
  }
}
