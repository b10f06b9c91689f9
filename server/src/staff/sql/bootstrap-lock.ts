/** Serialises bootstrapping the first ADMIN for the caller's transaction: instances starting together must not each see "no ADMIN yet". */
export const LOCK_BOOTSTRAP = `select pg_advisory_xact_lock(hashtext('staff_users:bootstrap'))`;
