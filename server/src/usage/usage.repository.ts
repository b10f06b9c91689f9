import type { Sql } from '../db/sql.js';
import { toUsageRecord } from '../ledger/engine.js';
import type { UsageRecord } from './usage.types.js';

type UsageRow = Record<string, unknown>;


/** A client's earlier usage row under `key` (never one of the proxy's settle rows). */
export async function findUsageByKey(sql: Sql, accountId: string, key: string): Promise<UsageRecord | null> {
  const rows = await sql.query<UsageRow>(`select * from usage_records where account_id = ?::uuid and key_scope = 'client' and idempotency_key = ?`, [accountId, key]);
  return rows[0] ? toUsageRecord(rows[0]) : null;
}

export async function countUsage(sql: Sql, accountId: string): Promise<number> {
  const [row] = await sql.query<{ n: string }>(`select count(*) as n from usage_records where account_id = ?::uuid`, [accountId]);
  return Number(row.n);
}

export async function findUsagePage(sql: Sql, accountId: string, limit: number, beforeSeq: bigint | null): Promise<UsageRecord[]> {
  const rows = await sql.query<UsageRow>(
    `select * from usage_records where account_id = ?::uuid and (?::bigint is null or seq < ?::bigint) order by seq desc limit ?::int`,
    [accountId, beforeSeq?.toString() ?? null, beforeSeq?.toString() ?? null, limit],
  );
  return rows.map((r) => toUsageRecord(r));
}
