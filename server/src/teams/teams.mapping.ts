import type { TeamEntity, TeamInvitationEntity } from './teams.repository.js';
import type { Team, TeamInvitation, TeamPolicy } from './teams.types.js';

export const policyOf = (t: TeamEntity): TeamPolicy => ({
  requestCap: t.requestCap,
  sessionCap: t.sessionCap,
  sessionWindowSeconds: t.sessionWindowSeconds,
  allowedModels: t.allowedModels,
});

/** A team loaded with its name (`populate: TEAM_VIEW`). */
export const toTeam = (t: TeamEntity): Team => ({
  id: t.accountId,
  name: t.name ?? '',
  timeZone: t.timeZone,
  policy: policyOf(t),
  memberCount: t.memberCount ?? 0,
  createdAt: t.createdAt,
});

/** When an invitation made at `invitedAt` stops being pending. */
export const invitationExpiry = (invitedAt: Date, ttlDays: number) => new Date(invitedAt.getTime() + ttlDays * 86_400_000);

/** An invitation loaded with its team's account (`populate: ['team.name']`). */
export const toInvitation =
  (ttlDays: number) =>
  (i: TeamInvitationEntity): TeamInvitation => ({
    teamId: i.team.accountId,
    teamName: i.team.name ?? '',
    accountId: i.accountId,
    role: i.role,
    invitedAt: i.createdAt,
    expiresAt: invitationExpiry(i.createdAt, ttlDays),
  });
