import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { inTransaction, pgCode, sqlOf, type Sql } from '../db/sql.js';
import { DomainError, badInput, notFound } from '../shared/errors.js';
import { containsPattern, windowOf, type OffsetPage } from '../shared/paging.js';
import { isUuid, optionalText, parseId, requiredText } from '../shared/validate.js';
import type { LedgerDb, Named } from '../ledger/engine.db.js';
import { AccountEntity } from './account.entity.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Read on every `me` (and per page of accounts): a prepared statement, no ORM hydration. */
const CUSTOMERS: Named = {
  name: 'cm_customer_accounts',
  text: `select id, kind, system_code, email, name, posted, pending, created_at, updated_at
           from accounts where id = any($1::uuid[]) and kind in ('CUSTOMER', 'TEAM')`,
};

const toAccount = (r: Record<string, unknown>): AccountEntity => ({
  id: r.id as string,
  kind: r.kind as AccountEntity['kind'],
  systemCode: (r.system_code as string | null) ?? null,
  email: (r.email as string | null) ?? null,
  name: (r.name as string | null) ?? null,
  posted: BigInt(r.posted as string),
  pending: BigInt(r.pending as string),
  createdAt: r.created_at as Date,
  updatedAt: r.updated_at as Date,
});

export type AccountOrder = 'CREATED_AT' | 'EMAIL' | 'NAME' | 'BALANCE';

const ORDER_COLUMN: Record<AccountOrder, string> = {
  CREATED_AT: 'created_at',
  EMAIL: 'lower(email)',
  NAME: 'lower(name)',
  BALANCE: 'posted',
};

export interface AccountListQuery {
  search?: string | null;
  orderBy: AccountOrder;
  direction: 'ASC' | 'DESC';
  limit: number;
  offset: number;
}

export interface CreateAccountInput {
  email: string;
  name?: string | null;
}

/** Work that commits or rolls back with a new account (the intro bonus, for one). */
export type AccountCreatedHook = (sql: Sql, accountId: string) => Promise<void>;

export class AccountsService {
  private readonly createdHooks: AccountCreatedHook[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly db: LedgerDb,
  ) {}

  onCreated(hook: AccountCreatedHook): void {
    this.createdHooks.push(hook);
  }

  /** A customer or team account with this id exists (system accounts never buy or recharge). */
  async isCustomer(accountId: string): Promise<boolean> {
    return (await this.em.fork().count(AccountEntity, { id: accountId, kind: { $ne: 'SYSTEM' } })) > 0;
  }

  /** Customer and team accounts (a team's id works wherever an account id does). */
  async findCustomers(ids: readonly string[]): Promise<AccountEntity[]> {
    return (await this.db.call(CUSTOMERS, [ids])).map(toAccount);
  }

  /** Customer accounts for the console: search by email, name (contains) or id (exact), any sort, with the total. */
  async list(q: AccountListQuery): Promise<OffsetPage<AccountEntity>> {
    const sql = sqlOf(this.em.fork());
    const text = q.search?.trim().slice(0, 320) ?? '';
    const conditions = [`kind = 'CUSTOMER'`];
    const params: unknown[] = [];
    if (text) {
      if (isUuid(text)) {
        conditions.push(`id = ?::uuid`);
        params.push(text.toLowerCase());
      } else {
        conditions.push(`(email ilike ? or name ilike ?)`);
        params.push(containsPattern(text), containsPattern(text));
      }
    }
    const where = conditions.join(' and ');
    const count = async () => Number((await sql.query<{ n: string }>(`select count(*) n from accounts where ${where}`, params))[0].n);
    const dir = q.direction === 'ASC' ? 'asc' : 'desc';
    const rows = await sql.query<{ id: string }>(
      `select id from accounts where ${where} order by ${ORDER_COLUMN[q.orderBy]} ${dir} nulls last, id ${dir} limit ? offset ?`,
      [...params, q.limit + 1, q.offset],
    );
    const entities = await this.findCustomers(rows.map((r) => r.id));
    const byId = new Map(entities.map((a) => [a.id, a]));
    return windowOf(
      rows.map((r) => byId.get(r.id)).filter((a): a is AccountEntity => Boolean(a)),
      q,
      count,
    );
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
        const [row] = await sql.query<{ id: string }>(`insert into accounts (kind, email, name) values ('CUSTOMER', ?, ?) returning id`, [
          email,
          name,
        ]);
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
