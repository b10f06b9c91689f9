import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { writeAudit } from '../audit/audit.service.js';
import { inTransaction, sqlOf, type Sql } from '../db/sql.js';
import type { BalanceEvents } from '../ledger/balance-events.js';
import { ExpiringCache, type CacheTtl } from '../shared/cache.js';
import { badInput, forbidden, notFound } from '../shared/errors.js';
import { optionalText, parseId, sameId } from '../shared/validate.js';
import { actingAccount, hasRole, ROLES, type KeyPrincipal, type Principal, type Role } from './roles.js';

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** 256 random bits; the prefix is kept for display ("cm_3fA9…"), the key itself only as a hash. */
export const generateKey = () => `cm_${randomBytes(32).toString('base64url')}`;

export interface CreatedKey {
  id: string;
  key: string;
}

/** A key as it is listed: never the secret. */
export interface ApiKeyInfo {
  id: string;
  accountId: string;
  role: Role;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** `lastUsedAt` is written at most this often per key. */
export const LAST_USED_INTERVAL_MS = 60_000;

const KEY_COLUMNS = 'id, account_id, role, label, created_at, last_used_at, revoked_at';
type KeyRow = {
  id: string;
  account_id: string;
  role: Role;
  label: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
};
const toKeyInfo = (r: KeyRow): ApiKeyInfo => ({
  id: r.id,
  accountId: r.account_id,
  role: r.role,
  label: r.label,
  createdAt: new Date(r.created_at),
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
  revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
});

export class AuthService {
  /** Known keys by hash (unknown ones are not cached: a new key works at once). */
  private readonly keys: ExpiringCache<string, KeyPrincipal | null>;
  /** When this instance last wrote each key's `last_used_at` (ms). */
  private readonly lastUsedWrites = new Map<string, number>();

  constructor(
    private readonly em: EntityManager,
    private readonly events: Pick<BalanceEvents, 'invalidate' | 'onInvalidate'> | null = null,
    cacheTtlMs: CacheTtl = 5_000,
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
    else this.touch(principal.keyId);
    return principal;
  }

  /**
   * Records that a key was used: at most once a minute per key from this instance (in memory),
   * and the statement itself skips a row written less than a minute ago by another instance.
   * Never awaited: a request does not wait for it, and a failure only loses a timestamp.
   */
  private touch(keyId: string): void {
    const now = Date.now();
    const last = this.lastUsedWrites.get(keyId);
    if (last !== undefined && now - last < LAST_USED_INTERVAL_MS) return;
    if (this.lastUsedWrites.size >= 100_000) this.lastUsedWrites.clear();
    this.lastUsedWrites.set(keyId, now);
    sqlOf(this.em.fork())
      .query(
        `update api_keys set last_used_at = clock_timestamp()
          where id = ?::uuid and (last_used_at is null or last_used_at < clock_timestamp() - make_interval(secs => ?::int))`,
        [keyId, LAST_USED_INTERVAL_MS / 1000],
      )
      .catch(() => this.lastUsedWrites.delete(keyId));
  }

  /** Keys of an account (own account; SUPPORT+ may name another), newest first, revoked ones too. */
  async list(actor: Principal, accountIdInput?: string | null): Promise<ApiKeyInfo[]> {
    const accountId = actingAccount(actor, accountIdInput, 'SUPPORT');
    const rows = await sqlOf(this.em.fork()).query<KeyRow>(
      `select ${KEY_COLUMNS} from api_keys where account_id = ?::uuid order by created_at desc, id`,
      [accountId],
    );
    return rows.map(toKeyInfo);
  }

  /** Which of `keyIds` are still valid (not revoked): for closing a revoked key's open sockets. */
  async validKeyIds(keyIds: string[]): Promise<Set<string>> {
    if (!keyIds.length) return new Set();
    const rows = await sqlOf(this.em.fork()).query<{ id: string }>(
      `select id from api_keys where id = any(string_to_array(?, ',')::uuid[]) and revoked_at is null`,
      [keyIds.join(',')],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Revokes a key (its own account, or ADMIN), audited; it stops working at once on every
   * instance (cached keys are dropped through pub/sub). Revoking a revoked key changes nothing.
   */
  async revoke(actor: Principal, idInput: string): Promise<ApiKeyInfo> {
    const id = parseId(idInput, 'id');
    const revoked = await inTransaction(this.em.fork(), async (sql) => {
      const [row] = await sql.query<KeyRow>(`select ${KEY_COLUMNS} from api_keys where id = ?::uuid for update`, [id]);
      if (!row) throw notFound(`API key ${id} not found`);
      if (!sameId(row.account_id, actor.accountId) && !hasRole(actor.role, 'ADMIN')) {
        throw forbidden("Revoking another account's key needs the ADMIN role");
      }
      if (row.revoked_at) return { key: toKeyInfo(row), changed: false };
      const [updated] = await sql.query<KeyRow>(
        `update api_keys set revoked_at = clock_timestamp() where id = ?::uuid returning ${KEY_COLUMNS}`,
        [id],
      );
      await writeAudit(sql, {
        actor,
        action: 'apiKey.revoke',
        targetType: 'apiKey',
        targetId: id,
        before: { revokedAt: null },
        after: { accountId: updated.account_id, role: updated.role, revokedAt: new Date(updated.revoked_at!).toISOString() },
      });
      return { key: toKeyInfo(updated), changed: true };
    });
    if (revoked.changed) this.keysChanged();
    return revoked.key;
  }

  /**
   * Inside the caller's transaction: revokes the keys issued to `accountId` for `teamId` (a member
   * leaving the team), each audited. The caller calls `keysChanged` once it has committed.
   */
  async revokeTeamKeys(sql: Sql, actor: Principal, accountId: string, teamId: string): Promise<string[]> {
    const rows = await sql.query<{ id: string; revoked_at: Date }>(
      `update api_keys set revoked_at = clock_timestamp()
        where account_id = ?::uuid and team_id = ?::uuid and revoked_at is null returning id, revoked_at`,
      [accountId, teamId],
    );
    for (const row of rows) {
      await writeAudit(sql, {
        actor,
        action: 'apiKey.revoke',
        targetType: 'apiKey',
        targetId: row.id,
        reason: 'member removed from the team',
        before: { revokedAt: null },
        after: { accountId, teamId, revokedAt: new Date(row.revoked_at).toISOString() },
      });
    }
    return rows.map((r) => r.id);
  }

  private async lookup(hash: string): Promise<KeyPrincipal | null> {
    const rows = await sqlOf(this.em.fork()).query<{ id: string; account_id: string; role: Role; team_id: string | null }>(
      `select id, account_id, role, team_id from api_keys where key_hash = ? and revoked_at is null`,
      [hash],
    );
    const row = rows[0];
    return row ? { keyId: row.id, accountId: row.account_id, role: row.role, teamId: row.team_id } : null;
  }

  /** After a committed change to keys (revocation, role): every instance forgets its cached keys. */
  keysChanged(): void {
    if (this.events) this.events.invalidate('apiKeys');
    else this.keys.clear();
  }

  /** A key of `accountId`; with `teamId`, a key issued for that team (the caller checks membership). */
  async createKey(
    actor: Principal | null,
    accountIdInput: string,
    role: Role = 'USER',
    labelInput?: string | null,
    teamId: string | null = null,
  ): Promise<CreatedKey> {
    const accountId = parseId(accountIdInput, 'accountId');
    if (!ROLES.includes(role)) throw badInput(`role must be one of ${ROLES.join(', ')}`);
    const label = optionalText(labelInput, 'label', 100);
    const key = generateKey();
    const id = await inTransaction(this.em.fork(), async (sql) => {
      const exists = await sql.query(`select 1 from accounts where id = ?::uuid and kind = 'CUSTOMER'`, [accountId]);
      if (!exists.length) throw notFound(`Account ${accountId} not found`);
      const [row] = await sql.query<{ id: string }>(
        `insert into api_keys (account_id, role, key_hash, key_prefix, label, team_id) values (?::uuid, ?, ?, ?, ?, ?::uuid) returning id`,
        [accountId, role, hashKey(key), key.slice(0, 7), label ?? null, teamId],
      );
      await writeAudit(sql, {
        actor,
        action: 'apiKey.create',
        targetType: 'account',
        targetId: accountId,
        after: { keyId: row.id, role, keyPrefix: key.slice(0, 7), label, ...(teamId ? { teamId } : {}) },
      });
      return row.id;
    });
    return { id, key };
  }

  /**
   * Makes `key` (from BOOTSTRAP_ADMIN_KEY) work as an ADMIN key, stored hashed like every key,
   * on an operator account created on first use. A new value revokes the previous bootstrap key
   * (audited), so rotating the variable really retires the old secret.
   */
  async ensureBootstrapAdmin(key: string, email: string): Promise<void> {
    const retired = await inTransaction(this.em.fork(), async (sql) => {
      const known = await sql.query(`select 1 from api_keys where key_hash = ?`, [hashKey(key)]);
      if (known.length) return 0;
      let [account] = await sql.query<{ id: string }>(`select id from accounts where lower(email) = lower(?) and kind = 'CUSTOMER'`, [
        email,
      ]);
      if (!account) {
        [account] = await sql.query<{ id: string }>(
          `insert into accounts (kind, email, name) values ('CUSTOMER', ?, 'Operator') returning id`,
          [email],
        );
      }
      await sql.query(
        `insert into api_keys (account_id, role, key_hash, key_prefix, label, bootstrap) values (?::uuid, 'ADMIN', ?, ?, 'bootstrap', true) on conflict (key_hash) do nothing`,
        [account.id, hashKey(key), key.slice(0, 7)],
      );
      await writeAudit(sql, { actor: null, action: 'apiKey.bootstrapAdmin', targetType: 'account', targetId: account.id });
      const previous = await sql.query<{ id: string }>(
        `update api_keys set revoked_at = clock_timestamp() where bootstrap and key_hash <> ? and revoked_at is null returning id`,
        [hashKey(key)],
      );
      for (const { id } of previous) {
        await writeAudit(sql, {
          actor: null,
          action: 'apiKey.revoke',
          targetType: 'apiKey',
          targetId: id,
          reason: 'BOOTSTRAP_ADMIN_KEY changed',
        });
      }
      return previous.length;
    });
    if (retired) this.keysChanged();
  }
}
