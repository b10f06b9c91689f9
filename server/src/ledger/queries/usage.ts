import type { EntityManager } from '@mikro-orm/postgresql';
import { toUsageRecord } from '../engine.js';
import type { UsageRecord } from '../../usage/usage.types.js';

/* The usage rows (the engine's table) as the usage feature reads them, through LedgerService. */

type UsageRow = Record<string, unknown>;

/** A client's earlier usage row under `key` (never one of the proxy's settle rows). */
export async function findUsageByKey(em: EntityManager, accountId: string, key: string): Promise<UsageRecord | null> {
  const rows = await em.execute<UsageRow[]>(
    `select * from usage_records where account_id = ?::uuid and key_scope = 'client' and idempotency_key = ?`,
    [accountId, key],
  );
  return rows[0] ? toUsageRecord(rows[0]) : null;
}

export async function countUsage(em: EntityManager, accountId: string): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(`select count(*) as n from usage_records where account_id = ?::uuid`, [accountId]);
  return Number(row.n);
}

export async function findUsagePage(em: EntityManager, accountId: string, limit: number, beforeSeq: bigint | null): Promise<UsageRecord[]> {
  const rows = await em.execute<UsageRow[]>(
    `select * from usage_records where account_id = ?::uuid and (?::bigint is null or seq < ?::bigint) order by seq desc limit ?::int`,
    [accountId, beforeSeq?.toString() ?? null, beforeSeq?.toString() ?? null, limit],
  );
  return rows.map((r) => toUsageRecord(r));
}
