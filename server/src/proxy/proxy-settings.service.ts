import type { EntityManager } from '@mikro-orm/postgresql';
import type { BalanceEvents } from '../ledger/balance-events.js';
import { ExpiringCache, type CacheTtl } from '../shared/cache.js';
import { writeAudit } from '../audit/audit.service.js';
import { inTransaction, sqlOf, toBigInt, type Sql } from '../db/sql.js';
import { currentEm } from '../db/unit-of-work.js';
import { parseMillicredits } from '../money/money.js';
import { badInput, notFound } from '../shared/errors.js';
import { authorize } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';

/** An account's proxy guardrails. Caps in millicredits; null = no cap. */
export interface ProxySettings {
  accountId: string;
  requestCap: bigint | null;
  sessionCap: bigint | null;
  sessionWindowSeconds: number;
  /** Opt-in: start a streaming call whose worst case exceeds the balance, cut at the hold. */
  streamingHolds: boolean;
  /**
   * On by default: a call the balance cannot cover in full holds what is available and caps its
   * output limit to fit (`x-creditmeter-max-tokens-capped`), instead of a 402. Off: refused.
   */
  shrinkHolds: boolean;
  /** The smallest useful output (tokens): a shrunk or streaming partial hold must cover the prompt plus this. */
  minOutputTokens: number;
  /** Requests per minute per API key (GraphQL and proxy); null = the configured default, 0 = unlimited. */
  requestsPerMinute: number | null;
}

export interface ProxySettingsInput {
  requestCapMillicredits?: string | null;
  sessionCapMillicredits?: string | null;
  sessionWindowSeconds?: number | null;
  streamingHolds?: boolean | null;
  shrinkHolds?: boolean | null;
  minOutputTokens?: number | null;
  /** ADMIN only. */
  requestsPerMinute?: number | null;
}

export const defaultProxySettings = (accountId: string): ProxySettings => ({
  accountId,
  requestCap: null,
  sessionCap: null,
  sessionWindowSeconds: 3600,
  streamingHolds: false,
  shrinkHolds: true,
  minOutputTokens: 256,
  requestsPerMinute: null,
});

type Row = {
  account_id: string;
  request_cap: string | null;
  session_cap: string | null;
  session_window_seconds: number;
  streaming_holds: boolean;
  shrink_holds: boolean;
  min_output_tokens: number;
  requests_per_minute: number | null;
};

const toSettings = (r: Row): ProxySettings => ({
  accountId: r.account_id,
  requestCap: r.request_cap === null ? null : toBigInt(r.request_cap),
  sessionCap: r.session_cap === null ? null : toBigInt(r.session_cap),
  sessionWindowSeconds: r.session_window_seconds,
  streamingHolds: r.streaming_holds,
  shrinkHolds: r.shrink_holds,
  minOutputTokens: r.min_output_tokens,
  requestsPerMinute: r.requests_per_minute,
});

function positiveCap(value: string | null | undefined, field: string, current: bigint | null): bigint | null {
  if (value === undefined) return current;
  if (value === null || value.trim() === '') return null;
  const cap = parseMillicredits(value, field);
  if (cap <= 0n) throw badInput(`${field} must be positive (or null for no cap)`, { field });
  return cap;
}

function intInRange(value: number | null | undefined, field: string, current: number, min: number, max: number): number {
  if (value === undefined || value === null) return current;
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(`${field} must be a whole number from ${min} to ${max}`, { field });
  return value;
}

export class ProxySettingsService {
  /** Per-account settings as the proxy reads them on every call (so a call costs only its hold and settle). */
  private readonly cache: ExpiringCache<string, ProxySettings>;

  constructor(
    private readonly em: EntityManager,
    private readonly events: Pick<BalanceEvents, 'invalidate' | 'onInvalidate'> | null = null,
    cacheTtlMs: CacheTtl = 5_000,
  ) {
    this.cache = new ExpiringCache(cacheTtlMs);
    events?.onInvalidate((scope) => {
      if (scope === 'proxySettings') this.cache.clear();
    });
  }

  /** The settings from memory; a change on any instance clears every instance's copy at once. */
  async cached(accountId: string): Promise<ProxySettings> {
    return this.cache.get(accountId, () => this.get(accountId));
  }

  async get(accountId: string, sql: Sql = sqlOf(currentEm(this.em))): Promise<ProxySettings> {
    const rows = await sql.query<Row>(`select * from proxy_settings where account_id = ?::uuid`, [accountId]);
    return rows[0] ? toSettings(rows[0]) : defaultProxySettings(accountId);
  }

  /** Changes only the fields given (null clears a cap); audited in the same transaction. */
  async set(actor: Principal, accountId: string, input: ProxySettingsInput): Promise<ProxySettings> {
    if (input.requestsPerMinute !== undefined) authorize(actor, 'proxy.rateLimit');
    const saved = await inTransaction(currentEm(this.em), async (sql) => {
      const exists = await sql.query(`select 1 from accounts where id = ?::uuid and kind = 'CUSTOMER' for update`, [accountId]);
      if (!exists.length) throw notFound(`Account ${accountId} not found`);
      const before = await this.get(accountId, sql);
      const next: ProxySettings = {
        accountId,
        requestCap: positiveCap(input.requestCapMillicredits, 'requestCapMillicredits', before.requestCap),
        sessionCap: positiveCap(input.sessionCapMillicredits, 'sessionCapMillicredits', before.sessionCap),
        sessionWindowSeconds: intInRange(
          input.sessionWindowSeconds,
          'sessionWindowSeconds',
          before.sessionWindowSeconds,
          1,
          31 * 24 * 3600,
        ),
        streamingHolds: input.streamingHolds ?? before.streamingHolds,
        shrinkHolds: input.shrinkHolds ?? before.shrinkHolds,
        minOutputTokens: intInRange(input.minOutputTokens, 'minOutputTokens', before.minOutputTokens, 1, 1_000_000),
        requestsPerMinute:
          input.requestsPerMinute === undefined
            ? before.requestsPerMinute
            : input.requestsPerMinute === null
              ? null
              : intInRange(input.requestsPerMinute, 'requestsPerMinute', 0, 0, 1_000_000),
      };
      await sql.query(
        `insert into proxy_settings (account_id, request_cap, session_cap, session_window_seconds, streaming_holds, shrink_holds, min_output_tokens, requests_per_minute)
         values (?::uuid, ?::bigint, ?::bigint, ?::int, ?::boolean, ?::boolean, ?::int, ?::int)
         on conflict (account_id) do update set request_cap = excluded.request_cap, session_cap = excluded.session_cap,
           session_window_seconds = excluded.session_window_seconds, streaming_holds = excluded.streaming_holds,
           shrink_holds = excluded.shrink_holds, min_output_tokens = excluded.min_output_tokens, requests_per_minute = excluded.requests_per_minute, updated_at = now()`,
        [
          accountId,
          next.requestCap?.toString() ?? null,
          next.sessionCap?.toString() ?? null,
          next.sessionWindowSeconds,
          next.streamingHolds,
          next.shrinkHolds,
          next.minOutputTokens,
          next.requestsPerMinute,
        ],
      );
      await writeAudit(sql, {
        actor,
        action: 'proxy.setSettings',
        targetType: 'account',
        targetId: accountId,
        before: { ...before },
        after: { ...next },
      });
      return next;
    });
    if (this.events) this.events.invalidate('proxySettings');
    else this.cache.clear();
    return saved;
  }
}
