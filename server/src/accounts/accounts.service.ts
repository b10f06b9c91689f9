import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { inTransaction, pgCode, sqlOf, type Sql } from '../db/sql.js';
import { DomainError, badInput, notFound } from '../shared/errors.js';
import { optionalText, parseId, requiredText } from '../shared/validate.js';
import { AccountEntity } from './account.entity.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface CreateAccountInput {
  email: string;
  name?: string | null;
}

/** Work that commits or rolls back with a new account (the intro bonus, for one). */
export type AccountCreatedHook = (sql: Sql, accountId: string) => Promise<void>;

export class AccountsService {
  private readonly createdHooks: AccountCreatedHook[] = [];

  constructor(private readonly em: EntityManager) {}

  onCreated(hook: AccountCreatedHook): void {
    this.createdHooks.push(hook);
  }

  /** Customer and team accounts (a team's id works wherever an account id does). */
  async findCustomers(ids: readonly string[]): Promise<AccountEntity[]> {
    return this.em.fork().find(AccountEntity, { id: { $in: [...ids] }, kind: { $in: ['CUSTOMER', 'TEAM'] } });
  }

  async get(id: string): Promise<AccountEntity> {
    const account = await this.em.fork().findOne(AccountEntity, { id: parseId(id, 'accountId'), kind: { $in: ['CUSTOMER', 'TEAM'] } });
    if (!account) throw notFound(`Account ${id} not found`);
    return account;
  }

  async findByEmail(email: string): Promise<AccountEntity | null> {
    const rows = await sqlOf(this.em.fork()).query<{ id: string }>(
      `select id from accounts where lower(email) = lower(?) and kind = 'CUSTOMER'`,
      [email],
    );
    return rows[0] ? this.get(rows[0].id) : null;
  }

  async create(actor: Principal | null, input: CreateAccountInput): Promise<AccountEntity> {
    const email = requiredText(input.email, 'email', 320);
    if (!EMAIL.test(email)) throw badInput('email is not a valid address', { field: 'email' });
    const name = optionalText(input.name, 'name', 200);
    let id: string;
    try {
      id = await inTransaction(this.em.fork(), async (sql) => {
        const [row] = await sql.query<{ id: string }>(
          `insert into accounts (kind, email, name) values ('CUSTOMER', ?, ?) returning id`,
          [email, name],
        );
        await writeAudit(sql, {
          actor,
          action: 'account.create',
          targetType: 'account',
          targetId: row.id,
          after: { email, name },
        });
        for (const hook of this.createdHooks) await hook(sql, row.id);
        return row.id;
      });
    } catch (err) {
      if (pgCode(err) === '23505') throw new DomainError('CONFLICT', `An account with email ${email} already exists`);
      throw err;
    }
    return this.get(id);
  }
}
