import type { EntityManager } from '@mikro-orm/postgresql';

const ALL_POSTINGS_SUM = `select coalesce(sum(amount), 0) s from finance_postings_v`;

const UNBALANCED_TRANSACTIONS = `select transaction_id, sum(amount) s from finance_postings_v where created_at >= ?::timestamptz and created_at < ?::timestamptz
        group by transaction_id having sum(amount) <> 0 limit 1000`;

export const allPostingsSum = (em: EntityManager, params: unknown[] = []) => em.execute<{ s: string }[]>(ALL_POSTINGS_SUM, params);

export const unbalancedTransactions = (em: EntityManager, params: unknown[] = []) =>
  em.execute<{ transaction_id: string; s: string }[]>(UNBALANCED_TRANSACTIONS, params);
