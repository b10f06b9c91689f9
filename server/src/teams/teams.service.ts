import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import type { AuthService, CreatedKey } from '../auth/auth.service.js';
import { actingAccount, hasRole, ownAccountId, type Principal, type Role } from '../auth/roles.js';
import { inTransaction, sqlOf, type Sql } from '../db/sql.js';
import type { Clock } from '../sessions/tokens.js';
import { DomainError, badInput, forbidden, notFound } from '../shared/errors.js';
import { isUuid, optionalText, parseId, requiredText } from '../shared/validate.js';
import {
  countOtherOwners,
  findChargeContext,
  findMember,
  findMembers,
  findSpend,
  findTeams,
  findTeamsOfMember,
  insertTeam,
  isCustomerAccount,
  isKnownTimeZone,
  listTeams,
  lockTeam,
  markRemoved,
  moveTimeZone,
  updateAllocation,
  updatePolicy,
  upsertMember,
  type TeamOrder,
} from './teams.repository.js';
import {
  TeamAllocationExceeded,
  chargedTeamId,
  isActive,
  nextPolicy,
  parseAllocation,
  requireModelAllowed,
  requireOwnerOrAdmin,
} from './teams.rules.js';
import {
  TEAM_ROLES,
  type CreateTeamInput,
  type SetTeamPolicyInput,
  type Team,
  type TeamCharge,
  type TeamMember,
  type TeamRole,
  type TeamSpendRow,
} from './teams.types.js';

const MAX_SPEND_RANGE_DAYS = 366;

/**
 * Teams: shared credit accounts (kind TEAM) that members spend within one policy set by the
 * team's owners. Management here; the charge itself is the ledger's, with the member step
 * (`memberSpend`) in the same transaction.
 */
export class TeamsService {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    readonly clock: Clock,
  ) {}

  private sql(): Sql {
    return sqlOf(this.em.fork());
  }

  async find(ids: readonly string[]): Promise<Team[]> {
    return findTeams(this.sql(), ids);
  }

  async get(idInput: string): Promise<Team> {
    const [team] = await this.find([parseId(idInput, 'teamId')]);
    if (!team) throw notFound(`Team ${idInput} not found`);
    return team;
  }

  /** Null for an account that never joined, and for a staff session (it has no account). */
  async membership(teamId: string, accountId: string | null): Promise<TeamMember | null> {
    return accountId ? findMember(this.sql(), teamId, accountId, this.clock()) : null;
  }

  /** Every team, for the console (SUPPORT+): name contains `search`, or the id equals it; `limit + 1` rows. */
  async list(q: { search?: string | null; orderBy: TeamOrder; direction: 'ASC' | 'DESC'; limit: number; offset: number }) {
    const text = q.search?.trim().slice(0, 200) ?? '';
    const search = !text ? null : isUuid(text) ? { id: text.toLowerCase() } : { text };
    return listTeams(this.sql(), { ...q, search });
  }

  async teamsOf(accountId: string): Promise<Team[]> {
    return findTeamsOfMember(this.sql(), accountId);
  }

  /** Owners and SUPPORT+ see every member (removed ones too); a member sees their own row. */
  async members(viewer: Principal, teamId: string): Promise<TeamMember[]> {
    const all = await findMembers(this.sql(), teamId, this.clock(), true);
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

  async create(actor: Principal, input: CreateTeamInput): Promise<Team> {
    const isAdmin = hasRole(actor.role, 'ADMIN');
    if (!isAdmin && actor.role !== 'USER') throw forbidden('Teams are created by ADMIN keys or by a USER key, who becomes the owner');
    const name = requiredText(input.name, 'name', 200);
    const timeZone = optionalText(input.timeZone, 'timeZone', 64) ?? 'UTC';
    let owner: string | null = isAdmin ? null : ownAccountId(actor);
    if (input.ownerAccountId !== null && input.ownerAccountId !== undefined) {
      if (!isAdmin) throw forbidden('Only an ADMIN may name another owner');
      owner = parseId(input.ownerAccountId, 'ownerAccountId');
    }
    const id = await inTransaction(this.em.fork(), async (sql) => {
      await this.requireTimeZone(sql, timeZone);
      if (owner && !(await isCustomerAccount(sql, owner))) throw notFound(`Account ${owner} not found`);
      const teamId = await insertTeam(sql, name, timeZone);
      if (owner) await upsertMember(sql, teamId, owner, 'OWNER');
      await writeAudit(sql, {
        actor,
        action: 'team.create',
        targetType: 'account',
        targetId: teamId,
        after: { name, timeZone, ownerAccountId: owner },
      });
      return teamId;
    });
    return this.get(id);
  }

  /** Adds a member (or changes an active member's role, or brings a removed member back). */
  async addMember(actor: Principal, teamIdInput: string, accountIdInput: string, role: TeamRole = 'MEMBER'): Promise<TeamMember> {
    const teamId = parseId(teamIdInput, 'teamId');
    const accountId = parseId(accountIdInput, 'accountId');
    if (!TEAM_ROLES.includes(role)) throw badInput(`role must be one of ${TEAM_ROLES.join(', ')}`, { field: 'role' });
    return this.change(actor, teamId, async (sql, at) => {
      if (!(await isCustomerAccount(sql, accountId))) throw notFound(`Account ${accountId} not found (members are customer accounts)`);
      const before = await findMember(sql, teamId, accountId, at, true);
      if (isActive(before) && before.role === 'OWNER' && role !== 'OWNER') await this.keepAnOwner(sql, teamId, accountId);
      await upsertMember(sql, teamId, accountId, role);
      const after = (await findMember(sql, teamId, accountId, at))!;
      await writeAudit(sql, {
        actor,
        action: 'team.addMember',
        targetType: 'account',
        targetId: teamId,
        before: before && auditView(before),
        after: auditView(after),
      });
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
    return this.change(actor, teamId, async (sql, at) => {
      const before = await findMember(sql, teamId, accountId, at, true);
      if (!isActive(before)) throw notFound(`Account ${accountId} is not an active member of team ${teamId}`);
      await updateAllocation(sql, teamId, accountId, allocation);
      const after = (await findMember(sql, teamId, accountId, at))!;
      await writeAudit(sql, {
        actor,
        action: 'team.setMemberAllocation',
        targetType: 'account',
        targetId: teamId,
        before: auditView(before),
        after: auditView(after),
      });
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
    let revokedKeys = 0;
    const removed = await this.change(actor, teamId, async (sql, at) => {
      const before = await findMember(sql, teamId, accountId, at, true);
      if (!isActive(before)) throw notFound(`Account ${accountId} is not an active member of team ${teamId}`);
      if (before.role === 'OWNER') await this.keepAnOwner(sql, teamId, accountId);
      await markRemoved(sql, teamId, accountId);
      revokedKeys = (await this.auth.revokeTeamKeys(sql, actor, accountId, teamId)).length;
      const after = (await findMember(sql, teamId, accountId, at))!;
      await writeAudit(sql, {
        actor,
        action: 'team.removeMember',
        targetType: 'account',
        targetId: teamId,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
    // Every instance forgets its cached keys only after the revocation is committed.
    if (revokedKeys > 0) this.auth.keysChanged();
    return removed;
  }

  /** The policy, and the time zone periods start in (members keep what they spent this month). */
  async setPolicy(actor: Principal, input: SetTeamPolicyInput): Promise<Team> {
    const teamId = parseId(input.teamId, 'teamId');
    const timeZone = input.timeZone === undefined || input.timeZone === null ? null : requiredText(input.timeZone, 'timeZone', 64);
    await this.change(actor, teamId, async (sql, at) => {
      const team = (await lockTeam(sql, teamId))!;
      const next = nextPolicy(team.policy, input);
      if (timeZone !== null && timeZone !== team.timeZone) {
        await this.requireTimeZone(sql, timeZone);
        await moveTimeZone(sql, teamId, timeZone, at);
      }
      await updatePolicy(sql, teamId, next);
      await writeAudit(sql, {
        actor,
        action: 'team.setPolicy',
        targetType: 'account',
        targetId: teamId,
        before: { ...team.policy, timeZone: team.timeZone },
        after: { ...next, timeZone: timeZone ?? team.timeZone },
      });
    });
    return this.get(teamId);
  }

  private async requireTimeZone(sql: Sql, timeZone: string): Promise<void> {
    if (!(await isKnownTimeZone(sql, timeZone)) || !isIntlTimeZone(timeZone)) {
      throw badInput(`timeZone must be an IANA time zone name such as "Europe/Berlin" (got "${timeZone.slice(0, 64)}")`, {
        field: 'timeZone',
      });
    }
  }

  /** A key of the member's own account, issued for the team: its charges go to the team. */
  async createKey(
    actor: Principal,
    teamIdInput: string,
    accountIdInput: string | null | undefined,
    label: string | null | undefined,
  ): Promise<CreatedKey> {
    const teamId = parseId(teamIdInput, 'teamId');
    const accountId = accountIdInput ? parseId(accountIdInput, 'accountId') : ownAccountId(actor);
    await this.get(teamId);
    const member = await this.membership(teamId, accountId);
    if (accountId !== actor.accountId) requireOwnerOrAdmin(actor, await this.membership(teamId, actor.accountId));
    if (!isActive(member)) throw forbidden(`Account ${accountId} is not an active member of team ${teamId}`);
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
    return findSpend(this.sql(), teamId, from, to);
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
    const context = await findChargeContext(this.sql(), teamId, memberAccountId);
    if (!context) throw notFound(`Team ${teamId} not found`);
    if (!context.activeMember) throw forbidden(`Account ${memberAccountId} is not an active member of team ${teamId}`);
    requireModelAllowed(context.policy, model);
    return { teamId, memberAccountId, policy: context.policy, at };
  }

  /** Why the member step refused a charge of `amount`: FORBIDDEN (removed meanwhile) or SPEND_CAP_EXCEEDED. */
  async refusal(charge: Pick<TeamCharge, 'teamId' | 'memberAccountId'>, amount: bigint): Promise<DomainError> {
    const member = await findMember(this.sql(), charge.teamId, charge.memberAccountId, this.clock());
    if (!isActive(member)) return forbidden(`Account ${charge.memberAccountId} is not an active member of team ${charge.teamId}`);
    return new TeamAllocationExceeded(member, amount);
  }

  private async change<T>(actor: Principal, teamId: string, fn: (sql: Sql, at: Date) => Promise<T>): Promise<T> {
    const at = this.clock();
    return inTransaction(this.em.fork(), async (sql) => {
      if (!(await lockTeam(sql, teamId))) throw notFound(`Team ${teamId} not found`);
      requireOwnerOrAdmin(actor, actor.accountId ? await findMember(sql, teamId, actor.accountId, at) : null);
      return fn(sql, at);
    });
  }

  private async keepAnOwner(sql: Sql, teamId: string, leaving: string): Promise<void> {
    if ((await countOtherOwners(sql, teamId, leaving)) === 0) {
      throw new DomainError('CONFLICT', 'A team keeps at least one OWNER: make another member OWNER first');
    }
  }
}

const auditView = (m: TeamMember) => ({
  accountId: m.accountId,
  role: m.role,
  monthlyAllocationMillicredits: m.monthlyAllocation,
  removedAt: m.removedAt,
});

function isIntlTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
