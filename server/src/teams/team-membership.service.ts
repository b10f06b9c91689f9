import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { AccountEntity } from '../accounts/account.entity.js';
import { writeAudit } from '../audit/audit.service.js';
import type { AuthService } from '../auth/auth.service.js';
import type { Principal } from '../auth/roles.js';
import { sqlOf } from '../db/sql.js';
import type { Clock } from '../sessions/tokens.js';
import { badInput, notFound } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import { TeamMemberEntity } from './team.entities.js';
import { changeTeam, keepAnOwner } from './team-changes.js';
import { teamMembers } from './teams.repository.js';
import { isActive, parseAllocation } from './teams.rules.js';
import { memberView } from './teams.sql.js';
import { TEAM_ROLES, type TeamMember, type TeamRole } from './teams.types.js';

/** Who is in a team, in which role and with what allocation: changed by its OWNERs or an ADMIN, audited. */
export class TeamMembershipService {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  /** Adds a member (or changes an active member's role, or brings a removed member back). */
  async addMember(actor: Principal, teamIdInput: string, accountIdInput: string, role: TeamRole = 'MEMBER'): Promise<TeamMember> {
    const teamId = parseId(teamIdInput, 'teamId');
    const accountId = parseId(accountIdInput, 'accountId');
    if (!TEAM_ROLES.includes(role)) throw badInput(`role must be one of ${TEAM_ROLES.join(', ')}`, { field: 'role' });
    const at = this.clock();
    return changeTeam(this.em, actor, teamId, async (em) => {
      if (!(await em.count(AccountEntity, { id: accountId, kind: 'CUSTOMER' })))
        throw notFound(`Account ${accountId} not found (members are customer accounts)`);
      const member = await teamMembers(em).lock(teamId, accountId);
      const before = member && (await this.view(em, teamId, accountId, at));
      if (isActive(member) && member.role === 'OWNER' && role !== 'OWNER') await keepAnOwner(em, teamId, accountId);
      if (!member) em.create(TeamMemberEntity, { team: teamId, accountId, role });
      // A removed member comes back with their spend this period still counting.
      else em.assign(member, { role, removedAt: null, ...(member.removedAt ? { addedAt: raw('now()') } : {}) });
      await em.flush();
      const after = await this.view(em, teamId, accountId, at);
      await this.audit(em, actor, 'team.addMember', teamId, before, after);
      return after;
    });
  }

  async setAllocation(
    actor: Principal,
    input: { teamId: string; accountId: string; monthlyAllocationMillicredits?: string | null },
  ): Promise<TeamMember> {
    const teamId = parseId(input.teamId, 'teamId');
    const accountId = parseId(input.accountId, 'accountId');
    const allocation = parseAllocation(input.monthlyAllocationMillicredits);
    const at = this.clock();
    return changeTeam(this.em, actor, teamId, async (em) => {
      const member = await this.lockActive(em, teamId, accountId);
      const before = await this.view(em, teamId, accountId, at);
      member.monthlyAllocation = allocation;
      await em.flush();
      const after = await this.view(em, teamId, accountId, at);
      await this.audit(em, actor, 'team.setMemberAllocation', teamId, before, after);
      return after;
    });
  }

  /**
   * Stops the member's spending at once (the charge checks the row) and revokes the keys issued to
   * them for this team, in the same transaction (audited); their history stays.
   */
  async removeMember(actor: Principal, teamIdInput: string, accountIdInput: string): Promise<TeamMember> {
    const teamId = parseId(teamIdInput, 'teamId');
    const accountId = parseId(accountIdInput, 'accountId');
    const at = this.clock();
    let revokedKeys = 0;
    const removed = await changeTeam(this.em, actor, teamId, async (em) => {
      const member = await this.lockActive(em, teamId, accountId);
      const before = await this.view(em, teamId, accountId, at);
      if (member.role === 'OWNER') await keepAnOwner(em, teamId, accountId);
      em.assign(member, { removedAt: raw('clock_timestamp()') });
      await em.flush();
      revokedKeys = (await this.auth.revokeTeamKeys(sqlOf(em), actor, accountId, teamId)).length;
      const after = await this.view(em, teamId, accountId, at);
      await this.audit(em, actor, 'team.removeMember', teamId, before, after);
      return after;
    });
    // Every instance forgets its cached keys only after the revocation is committed.
    if (revokedKeys > 0) this.auth.keysChanged();
    return removed;
  }

  private async lockActive(em: EntityManager, teamId: string, accountId: string): Promise<TeamMemberEntity> {
    const member = await teamMembers(em).lock(teamId, accountId);
    if (!isActive(member)) throw notFound(`Account ${accountId} is not an active member of team ${teamId}`);
    return member;
  }

  private async view(em: EntityManager, teamId: string, accountId: string, at: Date): Promise<TeamMember> {
    return (await memberView(sqlOf(em), teamId, accountId, at))!;
  }

  private audit(em: EntityManager, actor: Principal, action: string, teamId: string, before: TeamMember | null, after: TeamMember) {
    return writeAudit(sqlOf(em), {
      actor,
      action,
      targetType: 'account',
      targetId: teamId,
      before: before && auditView(before),
      after: auditView(after),
    });
  }
}

const auditView = (m: TeamMember) => ({
  accountId: m.accountId,
  role: m.role,
  monthlyAllocationMillicredits: m.monthlyAllocation,
  removedAt: m.removedAt,
});
