import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * The grant columns the ledger's callers set after a movement (grants are the engine's table,
 * created by its posting hook): a credit's terms, and a grant closed by its expiry or void.
 */

/** Expiry and priority of the grant a transaction created (set in that same transaction). */
export async function setGrantTerms(
  em: EntityManager,
  transactionId: string,
  terms: { expiresAt?: Date | null; priority?: number | null },
) {
  await em.execute(
    `update grants set expires_at = coalesce(?::timestamptz, expires_at), priority = coalesce(?::int, priority)
      where source_transaction_id = ?::uuid`,
    [terms.expiresAt?.toISOString() ?? null, terms.priority ?? null, transactionId],
  );
}

/** Marks a grant expired or voided (its remainder was just posted away in the same transaction). */
export async function closeGrant(em: EntityManager, grantId: string, what: 'expired_at' | 'voided_at') {
  await em.execute(`update grants set ${what === 'expired_at' ? 'expired_at' : 'voided_at'} = clock_timestamp() where id = ?::uuid`, [
    grantId,
  ]);
}
