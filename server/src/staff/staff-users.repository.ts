import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { EntityRepository, LockMode, raw } from '@mikro-orm/postgresql';
import { withXactLock } from '../db/locks.js';
import { containsPattern, type PageWindow } from '../shared/paging.js';
import type { StaffRole } from '../auth/roles.js';

/** A console user (`staff_users`); the password hash never leaves the staff and sessions modules. */
@Entity({ tableName: 'staff_users', repository: () => StaffUserRepository })
export class StaffUserEntity {
  [EntityRepositoryType]?: StaffUserRepository;

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** Unique case-insensitively (`staff_users_email_unique` on lower(email)). */
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Property({ type: 'text' })
  role!: StaffRole;

  @Property({ type: 'text', lazy: true })
  passwordHash!: string;

  @Property({ type: 'boolean', defaultRaw: 'false' })
  disabled: boolean = false;

  @Property({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}

/** Queries on `staff_users` beyond plain lookups by id. */
class StaffUserRepository extends EntityRepository<StaffUserEntity> {
  /** By email, case-insensitively, with the password hash (for sign-in only). */
  findWithCredentials(email: string): Promise<StaffUserEntity | null> {
    return this.findOne({ [raw('lower(email)')]: email.toLowerCase() }, { populate: ['passwordHash'] });
  }

  /** Email or name containing `search` (any case), ordered by email; `limit + 1` rows. */
  async search(search: string | null, window: PageWindow): Promise<{ rows: StaffUserEntity[]; count: () => Promise<number> }> {
    const pattern = search ? containsPattern(search) : null;
    const where = pattern ? { $or: [{ email: { $ilike: pattern } }, { name: { $ilike: pattern } }] } : {};
    const rows = await this.find(where, {
      orderBy: [{ [raw('lower(email)')]: 'asc' }, { id: 'asc' }],
      limit: window.limit + 1,
      offset: window.offset,
    });
    return { rows, count: () => this.count(where) };
  }

  /** Locks every ADMIN row (in id order) for the caller's transaction, so two admins demoting each other cannot leave none. */
  async lockAdmins(): Promise<void> {
    await this.find({ role: 'ADMIN' }, { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Serialises bootstrapping for the caller's transaction: instances starting together must not each see "no ADMIN yet". */
  async lockBootstrap(): Promise<void> {
    await withXactLock(this.em, 'staff_users:bootstrap');
  }

  async hasOtherActiveAdmin(leaving: string): Promise<boolean> {
    return (await this.count({ role: 'ADMIN', disabled: false, id: { $ne: leaving } })) > 0;
  }
}
