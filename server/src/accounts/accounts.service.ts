import { LockMode, raw, type EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { pgCode } from '../db/values.js';
import { currentEm } from '../db/unit-of-work.js';
import { DomainError, badInput, notFound } from '../shared/errors.js';
import { windowOf, type OffsetPage } from '../shared/paging.js';
import { optionalText, parseId, requiredText } from '../shared/validate.js';
import type { LedgerDb } from '../ledger/engine.db.js';
import { AccountEntity, AccountsRepository, type AccountOrder } from './accounts.repository.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What another feature may read of an account's balance row. */
export type AccountBalanceRow = Pick<AccountEntity, 'id' | 'email' | 'posted' | 'pending' | 'updatedAt'>;

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
export type AccountCreatedHook = (em: EntityManager, accountId: string) => Promise<void>;

/**
 * The door other features use inside their own transaction `em` (a key's, a team's, a portal
 * link's): the `accounts` table stays this feature's, read and written only here.
 */
export const accountRecords = {
  /** The account exists and is of one of `kinds`. */
  async exists(em: EntityManager, id: string, kinds: AccountEntity['kind'][]): Promise<boolean> {
    return (await em.count(AccountEntity, { id, kind: { $in: kinds } })) > 0;
  },

  /** Locks the account's row for the caller's transaction (the ledger engine takes the same lock first). */
  async lock(em: EntityManager, id: string): Promise<void> {
    await em.findOne(AccountEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['id'] });
  },

  /** The customer account with this email (any case), created with `name` when there is none; its id. */
  async findOrCreateCustomer(em: EntityManager, email: string, name: string): Promise<string> {
    const account =
      (await em.findOne(AccountEntity, { kind: 'CUSTOMER', [raw('lower(email)')]: raw('lower(?)', [email]) })) ??
      em.create(AccountEntity, { kind: 'CUSTOMER', email, name } as AccountEntity);
    await em.flush();
    return account.id;
  },

  /** A new team's account (kind TEAM: its balance and name); its id. */
  async createTeam(em: EntityManager, name: string): Promise<string> {
    const account = em.create(AccountEntity, { kind: 'TEAM', name } as AccountEntity);
    await em.flush();
    return account.id;
  },

  /** Ids of the accounts with this email, any case (the audit log's actor filter). */
  async idsWithEmail(em: EntityManager, email: string): Promise<string[]> {
    const rows = await em.find(
      AccountEntity,
      { [raw('lower(email)')]: raw('lower(?)', [email]) },
      { fields: ['id'], disableIdentityMap: true },
    );
    return rows.map((r) => r.id);
  },

  /** What each account is called in the audit log: a team's name, else "name <email>", else either. */
  async labels(em: EntityManager, ids: string[]): Promise<Map<string, { email: string | null; label: string | null }>> {
    if (!ids.length) return new Map();
    const rows = await em.find(AccountEntity, { id: { $in: ids } }, { fields: ['id', 'name', 'email', 'kind'], disableIdentityMap: true });
    return new Map(
      rows.map((a) => [
        a.id,
        {
          email: a.email ?? null,
          label: a.kind === 'TEAM' ? `Team ${a.name ?? a.id}` : a.name && a.email ? `${a.name} <${a.email}>` : (a.email ?? a.name ?? null),
        },
      ]),
    );
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class AccountsService {
  private readonly createdHooks: AccountCreatedHook[] = [];
  /**
   * Lookups begun in the same turn of the event loop (concurrent `me { balance }` reads from many
   * callers) share one statement. Nothing is cached: each batch is read after all its requests
   * arrived, so none sees a balance older than itself.
   */
  private readonly customers = new DataLoader<string, AccountEntity | null>(
    async (ids) => {
      // An id that is no uuid names no account, and must not fail the statement its batch shares.
      const valid = ids.filter((id) => UUID.test(id));
      const rows = valid.length ? await AccountsRepository.customersOn(this.db, valid) : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { cache: false, maxBatchSize: 500, batchScheduleFn: (run) => setImmediate(run) },
  );

  constructor(
    private readonly em: EntityManager,
    private readonly db: LedgerDb,
  ) {}

  onCreated(hook: AccountCreatedHook): void {
    this.createdHooks.push(hook);
  }

  /** A customer or team account with this id exists (system accounts never buy or recharge). */
  async isCustomer(accountId: string): Promise<boolean> {
    return (await currentEm(this.em).count(AccountEntity, { id: accountId, kind: { $ne: 'SYSTEM' } })) > 0;
  }

  /** Customer and team accounts (a team's id works wherever an account id does). */
  async findCustomers(ids: readonly string[]): Promise<AccountEntity[]> {
    const found = await Promise.all(ids.map((id) => this.customers.load(id)));
    return found.filter((a): a is AccountEntity => a !== null);
  }

  /** Customer accounts for the console: search by email, name (contains) or id (exact), any sort, with the total. */
  async list(q: AccountListQuery): Promise<OffsetPage<AccountEntity>> {
    const search = q.search?.trim().slice(0, 320) || null;
    const { rows, count } = await currentEm(this.em)
      .getRepository(AccountEntity)
      .search({ ...q, search });
    return windowOf(rows, q, count);
  }

  async get(id: string): Promise<AccountEntity> {
    const account = await currentEm(this.em).findOne(AccountEntity, { id: parseId(id, 'accountId'), kind: { $in: ['CUSTOMER', 'TEAM'] } });
    if (!account) throw notFound(`Account ${id} not found`);
    return account;
  }

  /** Credits free to spend now (posted less held), as committed; 0 for an unknown account. */
  async available(accountId: string): Promise<bigint> {
    const balance = await currentEm(this.em).getRepository(AccountEntity).balance(accountId);
    return balance ? balance.posted - balance.pending : 0n;
  }

  /** Accounts below zero (refunds and disputes may take a balance there), lowest first; at most `limit`. */
  async negativeBalances(limit: number): Promise<AccountBalanceRow[]> {
    return currentEm(this.em).getRepository(AccountEntity).negativeBalances(limit);
  }

  async findByEmail(email: string): Promise<AccountEntity | null> {
    return currentEm(this.em).getRepository(AccountEntity).findCustomerByEmail(email);
  }

  async create(actor: Principal | null, input: CreateAccountInput): Promise<AccountEntity> {
    const email = requiredText(input.email, 'email', 320);
    if (!EMAIL.test(email)) throw badInput('email is not a valid address', { field: 'email' });
    const name = optionalText(input.name, 'name', 200);
    try {
      return await this.em.transactional(async (em) => {
        const account = em.create(AccountEntity, { kind: 'CUSTOMER', email, name } as AccountEntity);
        await em.flush();
        await writeAudit(em, {
          actor,
          action: 'account.create',
          targetType: 'account',
          targetId: account.id,
          after: { email, name },
        });
        for (const hook of this.createdHooks) await hook(em, account.id);
        return account;
      });
    } catch (err) {
      if (pgCode(err) === '23505') throw new DomainError('CONFLICT', `An account with email ${email} already exists`);
      throw err;
    }
  }
}
