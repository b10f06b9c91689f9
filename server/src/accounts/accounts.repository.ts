import { EntityRepository, raw, type EntityManager, type FilterQuery, type QueryOrderKeys } from '@mikro-orm/postgresql';
import { containsPattern, type PageWindow } from '../shared/paging.js';
import { isUuid } from '../shared/validate.js';
import { AccountEntity } from './account.entity.js';

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

  /** The customer account with this email, compared case-insensitively by PostgreSQL's `lower`. */
  findCustomerByEmail(email: string): Promise<AccountEntity | null> {
    return this.findOne({ kind: 'CUSTOMER', [raw('lower(email)')]: raw('lower(?)', [email]) });
  }
}

export const accountsOf = (em: EntityManager) => new AccountsRepository(em, AccountEntity);
