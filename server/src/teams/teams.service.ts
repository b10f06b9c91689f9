import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthService, CreatedKey } from '../auth/auth.service.js';
import { actingAccount, hasRole, ownAccountId, type Principal, type Role } from '../auth/roles.js';
import { sqlOf } from '../db/sql.js';
import { currentEm } from '../db/unit-of-work.js';
import type { Clock } from '../sessions/tokens.js';
import { badInput, forbidden, notFound, type DomainError } from '../shared/errors.js';
import { isUuid, optionalText, parseId, sameId } from '../shared/validate.js';
import type { TeamMemberEntity } from './team.entities.js';
import { policyOf, teamMembers, teams, toTeam, type TeamOrder } from './teams.repository.js';
import { TeamAllocationExceeded, chargedTeamId, isActive, refuseTeamKey, requireModelAllowed } from './teams.rules.js';
import { memberView, memberViews, spendRows } from './teams.sql.js';
import type { Team, TeamCharge, TeamMember, TeamSpendRow } from './teams.types.js';

const MAX_SPEND_RANGE_DAYS = 366;

/**
 * Teams: shared credit accounts (kind TEAM) that members spend within one policy set by the
 * team's owners. Who sees and uses a team here; membership and policy changes are
 * `TeamMembershipService` and `TeamPolicyService`; the charge itself is the ledger's, with the
 * member step (`memberSpend`) in the same transaction.
 */
export class TeamsService {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    readonly clock: Clock,
  ) {}

  async find(ids: readonly string[]): Promise<Team[]> {
    return (await teams(currentEm(this.em)).byIds(ids)).map(toTeam);
  }

  async get(idInput: string): Promise<Team> {
    const [team] = await this.find([parseId(idInput, 'teamId')]);
    if (!team) throw notFound(`Team ${idInput} not found`);
    return team;
  }

  /** Every team, for the console (SUPPORT+): name contains `search`, or the id equals it; `limit + 1` rows. */
  async list(q: { search?: string | null; orderBy: TeamOrder; direction: 'ASC' | 'DESC'; limit: number; offset: number }) {
    const text = q.search?.trim().slice(0, 200) ?? '';
    const search = !text ? null : isUuid(text) ? { id: text.toLowerCase() } : { text };
    const { rows, count } = await teams(currentEm(this.em)).search({ ...q, search });
    return { rows: rows.map(toTeam), count };
  }

  async teamsOf(accountId: string): Promise<Team[]> {
    const ids = await teamMembers(currentEm(this.em)).teamIdsOf(accountId);
    const byId = new Map((await this.find(ids)).map((t) => [t.id, t]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Owners and SUPPORT+ see every member (removed ones too); a member sees their own row. */
  async members(viewer: Principal, teamId: string): Promise<TeamMember[]> {
    const all = await memberViews(sqlOf(currentEm(this.em)), teamId, this.clock(), true);
    if (hasRole(viewer.role, 'SUPPORT')) return all;
    const own = all.find((m) => m.accountId === viewer.accountId);
    if (isActive(own ?? null) && own!.role === 'OWNER') return all;
    return own && isActive(own) ? [own] : [];
  }

  /** `team(id)`: SUPPORT+ any team, otherwise its active members; null when unknown. */
  async view(viewer: Principal, idInput: string): Promise<Team | null> {
    const id = parseId(idInput, 'id');
    const [team] = await this.find([id]);
    if (!team) return null;
    if (!hasRole(viewer.role, 'SUPPORT') && !isActive(await this.membership(id, viewer.accountId))) {
      throw forbidden('Only members of this team (or SUPPORT+) may see it');
    }
    return team;
  }

  /** Whether `viewer` may act on the team's account like its own (balance events, statements, checkout). */
  async canUseTeamAccount(viewer: Principal, accountId: string, ownersOnly: boolean): Promise<boolean> {
    const m = await this.membership(accountId, viewer.accountId);
    return isActive(m) && (!ownersOnly || m.role === 'OWNER');
  }

  /**
   * "Own account, a team I belong to, or this role": like `actingAccount`, and a team's id is in
   * reach of its active members (`ownersOnly`: its OWNERs), who use it like their own account.
   */
  async actingAccount(principal: Principal, accountId: string | null | undefined, role: Role, ownersOnly: boolean): Promise<string> {
    if (accountId !== null && accountId !== undefined && accountId !== principal.accountId) {
      const id = parseId(accountId, 'accountId');
      if (await this.canUseTeamAccount(principal, id, ownersOnly)) return id;
    }
    return actingAccount(principal, accountId, role);
  }

  /**
   * A key of the member's own account, issued for the team: its charges go to the team. Only for
   * the caller's own account as an active member; ADMIN may issue one for any active member.
   */
  async createKey(
    actor: Principal,
    teamIdInput: string,
    accountIdInput: string | null | undefined,
    label: string | null | undefined,
  ): Promise<CreatedKey> {
    refuseTeamKey(actor, 'issue keys');
    const teamId = parseId(teamIdInput, 'teamId');
    const accountId = accountIdInput ? parseId(accountIdInput, 'accountId') : ownAccountId(actor);
    if (!sameId(accountId, actor.accountId) && !hasRole(actor.role, 'ADMIN')) {
      throw forbidden("A team key is issued only to the member's own account (or by an ADMIN)");
    }
    await this.get(teamId);
    if (!isActive(await this.membership(teamId, accountId)))
      throw forbidden(`Account ${accountId} is not an active member of team ${teamId}`);
    return this.auth.createKey(actor, accountId, 'USER', optionalText(label, 'label', 100) ?? undefined, teamId);
  }

  /** Spend per member, per day (team's zone) and per model; the team's OWNERs and FINANCE+. */
  async spend(viewer: Principal, teamIdInput: string, from: Date, to: Date): Promise<TeamSpendRow[]> {
    const teamId = parseId(teamIdInput, 'teamId');
    await this.get(teamId);
    if (!hasRole(viewer.role, 'FINANCE')) {
      const m = await this.membership(teamId, viewer.accountId);
      if (!isActive(m) || m.role !== 'OWNER') throw forbidden("Only the team's OWNERs and FINANCE+ see its spend");
    }
    if (!(from instanceof Date) || !(to instanceof Date) || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) {
      throw badInput('to must be after from', { field: 'to' });
    }
    if (to.getTime() - from.getTime() > MAX_SPEND_RANGE_DAYS * 86_400_000)
      throw badInput(`The range may span at most ${MAX_SPEND_RANGE_DAYS} days`, { field: 'to' });
    return spendRows(sqlOf(currentEm(this.em)), teamId, from, to);
  }

  /**
   * Everything about a team charge that is decided before it: the team named (call or key), the
   * member active, the model inside the policy, the request under the per-request cap. The
   * allocation and the balance are decided by the charge itself. Null: not a team charge.
   */
  async prepareCharge(
    principal: Principal | null,
    memberAccountId: string,
    requestedTeamId: string | null | undefined,
    model: string,
  ): Promise<TeamCharge | null> {
    const teamId = chargedTeamId(principal, requestedTeamId);
    if (!teamId) return null;
    const at = this.clock();
    // One read: the policy and the membership. Membership first: an outsider learns nothing of the policy.
    const team = await teams(currentEm(this.em)).chargeContext(teamId, memberAccountId);
    if (!team) throw notFound(`Team ${teamId} not found`);
    if (!team.members.length) throw forbidden(`Account ${memberAccountId} is not an active member of team ${teamId}`);
    const policy = policyOf(team);
    requireModelAllowed(policy, model);
    return { teamId, memberAccountId, policy, at };
  }

  /** Why the member step refused a charge of `amount`: FORBIDDEN (removed meanwhile) or SPEND_CAP_EXCEEDED. */
  async refusal(charge: Pick<TeamCharge, 'teamId' | 'memberAccountId'>, amount: bigint): Promise<DomainError> {
    const member = await memberView(sqlOf(currentEm(this.em)), charge.teamId, charge.memberAccountId, this.clock());
    if (!isActive(member)) return forbidden(`Account ${charge.memberAccountId} is not an active member of team ${charge.teamId}`);
    return new TeamAllocationExceeded(member, amount);
  }

  /** Null for an account that never joined, and for a staff session (it has no account). */
  private async membership(teamId: string, accountId: string | null): Promise<TeamMemberEntity | null> {
    return accountId ? teamMembers(currentEm(this.em)).member(teamId, accountId) : null;
  }
}
