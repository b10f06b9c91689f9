import { EntityRepository, raw, type EntityManager, type FilterQuery, type QueryOrderKeys } from '@mikro-orm/postgresql';
import type { LedgerDb } from '../ledger/engine.db.js';
import type { Named } from '../ledger/queries/statements.js';
import { containsPattern, type PageWindow } from '../shared/paging.js';
import { isUuid } from '../shared/validate.js';
import { AccountEntity } from './account.entity.js';

/** Stays a named prepared statement: the hot read of every `me { balance }`, planned once per connection, never hydrated. */
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

export interface AccountSearch extends PageWindow {
  /** Email or name containing it (any case), or an exact id. */
  search: string | null;
  orderBy: AccountOrder;
  direction: 'ASC' | 'DESC';
}

/** The sort key of each order; a raw fragment is made per query (MikroORM forgets one once used). */
function orderKey(order: AccountOrder): string {
  switch (order) {
    case 'CREATED_AT':
      return 'createdAt';
    case 'EMAIL':
      return raw('lower(email)');
    case 'NAME':
      return raw('lower(name)');
    case 'BALANCE':
      return 'posted';
  }
}

/** Queries on `accounts` beyond plain lookups by id. `posted` and `pending` are the ledger engine's: read here, never written. */
export class AccountsRepository extends EntityRepository<AccountEntity> {
  /** Customer and team accounts by id, on the ledger engine's pool (see CUSTOMERS). */
  static async customersOn(db: LedgerDb, ids: string[]): Promise<AccountEntity[]> {
    return (await db.call(CUSTOMERS, [ids])).map(toAccount);
  }

  /** Customer accounts matching the search, in the asked order (no value last, then id); `limit + 1` rows. */
  async search(q: AccountSearch): Promise<{ rows: AccountEntity[]; count: () => Promise<number> }> {
    const where: FilterQuery<AccountEntity> = { kind: 'CUSTOMER' };
    if (q.search && isUuid(q.search)) where.id = q.search.toLowerCase();
    else if (q.search) where.$or = [{ email: { $ilike: containsPattern(q.search) } }, { name: { $ilike: containsPattern(q.search) } }];
    const direction: QueryOrderKeys<false> = q.direction === 'ASC' ? 'asc nulls last' : 'desc nulls last';
    const rows = await this.find(where, {
      orderBy: [{ [orderKey(q.orderBy)]: direction }, { id: q.direction === 'ASC' ? 'asc' : 'desc' }],
      limit: q.limit + 1,
      offset: q.offset,
    });
    return { rows, count: () => this.count(where) };
  }

  /** The account's cached balance as committed now (never the identity map's copy: the engine writes it). */
  async balance(id: string): Promise<{ posted: bigint; pending: bigint } | null> {
    return this.findOne({ id }, { fields: ['posted', 'pending'], disableIdentityMap: true });
  }

  /** Customer and team accounts below zero, lowest first. */
  negativeBalances(limit: number): Promise<AccountEntity[]> {
    return this.find(
      { kind: { $ne: 'SYSTEM' }, posted: { $lt: 0n } },
      { orderBy: [{ posted: 'asc' }, { id: 'asc' }], limit, disableIdentityMap: true },
    );
  }

  /** The customer account with this email, compared case-insensitively by PostgreSQL's `lower`. */
  findCustomerByEmail(email: string): Promise<AccountEntity | null> {
    return this.findOne({ kind: 'CUSTOMER', [raw('lower(email)')]: raw('lower(?)', [email]) });
  }
}

export const accountsOf = (em: EntityManager) => new AccountsRepository(em, AccountEntity);
