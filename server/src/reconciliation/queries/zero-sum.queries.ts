export const ALL_POSTINGS_SUM = `select coalesce(sum(amount), 0) s from finance_postings_v`;

export const UNBALANCED_TRANSACTIONS = `select transaction_id, sum(amount) s from finance_postings_v where created_at >= ?::timestamptz and created_at < ?::timestamptz
        group by transaction_id having sum(amount) <> 0 limit 1000`;
