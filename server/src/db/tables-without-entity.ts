/**
 * The tables that are not MikroORM entities, each with its owner and why. Every other table is an
 * entity reached through its repository; test/db/entities.test.ts holds the two lists together, so
 * a table made an entity leaves this list in the same change.
 */
const LEDGER_ENGINE = 'ledger/: written only by the engine (ledger/sql/), set-wise inside creditmeter_* functions';
const READ_MODEL = 'finance/: a read model, rebuilt set-wise by its rollup job';

export const TABLES_WITHOUT_ENTITY: Record<string, string> = {
  mikro_orm_migrations: "MikroORM's own record of applied migrations",
  engine_sql_checksums: 'ledger/: schema state of ledger/sql/, which engine function definitions are applied',
  ledger_transactions: LEDGER_ENGINE,
  ledger_postings: LEDGER_ENGINE,
  holds: LEDGER_ENGINE,
  usage_records: LEDGER_ENGINE,
  grants: LEDGER_ENGINE,
  grant_allocations: LEDGER_ENGINE,
  finance_ledger_daily: READ_MODEL,
  finance_ledger_day: READ_MODEL,
  finance_rollup_state: READ_MODEL,
  finance_usage_daily: READ_MODEL,
  finance_usage_day_model: READ_MODEL,
  refusals_daily: READ_MODEL,
  usage_report_daily: READ_MODEL,
  audit_chain_head: 'audit/: one row kept by the audit chain trigger, never written by the application',
};
