import type { EntityManager } from '@mikro-orm/postgresql';
import { currentEm } from '../db/unit-of-work.js';
import { AuditEntryEntity } from './audit.repository.js';

export interface AuditChainStatus {
  ok: boolean;
  entries: number;
  /** The first row (in chain order) whose link or content does not check out. */
  firstBrokenId: string | null;
  /** The hash of the last link, as the chain head records it. */
  headHash: string;
  checkedAt: Date;
}

/**
 * Verifies the audit log's hash chain in the database (`audit_chain_verify`, one ordered pass),
 * with the same function that wrote each link, so there is one definition of a row's content.
 */
export async function verifyAuditChain(em: EntityManager): Promise<AuditChainStatus> {
  const row = await currentEm(em).getRepository(AuditEntryEntity).verifyChain();
  return {
    ok: row.ok,
    entries: Number(row.entries),
    firstBrokenId: row.first_broken_id === null ? null : String(row.first_broken_id),
    headHash: row.head_hash,
    checkedAt: new Date(),
  };
}
