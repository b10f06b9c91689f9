/** A statement the engine runs often: PostgreSQL parses and plans it once per connection. */
export interface Named {
  name: string;
  text: string;
}

/**
 * The engine's statements: each is one round trip, named so that every pool connection prepares
 * it once. The functions they call are created from server/src/ledger/sql/<name>.sql, one file each,
 * by every migrate (ledger/engine-functions.ts); edit the file, never a migration.
 */
export const STATEMENTS = {
  post: {
    name: 'cm_post',
    text: `select * from creditmeter_post($1::uuid, $2::text, $3::bigint, $4::text, $5::text, $6::text, $7::text, $8::text, $9::uuid, $10::uuid, $11::boolean)`,
  },
  batch: { name: 'cm_batch', text: `select * from creditmeter_batch($1::jsonb)` },
  extend: {
    name: 'cm_extend',
    text: `update holds set expires_at = clock_timestamp() + make_interval(secs => $2::int) where id = $1::uuid and state = 'HELD' returning id`,
  },
  balances: {
    name: 'cm_balances',
    text: `select id as account_id, posted, pending, updated_at from accounts where id = any($1::uuid[]) and kind <> 'SYSTEM'`,
  },
} satisfies Record<string, Named>;

/** The same movement call inside a caller's transaction (MikroORM's `?` placeholders). */
export const POST_IN_TRANSACTION = `select * from creditmeter_post(?::uuid, ?::text, ?::bigint, ?::text, ?::text, ?::text, ?::text, ?::text, ?::uuid, ?::uuid, ?::boolean)`;

/** Which engine functions are applied, by checksum, and whether each still exists (engine-functions.ts). */
export const APPLIED_ENGINE_FUNCTIONS = `select c.name, c.sha256, exists (select 1 from pg_proc p where p.proname = c.name and p.pronamespace = current_schema()::regnamespace) as present
       from engine_sql_checksums c`;

export const RECORD_ENGINE_FUNCTION = `insert into engine_sql_checksums (name, sha256) values (?, ?)
       on conflict (name) do update set sha256 = excluded.sha256, applied_at = clock_timestamp()`;
