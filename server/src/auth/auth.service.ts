import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import { inTransaction, sqlOf } from '../db/sql.js';
import type { BalanceEvents } from '../ledger/balance-events.js';
import { ExpiringCache } from '../shared/cache.js';
import { badInput, notFound } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import { ROLES, type KeyPrincipal, type Principal, type Role } from './roles.js';

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** 256 random bits; the prefix is kept for display ("cm_3fA9…"), the key itself only as a hash. */
export const generateKey = () => `cm_${randomBytes(32).toString('base64url')}`;

export interface CreatedKey {
  id: string;
  key: string;
}

export class AuthService {
  /** Known keys by hash (unknown ones are not cached: a new key works at once). */
  private readonly keys: ExpiringCache<string, KeyPrincipal | null>;

  constructor(
    private readonly em: EntityManager,
    private readonly events: Pick<BalanceEvents, 'invalidate' | 'onInvalidate'> | null = null,
    cacheTtlMs = 5_000,
  ) {
    this.keys = new ExpiringCache(cacheTtlMs);
    events?.onInvalidate((scope) => {
      if (scope === 'apiKeys') this.keys.clear();
    });
  }

  /**
   * Resolves a bearer key to its principal; null for unknown or revoked keys. Served from memory;
   * a revocation anywhere (`keysChanged`) clears every instance's copy at once.
   */
  async authenticate(key: string | null | undefined): Promise<KeyPrincipal | null> {
    if (!key || key.length > 200) return null;
    const hash = hashKey(key);
    const principal = await this.keys.get(hash, () => this.lookup(hash));
    if (!principal) this.keys.forget(hash);
    return principal;
  }

  private async lookup(hash: string): Promise<KeyPrincipal | null> {
    const rows = await sqlOf(this.em.fork()).query<{ id: string; account_id: string; role: Role }>(
      `select id, account_id, role from api_keys where key_hash = ? and revoked_at is null`,
      [hash],
    );
    const row = rows[0];
    return row ? { keyId: row.id, accountId: row.account_id, role: row.role } : null;
  }

  /** After a committed change to keys (revocation, role): every instance forgets its cached keys. */
  keysChanged(): void {
    if (this.events) this.events.invalidate('apiKeys');
    else this.keys.clear();
  }

  async createKey(actor: Principal | null, accountIdInput: string, role: Role = 'USER', label?: string): Promise<CreatedKey> {
    const accountId = parseId(accountIdInput, 'accountId');
    if (!ROLES.includes(role)) throw badInput(`role must be one of ${ROLES.join(', ')}`);
    const key = generateKey();
    const id = await inTransaction(this.em.fork(), async (sql) => {
      const exists = await sql.query(`select 1 from accounts where id = ?::uuid and kind = 'CUSTOMER'`, [accountId]);
      if (!exists.length) throw notFound(`Account ${accountId} not found`);
      const [row] = await sql.query<{ id: string }>(
        `insert into api_keys (account_id, role, key_hash, key_prefix, label) values (?::uuid, ?, ?, ?, ?) returning id`,
        [accountId, role, hashKey(key), key.slice(0, 7), label ?? null],
      );
      await writeAudit(sql, {
        actor,
        action: 'apiKey.create',
        targetType: 'account',
        targetId: accountId,
        after: { keyId: row.id, role, keyPrefix: key.slice(0, 7) },
      });
      return row.id;
    });
    return { id, key };
  }

  /**
   * Makes `key` (from BOOTSTRAP_ADMIN_KEY) work as an ADMIN key, stored hashed like every key,
   * on an operator account created on first use.
   */
  async ensureBootstrapAdmin(key: string, email: string): Promise<void> {
    await inTransaction(this.em.fork(), async (sql) => {
      const known = await sql.query(`select 1 from api_keys where key_hash = ?`, [hashKey(key)]);
      if (known.length) return;
      let [account] = await sql.query<{ id: string }>(
        `select id from accounts where lower(email) = lower(?) and kind = 'CUSTOMER'`,
        [email],
      );
      if (!account) {
        [account] = await sql.query<{ id: string }>(
          `insert into accounts (kind, email, name) values ('CUSTOMER', ?, 'Operator') returning id`,
          [email],
        );
      }
      await sql.query(
        `insert into api_keys (account_id, role, key_hash, key_prefix, label) values (?::uuid, 'ADMIN', ?, ?, 'bootstrap') on conflict (key_hash) do nothing`,
        [account.id, hashKey(key), key.slice(0, 7)],
      );
      await writeAudit(sql, { actor: null, action: 'apiKey.bootstrapAdmin', targetType: 'account', targetId: account.id });
    });
  }
}
