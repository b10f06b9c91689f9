import { LockMode, raw, type EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal, StaffRole } from '../auth/roles.js';
import { pgCode } from '../db/values.js';
import { currentEm } from '../db/unit-of-work.js';
import { windowOf, type OffsetPage } from '../shared/paging.js';
import { revokeStaffSessions } from '../sessions/sessions.service.js';
import type { Clock } from '../sessions/tokens.js';
import { DomainError, notFound } from '../shared/errors.js';
import { hashPassword } from './passwords.js';
import { StaffUserEntity } from './staff-users.repository.js';
import { newPassword, staffEmail, staffRole } from './staff.rules.js';

export interface StaffUser {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
  disabled: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CreateStaffUserInput {
  email: string;
  name?: string | null;
  role: string;
  password: string;
}

export interface UpdateStaffUserInput {
  id: string;
  name?: string | null;
  role?: string | null;
  disabled?: boolean | null;
  password?: string | null;
}

const toStaffUser = (u: StaffUserEntity): StaffUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: u.disabled,
  lastSignInAt: u.lastSignInAt,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});

/** What the audit log keeps of a staff user: never the password hash. */
const auditView = (u: StaffUser) => ({ email: u.email, name: u.name, role: u.role, disabled: u.disabled });

/** Staff users of the console: created, re-roled and disabled by admins, every change audited. */
export class StaffService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    /** After a committed change that ends a user's sessions or changes their role: sockets and caches re-check. */
    private readonly sessionsChanged: () => void = () => undefined,
  ) {}

  /**
   * BOOTSTRAP_ADMIN_EMAIL / _PASSWORD: the first ADMIN, created once; later starts change nothing.
   * With another email once an ADMIN exists, nothing is created either ('adminExists'): more staff
   * are made in the console, audited, never by changing a variable.
   */
  async ensureBootstrapAdmin(email: string, password: string): Promise<'created' | 'exists' | 'adminExists'> {
    const address = staffEmail(email);
    const passwordHash = await hashPassword(newPassword(password));
    try {
      return await this.em.transactional(async (em) => {
        const users = em.getRepository(StaffUserEntity);
        await users.lockBootstrap();
        if (await users.count({ [raw('lower(email)')]: address.toLowerCase() })) return 'exists';
        if (await users.count({ role: 'ADMIN' })) return 'adminExists';
        const user = em.create(StaffUserEntity, { email: address, name: 'Administrator', role: 'ADMIN', passwordHash } as StaffUserEntity);
        await em.flush();
        await writeAudit(em, {
          actor: null,
          action: 'staffUser.bootstrap',
          targetType: 'staffUser',
          targetId: user.id,
          after: { email: address, role: 'ADMIN' },
        });
        return 'created';
      });
    } catch (err) {
      // Another instance starting at the same moment created it.
      if (pgCode(err) !== '23505') throw err;
      return 'exists';
    }
  }

  async get(id: string): Promise<StaffUser> {
    const user = await currentEm(this.em).getRepository(StaffUserEntity).findOne({ id });
    if (!user) throw notFound(`Staff user ${id} not found`);
    return toStaffUser(user);
  }

  async findMany(ids: readonly string[]): Promise<StaffUser[]> {
    if (!ids.length) return [];
    return (
      await currentEm(this.em)
        .getRepository(StaffUserEntity)
        .find({ id: { $in: [...ids] } })
    ).map(toStaffUser);
  }

  /** For sign-in only: the hash never leaves the sessions module. */
  async credentials(email: string): Promise<{ id: string; role: StaffRole; passwordHash: string; disabled: boolean } | null> {
    const user = await currentEm(this.em).getRepository(StaffUserEntity).findWithCredentials(email);
    return user ? { id: user.id, role: user.role, passwordHash: user.passwordHash, disabled: user.disabled } : null;
  }

  async list(opts: { search?: string | null; limit: number; offset: number }): Promise<OffsetPage<StaffUser>> {
    const { rows, count } = await currentEm(this.em)
      .getRepository(StaffUserEntity)
      .search(opts.search?.trim().slice(0, 200) || null, opts);
    return windowOf(rows.map(toStaffUser), opts, count);
  }

  async create(actor: Principal, input: CreateStaffUserInput): Promise<StaffUser> {
    const email = staffEmail(input.email);
    const role = staffRole(input.role);
    const name = input.name ?? null;
    const passwordHash = await hashPassword(newPassword(input.password));
    try {
      return await this.em.transactional(async (em) => {
        const entity = em.create(StaffUserEntity, { email, name, role, passwordHash } as StaffUserEntity);
        await em.flush();
        const user = toStaffUser(entity);
        await writeAudit(em, {
          actor,
          action: 'staffUser.create',
          targetType: 'staffUser',
          targetId: user.id,
          after: auditView(user),
        });
        return user;
      });
    } catch (err) {
      if (pgCode(err) === '23505') throw new DomainError('CONFLICT', `A staff user with email ${email} already exists`);
      throw err;
    }
  }

  /**
   * Role, name, disabled flag or password. Disabling or a new password ends the user's sessions
   * in the same transaction; the last active ADMIN can be neither disabled nor demoted.
   */
  async update(actor: Principal, input: UpdateStaffUserInput): Promise<StaffUser> {
    const id = input.id;
    const role = input.role == null ? null : staffRole(input.role);
    const name = input.name;
    const passwordHash = input.password == null ? null : await hashPassword(newPassword(input.password));
    const updated = await this.em.transactional(async (em) => {
      const users = em.getRepository(StaffUserEntity);
      await users.lockAdmins();
      const user = await users.findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw notFound(`Staff user ${id} not found`);
      const before = toStaffUser(user);
      const next = {
        name: name === undefined ? before.name : name,
        role: role ?? before.role,
        disabled: input.disabled ?? before.disabled,
      };
      if (before.role === 'ADMIN' && !before.disabled && (next.role !== 'ADMIN' || next.disabled) && !(await users.hasOtherActiveAdmin(id)))
        throw new DomainError('CONFLICT', 'The last active ADMIN cannot be disabled or given another role');
      const now = this.clock();
      em.assign(user, { ...next, updatedAt: now, ...(passwordHash ? { passwordHash } : {}) });
      await em.flush();
      const after = toStaffUser(user);
      const revoked = (next.disabled && !before.disabled) || passwordHash ? await revokeStaffSessions(em, id, now) : 0;
      await writeAudit(em, {
        actor,
        action: 'staffUser.update',
        targetType: 'staffUser',
        targetId: id,
        before: auditView(before),
        after: { ...auditView(after), passwordChanged: Boolean(passwordHash), sessionsRevoked: revoked },
      });
      return { after, sessionsChanged: revoked > 0 || after.role !== before.role || after.disabled !== before.disabled };
    });
    if (updated.sessionsChanged) this.sessionsChanged();
    return updated.after;
  }

  /** In the sign-in's own transaction (`em`). */
  async recordSignIn(em: EntityManager, id: string): Promise<void> {
    await em.nativeUpdate(StaffUserEntity, { id }, { lastSignInAt: this.clock() });
  }
}
