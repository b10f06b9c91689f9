import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import { authorize } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import { DomainError, notFound } from '../shared/errors.js';
import { TeamEntity, TeamInvitationEntity, TeamMemberEntity } from './teams.repository.js';
import { isActive } from './teams.rules.js';
import type { TeamMember, TeamRole } from './teams.types.js';

/**
 * A change to a team in one transaction: the team's policy row is locked first, so the changes
 * of one team (an OWNER's, an ADMIN's, or a member accepting an invitation) run one at a time.
 */
export function lockedTeam<T>(em: EntityManager, teamId: string, fn: (em: EntityManager, team: TeamEntity) => Promise<T>): Promise<T> {
  return em.transactional(async (tem) => {
    const team = await tem.getRepository(TeamEntity).lock(teamId);
    if (!team) throw notFound(`Team ${teamId} not found`);
    return fn(tem, team);
  });
}

/** A change to a team by one of its OWNERs or an ADMIN (never through a team key), in one transaction. */
export function changeTeam<T>(
  em: EntityManager,
  actor: Principal,
  teamId: string,
  fn: (em: EntityManager, team: TeamEntity) => Promise<T>,
): Promise<T> {
  authorize(actor, 'team.manage');
  return lockedTeam(em, teamId, async (tem, team) => {
    const member = actor.accountId ? await tem.getRepository(TeamMemberEntity).member(teamId, actor.accountId) : null;
    authorize(actor, 'team.manage', { accountId: teamId, teamRole: isActive(member) ? member.role : null });
    return fn(tem, team);
  });
}

/** Inside the change's transaction: the active OWNERs other than `leaving` stay locked until it ends. */
export async function keepAnOwner(em: EntityManager, teamId: string, leaving: string): Promise<void> {
  if ((await em.getRepository(TeamMemberEntity).lockOtherOwners(teamId, leaving)) === 0) {
    throw new DomainError('CONFLICT', 'A team keeps at least one OWNER: make another member OWNER first');
  }
}

/**
 * Inside a change (the member row locked by the caller): makes the account an active member in
 * `role`, and drops its pending invitation. A removed member comes back with their spend this
 * period still counting.
 */
export async function putMember(
  em: EntityManager,
  teamId: string,
  accountId: string,
  role: TeamRole,
  member: TeamMemberEntity | null,
): Promise<void> {
  if (isActive(member) && member.role === 'OWNER' && role !== 'OWNER') await keepAnOwner(em, teamId, accountId);
  if (!member) em.create(TeamMemberEntity, { team: teamId, accountId, role });
  else em.assign(member, { role, removedAt: null, ...(member.removedAt ? { addedAt: raw('now()') } : {}) });
  await em.flush();
  await em.nativeDelete(TeamInvitationEntity, { team: teamId, accountId });
}

const auditView = (m: TeamMember) => ({
  accountId: m.accountId,
  role: m.role,
  status: m.status,
  monthlyAllocationMillicredits: m.monthlyAllocation,
  removedAt: m.removedAt,
});

/** The audit row of a change to one member (or invitation) of a team, in the change's transaction. */
export function auditMember(
  em: EntityManager,
  actor: Principal,
  action: string,
  teamId: string,
  before: TeamMember | null,
  after: TeamMember | null,
): Promise<void> {
  return writeAudit(em, {
    actor,
    action,
    targetType: 'account',
    targetId: teamId,
    before: before && auditView(before),
    after: after && auditView(after),
  });
}
