import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { accountRecords } from '../accounts/accounts.service.js';
import { writeAudit } from '../audit/audit.service.js';
import { accountFor, authorize, kindOf } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import type { Clock } from '../sessions/tokens.js';
import { DomainError, badInput, notFound } from '../shared/errors.js';
import { TeamEntity, TeamMemberEntity } from './teams.repository.js';
import { changeTeam } from './team-changes.js';
import { policyOf } from './teams.mapping.js';
import { nextPolicy } from './teams.rules.js';
import type { TeamsService } from './teams.service.js';
import { isKnownTimeZone, lockAndCountTeamsCreatedToday, movePeriodsToZone } from './queries/team-queries.js';
import type { CreateTeamInput, SetTeamPolicyInput, Team } from './teams.types.js';

/** A team's creation and its policy: the caps, the allowed models and the zone its periods start in; audited. */
export class TeamPolicyService {
  constructor(
    private readonly em: EntityManager,
    private readonly teams: TeamsService,
    private readonly clock: Clock,
    /** Teams one customer account may create per UTC day (0: no cap); ADMIN is not capped. */
    private readonly teamsPerDay = 0,
  ) {}

  async create(actor: Principal, input: CreateTeamInput): Promise<Team> {
    authorize(actor, 'team.create');
    const name = input.name;
    const timeZone = input.timeZone ?? 'UTC';
    const isAdmin = kindOf(actor) === 'ADMIN';
    const named = input.ownerAccountId ?? null;
    // The caller owns the team; naming another owner needs ADMIN, and an ADMIN may leave it ownerless.
    const owner = named ? accountFor(actor, 'team.create', named) : isAdmin ? null : accountFor(actor, 'team.create', null);
    const id = await this.em.transactional(async (em) => {
      await requireTimeZone(em, timeZone);
      if (owner && !(await accountRecords.exists(em, owner, ['CUSTOMER']))) throw notFound(`Account ${owner} not found`);
      if (!isAdmin) await this.requireUnderDailyCap(em, owner!);
      const accountId = await accountRecords.createTeam(em, name);
      const team = em.create(TeamEntity, { accountId, timeZone, createdByAccountId: isAdmin ? null : owner });
      if (owner) em.create(TeamMemberEntity, { team, accountId: owner, role: 'OWNER' });
      await em.flush();
      await writeAudit(em, {
        actor,
        action: 'team.create',
        targetType: 'account',
        targetId: accountId,
        after: { name, timeZone, ownerAccountId: owner },
      });
      return accountId;
    });
    return this.teams.get(id);
  }

  /** RATE_LIMIT_EXCEEDED once the account created `teamsPerDay` teams since midnight UTC. */
  private async requireUnderDailyCap(em: EntityManager, accountId: string): Promise<void> {
    if (this.teamsPerDay <= 0) return;
    if ((await lockAndCountTeamsCreatedToday(em, accountId)) < this.teamsPerDay) return;
    throw new DomainError(
      'RATE_LIMIT_EXCEEDED',
      `An account may create at most ${this.teamsPerDay} teams per day (UTC); try again tomorrow`,
      {
        limitPerDay: this.teamsPerDay,
        retryAfterSeconds: secondsToUtcMidnight(this.clock()),
      },
    );
  }

  /** The policy, and the time zone periods start in (members keep what they spent this month). */
  async setPolicy(actor: Principal, input: SetTeamPolicyInput): Promise<Team> {
    const teamId = input.teamId;
    const timeZone = input.timeZone ?? null;
    const at = this.clock();
    await changeTeam(this.em, actor, teamId, async (em, team) => {
      const before = { ...policyOf(team), timeZone: team.timeZone };
      const next = nextPolicy(policyOf(team), input);
      if (timeZone !== null && timeZone !== team.timeZone) {
        await requireTimeZone(em, timeZone);
        // The engine takes the team's account row lock before it writes a member row: so does this.
        await accountRecords.lock(em, teamId);
        await movePeriodsToZone(em, teamId, team.timeZone, timeZone, at);
        team.timeZone = timeZone;
      }
      em.assign(team, { ...next, updatedAt: raw('now()') });
      await em.flush();
      await writeAudit(em, {
        actor,
        action: 'team.setPolicy',
        targetType: 'account',
        targetId: teamId,
        before,
        after: { ...next, timeZone: team.timeZone },
      });
    });
    return this.teams.get(teamId);
  }
}

async function requireTimeZone(em: EntityManager, timeZone: string): Promise<void> {
  if (!(await isKnownTimeZone(em, timeZone)) || !isIntlTimeZone(timeZone)) {
    throw badInput(`timeZone must be an IANA time zone name such as "Europe/Berlin" (got "${timeZone.slice(0, 64)}")`, {
      field: 'timeZone',
    });
  }
}

function isIntlTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function secondsToUtcMidnight(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}
