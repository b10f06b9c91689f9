/**
 * The customer account a settings change is for, locked for the change's transaction (two
 * changes of one account's settings queue on it); no row: not a customer account. On the
 * accounts table, which has no door for a lock by id and kind.
 */
export const LOCK_CUSTOMER_ACCOUNT = `select 1 from accounts where id = ?::uuid and kind = 'CUSTOMER' for update`;
