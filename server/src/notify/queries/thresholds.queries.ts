import type { EntityManager } from '@mikro-orm/postgresql';
import type { LowBalanceSetting, Scope } from '../thresholds.rules.js';

/**
 * Low-balance thresholds and their alert state live on the rows they watch (accounts, team_members,
 * api_keys), where the balance triggers read them: set-wise SQL, the triggers' own vocabulary.
 */

const pgArray = (values: readonly (bigint | number)[]) => `{${values.join(',')}}`;

/** The SQL of a member's or a key's row: its table, its match (parameters: account id, id), when active, the percent base. */
const SCOPE_SQL = {
  member: {
    table: 'team_members',
    where: 'm.team_id = ?::uuid and m.account_id = ?::uuid',
    active: 'm.removed_at is null',
    base: 'm.monthly_allocation',
    ids: 'm.team_id as "accountId", m.account_id as "memberAccountId", null::uuid as "apiKeyId"',
  },
  key: {
    table: 'api_keys',
    where: 'm.account_id = ?::uuid and m.id = ?::uuid',
    active: 'm.revoked_at is null',
    base: 'm.spend_limit_millicredits',
    ids: 'm.account_id as "accountId", null::uuid as "memberAccountId", m.id as "apiKeyId"',
  },
} as const;

/** The percent a threshold was given in, if it was not also given in millicredits. */
const percentOf = (table: string, base: string) =>
  `case when t.value = any(${table}.low_balance_credit_thresholds) then null
        else (select min(p) from unnest(${table}.low_balance_percents) p where coalesce(${base}, 0) * p / 100 = t.value) end`;

/**
 * Moves every account that follows the default onto `threshold`, keeping an account already
 * alerted and still below it alerted (a new default is not a new crossing).
 */
export async function followDefaultThreshold(em: EntityManager, threshold: bigint): Promise<void> {
  const t = threshold.toString();
  await em.execute(
    `update accounts
        set low_balance_thresholds = array[?::bigint],
            low_balance_alerted_thresholds = case when low_balance_alerted and posted - pending < ?::bigint
                                                  then array[?::bigint] else '{}' end
      where not low_balance_threshold_custom and kind <> 'SYSTEM' and low_balance_thresholds <> array[?::bigint]`,
    [t, t, t, t],
  );
}

/** The account's first threshold and its state, or undefined when there is no such customer account. */
export async function accountSetting(em: EntityManager, accountId: string): Promise<LowBalanceSetting | undefined> {
  const [row] = await em.execute<LowBalanceSetting[]>(
    `select id as "accountId", null::uuid as "memberAccountId", null::uuid as "apiKeyId", low_balance_threshold::text as "thresholdMillicredits",
            null::int as percent, low_balance_threshold_custom as custom, coalesce(low_balance_alerted, false) as alerted
       from accounts where id = ?::uuid and kind <> 'SYSTEM'`,
    [accountId],
  );
  return row;
}

/** Every threshold of the account, highest first, each with its state; `lock` takes the row for an update. */
export async function accountThresholds(em: EntityManager, accountId: string, lock = false): Promise<LowBalanceSetting[]> {
  const rows = await em.execute<LowBalanceSetting[]>(
    `select a.id as "accountId", null::uuid as "memberAccountId", null::uuid as "apiKeyId", t.value::text as "thresholdMillicredits",
            a.low_balance_threshold_custom as custom, coalesce(t.value = any(a.low_balance_alerted_thresholds), false) as alerted,
            (${percentOf('a', 'a.low_balance_percent_base')})::int as percent
       from accounts a, unnest(a.low_balance_thresholds) with ordinality as t (value, n)
      where a.id = ?::uuid and a.kind <> 'SYSTEM'
      order by t.n${lock ? ' for update of a' : ''}`,
    [accountId],
  );
  return rows;
}

/** Sets the account's lists; none (`custom` false) returns it to the default. A percent is of the last purchase. */
export async function setAccountThresholds(em: EntityManager, accountId: string, credits: bigint[], percents: number[]): Promise<void> {
  const custom = credits.length + percents.length > 0;
  await em.execute(
    `update accounts
        set low_balance_credit_thresholds = ?::bigint[],
            low_balance_percents = ?::int[],
            low_balance_thresholds = case when ?::boolean then low_balance_effective(?::bigint[], ?::int[], low_balance_percent_base)
                                          else array[(select default_low_balance_threshold from notify_settings)] end,
            low_balance_threshold_custom = ?::boolean
      where id = ?::uuid`,
    [pgArray(credits), pgArray(percents), custom, pgArray(credits), pgArray(percents), custom, accountId],
  );
}

/** Whether the member or key is active; `lock` takes its row for an update. */
export async function scopedRowExists(em: EntityManager, scope: Scope, lock: boolean): Promise<boolean> {
  const s = SCOPE_SQL[scope.kind];
  const rows = await em.execute(`select 1 from ${s.table} m where ${s.where} and ${s.active}${lock ? ' for update' : ''}`, [
    scope.accountId,
    scope.id,
  ]);
  return rows.length > 0;
}

/** Computed from the lists (the triggers store them only while there is an allocation or a limit to watch). */
export async function scopedThresholds(em: EntityManager, scope: Scope): Promise<LowBalanceSetting[]> {
  const s = SCOPE_SQL[scope.kind];
  const rows = await em.execute<LowBalanceSetting[]>(
    `select ${s.ids}, t.value::text as "thresholdMillicredits", true as custom,
            coalesce(t.value = any(m.low_balance_alerted_thresholds) and t.value = any(m.low_balance_thresholds), false) as alerted,
            (${percentOf('m', s.base)})::int as percent
       from ${s.table} m,
            unnest(low_balance_effective(m.low_balance_credit_thresholds, m.low_balance_percents, ${s.base})) with ordinality as t (value, n)
      where ${s.where}
      order by t.n`,
    [scope.accountId, scope.id],
  );
  return rows;
}

export async function setScopedThresholds(em: EntityManager, scope: Scope, credits: bigint[], percents: number[]): Promise<void> {
  const s = SCOPE_SQL[scope.kind];
  await em.execute(
    `update ${s.table} m set low_balance_credit_thresholds = ?::bigint[], low_balance_percents = ?::int[] where ${s.where}`,
    [pgArray(credits), pgArray(percents), scope.accountId, scope.id],
  );
}
