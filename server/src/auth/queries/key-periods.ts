import type { EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../../db/values.js';
import type { KeyLimitReset } from '../key-budget.rules.js';

/** A key's budget period at a moment: what it spent and holds in it, and when it starts over. */
export interface KeyPeriod {
  keyId: string;
  spendLimitMillicredits: bigint | null;
  limitReset: KeyLimitReset;
  spentThisPeriod: bigint;
  held: bigint;
  /** The next period's start; null for NEVER. */
  periodResetsAt: Date | null;
}

/** What `GET /v1/key` shows: the period, the key's usage by calendar window, the balance it spends. */
export interface KeyUsage extends KeyPeriod {
  label: string | null;
  usageTotal: bigint;
  usageDaily: bigint;
  usageWeekly: bigint;
  usageMonthly: bigint;
  availableMillicredits: bigint;
}

type Row = Record<string, unknown>;

/** The key's period and time zone (a team's own, else UTC), shared by every read below. */
const PERIOD = `
  from api_keys k
  left join teams t on t.account_id = coalesce(k.team_id, k.account_id)
  cross join lateral (select creditmeter_key_period_start(k.id, ?::timestamptz) as start, coalesce(t.time_zone, 'UTC') as tz) p`;

const PERIOD_COLUMNS = `k.id, k.spend_limit_millicredits, k.limit_reset, p.tz,
  case when k.period_start >= p.start then k.period_spent else 0 end as spent,
  (select coalesce(sum(h.amount), 0) from holds h where h.api_key_id = k.id and h.state = 'HELD') as held,
  ((p.start at time zone p.tz) + case k.limit_reset when 'DAILY' then interval '1 day' when 'WEEKLY' then interval '1 week'
                                                    when 'MONTHLY' then interval '1 month' end) at time zone p.tz as resets_at`;

const toPeriod = (r: Row): KeyPeriod => ({
  keyId: r.id as string,
  spendLimitMillicredits: r.spend_limit_millicredits === null ? null : toBigInt(r.spend_limit_millicredits),
  limitReset: r.limit_reset as KeyLimitReset,
  spentThisPeriod: toBigInt(r.spent),
  held: toBigInt(r.held),
  periodResetsAt: r.resets_at ? new Date(r.resets_at as string) : null,
});

export async function findKeyPeriods(em: EntityManager, keyIds: readonly string[], at: Date): Promise<KeyPeriod[]> {
  const rows = await em.execute<Row[]>(`select ${PERIOD_COLUMNS} ${PERIOD} where k.id = any(?::uuid[])`, [
    at.toISOString(),
    `{${keyIds.join(',')}}`,
  ]);
  return rows.map(toPeriod);
}

export async function findKeyUsage(em: EntityManager, keyId: string, at: Date): Promise<KeyUsage | null> {
  const [r] = await em.execute<Row[]>(
    `select ${PERIOD_COLUMNS}, k.label, u.*, a.posted - a.pending as available
       ${PERIOD}
       join accounts a on a.id = coalesce(k.team_id, k.account_id)
       cross join lateral (
         select coalesce(sum(x.charged), 0) as total,
                coalesce(sum(x.charged) filter (where x.created_at >= date_trunc('day', ?::timestamptz, p.tz)), 0) as daily,
                coalesce(sum(x.charged) filter (where x.created_at >= date_trunc('week', ?::timestamptz, p.tz)), 0) as weekly,
                coalesce(sum(x.charged) filter (where x.created_at >= date_trunc('month', ?::timestamptz, p.tz)), 0) as monthly
           from usage_records x where x.api_key_id = k.id) u
      where k.id = ?::uuid`,
    [at.toISOString(), at.toISOString(), at.toISOString(), at.toISOString(), keyId],
  );
  if (!r) return null;
  return {
    ...toPeriod(r),
    label: (r.label as string | null) ?? null,
    usageTotal: toBigInt(r.total),
    usageDaily: toBigInt(r.daily),
    usageWeekly: toBigInt(r.weekly),
    usageMonthly: toBigInt(r.monthly),
    availableMillicredits: toBigInt(r.available),
  };
}

/**
 * After a key's reset changed: its current period (under the new rule) starts now with what the
 * key was charged since that period's start, so a change never forgets or double-counts spend.
 */
export async function restartKeyPeriod(em: EntityManager, keyId: string, at: Date): Promise<void> {
  await em.execute(
    `update api_keys k
        set period_start = p.start,
            period_spent = (select coalesce(sum(u.charged), 0) from usage_records u where u.api_key_id = k.id and u.created_at >= p.start)
       from (select creditmeter_key_period_start(?::uuid, ?::timestamptz) as start) p
      where k.id = ?::uuid`,
    [keyId, at.toISOString(), keyId],
  );
}
