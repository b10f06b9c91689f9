import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import { DomainError, notFound } from '../shared/errors.js';
import type { TeamEntity } from './team.entities.js';
import { teamMembers, teams } from './teams.repository.js';

/**
 * A change to a team by one of its OWNERs or an ADMIN, in one transaction: the team's policy row
 * is locked first, so the changes of one team run one at a time.
 */
export function changeTeam<T>(
  em: EntityManager,
  actor: Principal,
  teamId: string,
  fn: (em: EntityManager, team: TeamEntity) => Promise<T>,
): Promise<T> {
  return em.transactional(async (tem) => {
    const team = await teams(tem).lock(teamId);
    if (!team) throw notFound(`Team ${teamId} not found`);
    const member = actor.accountId ? await teamMembers(tem).member(teamId, actor.accountId) : null;
    authorize(actor, 'team.manage', { accountId: teamId, teamRole: member && !member.removedAt ? member.role : null });
    return fn(tem, team);
  });
}

/** Inside the change's transaction: the active OWNERs other than `leaving` stay locked until it ends. */
export async function keepAnOwner(em: EntityManager, teamId: string, leaving: string): Promise<void> {
  if ((await teamMembers(em).lockOtherOwners(teamId, leaving)) === 0) {
    throw new DomainError('CONFLICT', 'A team keeps at least one OWNER: make another member OWNER first');
  }
}
