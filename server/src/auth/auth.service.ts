import { createHash, randomBytes } from 'node:crypto';
import { LockMode, raw, type EntityManager } from '@mikro-orm/postgresql';
import { accountRecords } from '../accounts/accounts.service.js';
import { writeAudit } from '../audit/audit.service.js';
import { currentEm } from '../db/unit-of-work.js';
import type { EventBus } from '../shared/events/bus.js';
import { ExpiringCache, type CacheTtl } from '../shared/cache.js';
import { LimitReached, badInput, notFound, swallowed } from '../shared/errors.js';
import { optionalText, parseId } from '../shared/validate.js';
import { ApiKeyEntity } from './api-keys.repository.js';
import { parseKeyBudget, type KeyBudgetInput, type KeyLimitReset } from './key-budget.rules.js';
import { accountFor, authorize } from './policy.js';
import { ROLES, type KeyPrincipal, type Principal, type Role } from './roles.js';

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
  spendLimitMillicredits: bigint | null;
  limitReset: KeyLimitReset;
  allowedModels: string[] | null;
}

/** `lastUsedAt` is written at most this often per key. */
export const LAST_USED_INTERVAL_MS = 60_000;
/** Keys used since the last write of `lastUsedAt` are written together, at most this often: one statement for all. */
const LAST_USED_FLUSH_MS = 250;

export const toKeyInfo = (k: ApiKeyEntity): ApiKeyInfo => ({
  id: k.id,
  accountId: k.accountId,
  role: k.role,
  label: k.label,
  createdAt: k.createdAt,
  lastUsedAt: k.lastUsedAt,
  revokedAt: k.revokedAt,
  spendLimitMillicredits: k.spendLimitMillicredits,
  limitReset: k.limitReset,
  allowedModels: k.allowedModels,
});

/** What other features may read of API keys inside their own transaction `em`: the `api_keys` table stays this feature's. */
export const apiKeyRecords = {
  /** The key exists and is not revoked. */
  async isValid(em: EntityManager, id: string): Promise<boolean> {
    return (await em.count(ApiKeyEntity, { id, revokedAt: null })) > 0;
  },

  /** The keys `ids`, as the audit log names them (label or prefix, and account). */
  async labels(em: EntityManager, ids: string[]): Promise<{ id: string; accountId: string; label: string | null; keyPrefix: string }[]> {
    if (!ids.length) return [];
    return em.find(ApiKeyEntity, { id: { $in: ids } }, { fields: ['id', 'accountId', 'label', 'keyPrefix'], disableIdentityMap: true });
  },
};

/** Active (unrevoked) keys an account may hold, team keys included: docs/api.md. */
export const MAX_ACTIVE_KEYS_PER_ACCOUNT = 100;

/** Refuses a new key past the cap; the account's row is locked so two creations at once cannot both pass. */
async function requireKeyRoom(em: EntityManager, accountId: string): Promise<void> {
  await accountRecords.lock(em, accountId);
  if ((await em.getRepository(ApiKeyEntity).count({ accountId, revokedAt: null })) >= MAX_ACTIVE_KEYS_PER_ACCOUNT)
    throw new LimitReached(
      `At most ${MAX_ACTIVE_KEYS_PER_ACCOUNT} active API keys per account: revoke one first`,
      MAX_ACTIVE_KEYS_PER_ACCOUNT,
    );
}

export class AuthService {
  /** Known keys by hash (unknown ones are not cached: a new key works at once). */
  private readonly keys: ExpiringCache<string, KeyPrincipal | null>;
  /** When this instance last wrote each key's `last_used_at` (ms). */
  private readonly lastUsedWrites = new Map<string, number>();
  /** Keys whose `lastUsedAt` is due, written by the next flush. */
  private readonly usedKeys = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly events: Pick<EventBus, 'publish' | 'on'> | null = null,
    cacheTtlMs: CacheTtl = 5_000,
  ) {
    this.keys = new ExpiringCache(cacheTtlMs);
    events?.on('cacheInvalidated', (scope) => {
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
   * Never awaited: a request does not wait for it, and a failure only loses a timestamp. The keys
   * due are written together every LAST_USED_FLUSH_MS: under load one statement for many keys,
   * not one a request.
   */
  private touch(keyId: string): void {
    const now = Date.now();
    const last = this.lastUsedWrites.get(keyId);
    if (last !== undefined && now - last < LAST_USED_INTERVAL_MS) return;
    if (this.lastUsedWrites.size >= 100_000) this.lastUsedWrites.clear();
    this.lastUsedWrites.set(keyId, now);
    this.usedKeys.add(keyId);
    this.flushTimer ??= setTimeout(() => void this.flushUsedKeys(), LAST_USED_FLUSH_MS).unref();
  }

  private async flushUsedKeys(): Promise<void> {
    this.flushTimer = null;
    const ids = [...this.usedKeys];
    this.usedKeys.clear();
    if (!ids.length) return;
    await this.em
      .fork()
      .getRepository(ApiKeyEntity)
      .touch(ids, LAST_USED_INTERVAL_MS / 1000)
      .catch((err: unknown) => {
        // Only a timestamp is lost; the keys are written again on their next use.
        swallowed(err, 'auth.flushUsedKeys');
        for (const id of ids) this.lastUsedWrites.delete(id);
      });
  }

  /** Writes the keys' pending `lastUsedAt` now (shutdown: before the database goes). */
  async close(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.flushUsedKeys();
  }

  /** Keys of an account (own account; SUPPORT+ may name another), newest first, revoked ones too. */
  async list(actor: Principal, accountIdInput?: string | null): Promise<ApiKeyInfo[]> {
    const accountId = accountFor(actor, 'apiKey.list', accountIdInput);
    return (await currentEm(this.em).getRepository(ApiKeyEntity).ofAccount(accountId)).map(toKeyInfo);
  }

  /** Which of `keyIds` are still valid (not revoked): for closing a revoked key's open sockets. */
  async validKeyIds(keyIds: string[]): Promise<Set<string>> {
    if (!keyIds.length) return new Set();
    return currentEm(this.em).getRepository(ApiKeyEntity).validIds(keyIds);
  }

  /**
   * Revokes a key (its own account, or ADMIN), audited; it stops working at once on every
   * instance (cached keys are dropped through pub/sub). Revoking a revoked key changes nothing.
   */
  async revoke(actor: Principal, id: string): Promise<ApiKeyInfo> {
    const revoked = await this.em.transactional(async (em) => {
      const key = await em.getRepository(ApiKeyEntity).findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!key) throw notFound(`API key ${id} not found`);
      authorize(actor, 'apiKey.revoke', { accountId: key.accountId });
      if (key.revokedAt) return { key: toKeyInfo(key), changed: false };
      // The database's clock, like every other key timestamp; the flush reads the value back.
      key.revokedAt = raw('clock_timestamp()');
      await em.flush();
      await writeAudit(em, {
        actor,
        action: 'apiKey.revoke',
        targetType: 'apiKey',
        targetId: id,
        before: { revokedAt: null },
        after: { accountId: key.accountId, role: key.role, revokedAt: key.revokedAt!.toISOString() },
      });
      return { key: toKeyInfo(key), changed: true };
    });
    if (revoked.changed) this.keysChanged();
    return revoked.key;
  }

  /**
   * Inside the caller's transaction: revokes the keys issued to `accountId` for `teamId` (a member
   * leaving the team), each audited. The caller calls `keysChanged` once it has committed.
   */
  async revokeTeamKeys(em: EntityManager, actor: Principal, accountId: string, teamId: string): Promise<string[]> {
    const rows = await em.getRepository(ApiKeyEntity).revokeAll({ accountId, teamId });
    for (const row of rows) {
      await writeAudit(em, {
        actor,
        action: 'apiKey.revoke',
        targetType: 'apiKey',
        targetId: row.id,
        reason: 'member removed from the team',
        before: { revokedAt: null },
        after: { accountId, teamId, revokedAt: row.revokedAt.toISOString() },
      });
    }
    return rows.map((r) => r.id);
  }

  private async lookup(hash: string): Promise<KeyPrincipal | null> {
    const key = await currentEm(this.em).getRepository(ApiKeyEntity).findValid(hash);
    return key ? { keyId: key.id, accountId: key.accountId, role: key.role, teamId: key.teamId } : null;
  }

  /** After a committed change to keys (revocation, role): every instance forgets its cached keys. */
  keysChanged(): void {
    if (this.events) this.events.publish('cacheInvalidated', 'apiKeys');
    else this.keys.clear();
  }

  /** A key of `accountId`; with `teamId`, a key issued for that team (the caller checks membership). */
  async createKey(
    actor: Principal | null,
    accountIdInput: string,
    role: Role = 'USER',
    labelInput?: string | null,
    teamId: string | null = null,
    /** Runs first inside the key's transaction (the team's member check and cap); throws to refuse. */
    precondition?: (em: EntityManager) => Promise<void>,
    /** Its spend limit, reset and models; absent: no limit, NEVER, every model. */
    budgetInput: KeyBudgetInput = {},
  ): Promise<CreatedKey> {
    const accountId = parseId(accountIdInput, 'accountId');
    if (!ROLES.includes(role)) throw badInput(`role must be one of ${ROLES.join(', ')}`);
    const label = optionalText(labelInput, 'label', 100);
    const budget = parseKeyBudget(budgetInput);
    const key = generateKey();
    const id = await this.em.transactional(async (em) => {
      if (!(await accountRecords.exists(em, accountId, ['CUSTOMER']))) throw notFound(`Account ${accountId} not found`);
      await precondition?.(em);
      await requireKeyRoom(em, accountId);
      const created = em.create(ApiKeyEntity, {
        accountId,
        role,
        keyHash: hashKey(key),
        keyPrefix: key.slice(0, 7),
        label: label ?? null,
        teamId,
        spendLimitMillicredits: budget.spendLimitMillicredits ?? null,
        limitReset: budget.limitReset ?? 'NEVER',
        allowedModels: budget.allowedModels ?? null,
      } as ApiKeyEntity);
      await em.flush();
      await writeAudit(em, {
        actor,
        action: 'apiKey.create',
        targetType: 'account',
        targetId: accountId,
        after: {
          keyId: created.id,
          role,
          keyPrefix: key.slice(0, 7),
          label,
          ...(teamId ? { teamId } : {}),
          ...(budget.spendLimitMillicredits != null ? { spendLimitMillicredits: budget.spendLimitMillicredits.toString() } : {}),
          ...(budget.limitReset ? { limitReset: budget.limitReset } : {}),
          ...(budget.allowedModels ? { allowedModels: budget.allowedModels } : {}),
        },
      });
      return created.id;
    });
    return { id, key };
  }

  /**
   * Makes `key` (from BOOTSTRAP_ADMIN_KEY) work as an ADMIN key, stored hashed like every key,
   * on an operator account created on first use. A new value revokes the previous bootstrap key
   * (audited), so rotating the variable really retires the old secret.
   */
  async ensureBootstrapAdmin(key: string, email: string): Promise<{ created: boolean; retired: number }> {
    const keyHash = hashKey(key);
    const outcome = await this.em.transactional(async (em) => {
      const keys = em.getRepository(ApiKeyEntity);
      if (await keys.count({ keyHash })) return { created: false, retired: 0 };
      const accountId = await accountRecords.findOrCreateCustomer(em, email, 'Operator');
      await keys.insertUnlessKnown({
        accountId,
        role: 'ADMIN',
        keyHash,
        keyPrefix: key.slice(0, 7),
        label: 'bootstrap',
        bootstrap: true,
      });
      await writeAudit(em, { actor: null, action: 'apiKey.bootstrapAdmin', targetType: 'account', targetId: accountId });
      const previous = await keys.revokeAll({ bootstrap: true, keyHash: { $ne: keyHash } });
      for (const { id } of previous) {
        await writeAudit(em, {
          actor: null,
          action: 'apiKey.revoke',
          targetType: 'apiKey',
          targetId: id,
          reason: 'BOOTSTRAP_ADMIN_KEY changed',
        });
      }
      return { created: true, retired: previous.length };
    });
    if (outcome.retired) this.keysChanged();
    return outcome;
  }
}
