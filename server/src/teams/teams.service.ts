import type { EntityManager } from '@mikro-orm/postgresql';
import { TeamEntity, TeamMemberEntity, type TeamOrder } from './teams.repository.js';
import type { AuthService, CreatedKey } from '../auth/auth.service.js';
import { accountFor, authorize, can, teamScoped, type Action } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import { currentEm } from '../db/unit-of-work.js';
import type { Clock } from '../sessions/tokens.js';
import { DomainError, badInput, forbidden, notFound } from '../shared/errors.js';
import { isUuid, parseId, sameId } from '../shared/validate.js';
import { policyOf, toTeam } from './teams.mapping.js';
import { TeamAllocationExceeded, chargedTeamId, isActive, requireModelAllowed } from './teams.rules.js';
import { lockMemberAndCountTeamKeys, memberView, memberViews, spendRows } from './queries/team-queries.js';
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
    /** Unrevoked keys one member may hold per team (0: no cap): each key is its own socket and subscription budget. */
    private readonly keysPerMember = 0,
  ) {}

  async find(ids: readonly string[]): Promise<Team[]> {
    return (await currentEm(this.em).getRepository(TeamEntity).byIds(ids)).map(toTeam);
  }

  async get(id: string): Promise<Team> {
    const [team] = await this.find([id]);
    if (!team) throw notFound(`Team ${id} not found`);
    return team;
  }

  /** Every team, for the console (SUPPORT+): name contains `search`, or the id equals it; `limit + 1` rows. */
  async list(q: { search?: string | null; orderBy: TeamOrder; direction: 'ASC' | 'DESC'; limit: number; offset: number }) {
    const text = q.search?.trim().slice(0, 200) ?? '';
    const search = !text ? null : isUuid(text) ? { id: text.toLowerCase() } : { text };
    const { rows, count } = await currentEm(this.em)
      .getRepository(TeamEntity)
      .search({ ...q, search });
    return { rows: rows.map(toTeam), count };
  }

  async teamsOf(accountId: string): Promise<Team[]> {
    const ids = await currentEm(this.em).getRepository(TeamMemberEntity).teamIdsOf(accountId);
    const byId = new Map((await this.find(ids)).map((t) => [t.id, t]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Owners and SUPPORT+ see every member (removed ones too); a member sees their own row. */
  async members(viewer: Principal, teamId: string): Promise<TeamMember[]> {
    const all = await memberViews(currentEm(this.em), teamId, this.clock(), true);
    const own = all.find((m) => m.accountId === viewer.accountId);
    const teamRole = own && isActive(own) ? own.role : null;
    if (can(viewer, 'team.members', { accountId: teamId, teamRole })) return all;
    return own && isActive(own) ? [own] : [];
  }

  /** `team(id)`: SUPPORT+ any team, otherwise its active members; null when unknown. */
  async view(viewer: Principal, id: string): Promise<Team | null> {
    const [team] = await this.find([id]);
    if (!team) return null;
    authorize(viewer, 'team.read', { accountId: id, teamRole: await this.teamRole(viewer, id) });
    return team;
  }

  /** The caller's standing in team `teamId` (its role as an active member), for the policy. */
  async teamRole(principal: Principal | null, teamId: string): Promise<'OWNER' | 'MEMBER' | null> {
    const m = await this.membership(teamId, principal?.accountId ?? null);
    return isActive(m) ? m.role : null;
  }

  /**
   * The account an account-scoped `action` acts on (`accountFor`), with the caller's standing in
   * the named account's team looked up when the rule lets a team's members use it like their own.
   */
  async actingAccount(principal: Principal | null, action: Action, accountIdInput: string | null | undefined): Promise<string> {
    authorize(principal, action);
    const named = accountIdInput === null || accountIdInput === undefined ? null : parseId(accountIdInput, 'accountId');
    const role = named && teamScoped(action) && !sameId(named, principal?.accountId) ? await this.teamRole(principal, named) : null;
    return accountFor(principal, action, named, role);
  }

  /**
   * A key of the member's own account, issued for the team: its charges go to the team. Only for
   * the caller's own account as an active member; ADMIN may issue one for any active member.
   */
  async createKey(
    actor: Principal,
    teamId: string,
    accountIdInput: string | null | undefined,
    label: string | null | undefined,
  ): Promise<CreatedKey> {
    // A key for someone else would act as them: only ADMIN may issue one for another member.
    const accountId = accountFor(actor, 'team.key', accountIdInput || null);
    await this.get(teamId);
    if (!isActive(await this.membership(teamId, accountId)))
      throw forbidden(`Account ${accountId} is not an active member of team ${teamId}`);
    return this.auth.createKey(actor, accountId, 'USER', label ?? undefined, teamId, (em) => this.requireKeyRoom(em, teamId, accountId));
  }

  /**
   * Inside the key's transaction, under the member row's lock (concurrent creations queue; a
   * removal, which revokes the member's keys, cannot pass between check and insert): the member
   * still active and under the cap.
   */
  private async requireKeyRoom(em: EntityManager, teamId: string, accountId: string): Promise<void> {
    const held = await lockMemberAndCountTeamKeys(em, teamId, accountId);
    if (held === null) throw forbidden(`Account ${accountId} is not an active member of team ${teamId}`);
    if (this.keysPerMember <= 0 || held < this.keysPerMember) return;
    throw new DomainError(
      'CONFLICT',
      `A member may hold at most ${this.keysPerMember} unrevoked keys for a team; revoke one (revokeApiKey) before creating another`,
      { limit: this.keysPerMember },
    );
  }

  /** Spend per member, per day (team's zone) and per model; the team's OWNERs and FINANCE+. */
  async spend(viewer: Principal, teamId: string, from: Date, to: Date): Promise<TeamSpendRow[]> {
    await this.get(teamId);
    authorize(viewer, 'team.spend', { accountId: teamId, teamRole: await this.teamRole(viewer, teamId) });
    if (!(from instanceof Date) || !(to instanceof Date) || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) {
      throw badInput('to must be after from', { field: 'to' });
    }
    if (to.getTime() - from.getTime() > MAX_SPEND_RANGE_DAYS * 86_400_000)
      throw badInput(`The range may span at most ${MAX_SPEND_RANGE_DAYS} days`, { field: 'to' });
    return spendRows(currentEm(this.em), teamId, from, to);
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
    const team = await currentEm(this.em).getRepository(TeamEntity).chargeContext(teamId, memberAccountId);
    if (!team) throw notFound(`Team ${teamId} not found`);
    if (!team.members.length) throw forbidden(`Account ${memberAccountId} is not an active member of team ${teamId}`);
    const policy = policyOf(team);
    requireModelAllowed(policy, model);
    return { teamId, memberAccountId, policy, at };
  }

  /** Why the member step refused a charge of `amount`: FORBIDDEN (removed meanwhile) or SPEND_CAP_EXCEEDED. */
  async refusal(charge: Pick<TeamCharge, 'teamId' | 'memberAccountId'>, amount: bigint): Promise<DomainError> {
    const member = await memberView(currentEm(this.em), charge.teamId, charge.memberAccountId, this.clock());
    if (!isActive(member)) return forbidden(`Account ${charge.memberAccountId} is not an active member of team ${charge.teamId}`);
    return new TeamAllocationExceeded(member, amount);
  }

  /** Null for an account that never joined, and for a staff session (it has no account). */
  private async membership(teamId: string, accountId: string | null): Promise<TeamMemberEntity | null> {
    return accountId ? currentEm(this.em).getRepository(TeamMemberEntity).member(teamId, accountId) : null;
  }
}
