import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal, StaffRole } from '../auth/roles.js';
import { inTransaction, pgCode, sqlOf, type Sql } from '../db/sql.js';
import { containsPattern, windowOf, type OffsetPage } from '../shared/paging.js';
import { revokeStaffSessions } from '../sessions/sessions.service.js';
import type { Clock } from '../sessions/tokens.js';
import { DomainError, notFound } from '../shared/errors.js';
import { optionalText, parseId } from '../shared/validate.js';
import { hashPassword } from './passwords.js';
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

const COLUMNS = `id, email, name, role, disabled, last_sign_in_at, created_at, updated_at`;

type Row = {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
  disabled: boolean;
  last_sign_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

const toStaffUser = (r: Row): StaffUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  disabled: r.disabled,
  lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at) : null,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** What the audit log keeps of a staff user: never the password hash. */
const auditView = (u: StaffUser) => ({ email: u.email, name: u.name, role: u.role, disabled: u.disabled });

/** Staff users of the console: created, re-roled and disabled by admins, every change audited. */
export class StaffService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /** BOOTSTRAP_ADMIN_EMAIL / _PASSWORD: the first ADMIN, created once; later starts change nothing. */
  async ensureBootstrapAdmin(email: string, password: string): Promise<void> {
    const address = staffEmail(email);
    const passwordHash = await hashPassword(newPassword(password));
    await inTransaction(this.em.fork(), async (sql) => {
      const [row] = await sql.query<{ id: string }>(
        `insert into staff_users (email, name, role, password_hash) values (?, 'Administrator', 'ADMIN', ?)
         on conflict ((lower(email))) do nothing returning id`,
        [address, passwordHash],
      );
      if (row)
        await writeAudit(sql, {
          actor: null,
          action: 'staffUser.bootstrap',
          targetType: 'staffUser',
          targetId: row.id,
          after: { email: address, role: 'ADMIN' },
        });
    });
  }

  async get(id: string): Promise<StaffUser> {
    const [row] = await sqlOf(this.em.fork()).query<Row>(`select ${COLUMNS} from staff_users where id = ?::uuid`, [parseId(id)]);
    if (!row) throw notFound(`Staff user ${id} not found`);
    return toStaffUser(row);
  }

  async findMany(ids: readonly string[]): Promise<StaffUser[]> {
    if (!ids.length) return [];
    const rows = await sqlOf(this.em.fork()).query<Row>(`select ${COLUMNS} from staff_users where id = any(?::uuid[])`, [ids]);
    return rows.map(toStaffUser);
  }

  /** For sign-in only: the hash never leaves the sessions module. */
  async credentials(email: string): Promise<{ id: string; role: StaffRole; passwordHash: string; disabled: boolean } | null> {
    const [row] = await sqlOf(this.em.fork()).query<{ id: string; role: StaffRole; password_hash: string; disabled: boolean }>(
      `select id, role, password_hash, disabled from staff_users where lower(email) = lower(?)`,
      [email],
    );
    return row ? { id: row.id, role: row.role, passwordHash: row.password_hash, disabled: row.disabled } : null;
  }

  async list(opts: { search?: string | null; limit: number; offset: number }): Promise<OffsetPage<StaffUser>> {
    const sql = sqlOf(this.em.fork());
    const search = opts.search?.trim() ? containsPattern(opts.search.trim().slice(0, 200)) : null;
    const where = search ? `where email ilike ? or name ilike ?` : '';
    const params = search ? [search, search] : [];
    const count = async () => Number((await sql.query<{ n: string }>(`select count(*) n from staff_users ${where}`, params))[0].n);
    const rows = await sql.query<Row>(`select ${COLUMNS} from staff_users ${where} order by lower(email), id limit ? offset ?`, [
      ...params,
      opts.limit + 1,
      opts.offset,
    ]);
    return windowOf(rows.map(toStaffUser), opts, count);
  }

  async create(actor: Principal, input: CreateStaffUserInput): Promise<StaffUser> {
    const email = staffEmail(input.email);
    const role = staffRole(input.role);
    const name = optionalText(input.name, 'name', 200);
    const passwordHash = await hashPassword(newPassword(input.password));
    try {
      return await inTransaction(this.em.fork(), async (sql) => {
        const [row] = await sql.query<Row>(
          `insert into staff_users (email, name, role, password_hash) values (?, ?, ?, ?) returning ${COLUMNS}`,
          [email, name, role, passwordHash],
        );
        const user = toStaffUser(row);
        await writeAudit(sql, { actor, action: 'staffUser.create', targetType: 'staffUser', targetId: user.id, after: auditView(user) });
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
    const id = parseId(input.id);
    const role = input.role == null ? null : staffRole(input.role);
    const name = input.name === undefined ? undefined : optionalText(input.name, 'name', 200);
    const passwordHash = input.password == null ? null : await hashPassword(newPassword(input.password));
    return inTransaction(this.em.fork(), async (sql) => {
      // Locks every ADMIN row too, so two admins demoting each other at once cannot leave none.
      await sql.query(`select id from staff_users where role = 'ADMIN' order by id for update`);
      const [current] = await sql.query<Row>(`select ${COLUMNS} from staff_users where id = ?::uuid for update`, [id]);
      if (!current) throw notFound(`Staff user ${id} not found`);
      const before = toStaffUser(current);
      const next = {
        name: name === undefined ? before.name : name,
        role: role ?? before.role,
        disabled: input.disabled ?? before.disabled,
      };
      if (before.role === 'ADMIN' && !before.disabled && (next.role !== 'ADMIN' || next.disabled)) await this.keepOneAdmin(sql, id);
      const now = this.clock();
      const [row] = await sql.query<Row>(
        `update staff_users set name = ?, role = ?, disabled = ?, password_hash = coalesce(?, password_hash), updated_at = ?::timestamptz
          where id = ?::uuid returning ${COLUMNS}`,
        [next.name, next.role, next.disabled, passwordHash, now.toISOString(), id],
      );
      const after = toStaffUser(row);
      const revoked = (next.disabled && !before.disabled) || passwordHash ? await revokeStaffSessions(sql, id, now) : 0;
      await writeAudit(sql, {
        actor,
        action: 'staffUser.update',
        targetType: 'staffUser',
        targetId: id,
        before: auditView(before),
        after: { ...auditView(after), passwordChanged: Boolean(passwordHash), sessionsRevoked: revoked },
      });
      return after;
    });
  }

  async recordSignIn(sql: Sql, id: string): Promise<void> {
    await sql.query(`update staff_users set last_sign_in_at = ?::timestamptz where id = ?::uuid`, [this.clock().toISOString(), id]);
  }

  private async keepOneAdmin(sql: Sql, leaving: string): Promise<void> {
    const [other] = await sql.query(`select 1 from staff_users where role = 'ADMIN' and not disabled and id <> ?::uuid limit 1`, [leaving]);
    if (!other) throw new DomainError('CONFLICT', 'The last active ADMIN cannot be disabled or given another role');
  }
}
