import { ArrayType, BigIntType, Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { EntityRepository, raw, type FilterQuery, type QueryOrderKeys } from '@mikro-orm/postgresql';
import type { LedgerDb } from '../ledger/engine.db.js';
import type { Named } from '../ledger/queries/statements.js';
import { containsPattern, type PageWindow } from '../shared/paging.js';
import { isUuid } from '../shared/validate.js';

@Entity({ tableName: 'accounts', repository: () => AccountsRepository })
export class AccountEntity {
  [EntityRepositoryType]?: AccountsRepository;

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'text' })
  kind!: 'CUSTOMER' | 'SYSTEM' | 'TEAM';

  @Property({ type: 'text', nullable: true })
  systemCode?: string | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  name?: string | null;

  /**
   * Cached posted balance, maintained by the ledger engine in the same transaction as the
   * postings (never through the unit of work): reads that show it ask for `refresh`. No initial
   * value, so creating an account leaves it to the column's default too.
   */
  @Property({ type: new BigIntType('bigint'), defaultRaw: '0' })
  posted!: bigint;

  /** Credits held by calls in flight (the engine's too). */
  @Property({ type: new BigIntType('bigint'), defaultRaw: '0' })
  pending!: bigint;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;

  /** The low-balance alert's state: written only by notify's SQL and the accounts triggers. */
  @Property({ type: new BigIntType('bigint'), persist: false })
  lowBalanceThreshold?: bigint;

  @Property({ type: 'boolean', persist: false })
  lowBalanceThresholdCustom?: boolean;

  @Property({ type: 'boolean', persist: false })
  lowBalanceAlerted?: boolean;

  /** Every threshold, highest first, and those alerted and not yet re-armed (see the alert_thresholds migration). */
  @Property({ type: ArrayType, columnType: 'bigint[]', persist: false })
  lowBalanceThresholds?: string[];

  @Property({ type: ArrayType, columnType: 'bigint[]', persist: false })
  lowBalanceAlertedThresholds?: string[];

  /** Derived by the trigger: the highest armed threshold and the lowest alerted one (null: none). */
  @Property({ type: new BigIntType('bigint'), nullable: true, persist: false })
  lowBalanceNext?: bigint | null;

  @Property({ type: new BigIntType('bigint'), nullable: true, persist: false })
  lowBalanceRearm?: bigint | null;

  /** What was set: thresholds in millicredits and in percent of the last purchase (its credits: the base). */
  @Property({ type: ArrayType, columnType: 'bigint[]', persist: false })
  lowBalanceCreditThresholds?: string[];

  @Property({ type: ArrayType, columnType: 'int[]', persist: false })
  lowBalancePercents?: string[];

  @Property({ type: new BigIntType('bigint'), nullable: true, persist: false })
  lowBalancePercentBase?: bigint | null;
}

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
