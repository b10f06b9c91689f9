import { Migration20261124000003_grants } from './Migration20261124000003_grants.js';
import { Migration20261124000002_billing } from './Migration20261124000002_billing.js';
import { Migration20261124000004_holds } from './Migration20261124000004_holds.js';
import { Migration20261124000001_ledger_core } from './Migration20261124000001_ledger_core.js';
import { Migration20261124000005_finance } from './Migration20261124000005_finance.js';
import { Migration20261125100001_settle_keys } from './Migration20261125100001_settle_keys.js';
import { Migration20261125100002_api_key_use } from './Migration20261125100002_api_key_use.js';
import { Migration20261125200001_refund_bounds } from './Migration20261125200001_refund_bounds.js';
import { Migration20261125200002_rate_limits } from './Migration20261125200002_rate_limits.js';
import { Migration20261125300001_staff_sessions } from './Migration20261125300001_staff_sessions.js';
import { Migration20261125500001_engine } from './Migration20261125500001_engine.js';
import { Migration20261125600001_audit_chain } from './Migration20261125600001_audit_chain.js';
import { Migration20261125600002_outbox } from './Migration20261125600002_outbox.js';
import { Migration20261125700001_teams } from './Migration20261125700001_teams.js';
import { Migration20261125700002_team_engine } from './Migration20261125700002_team_engine.js';
import { Migration20261125900001_disputes } from './Migration20261125900001_disputes.js';
import { Migration20261125940001_charge_batch_lookup } from './Migration20261125940001_charge_batch_lookup.js';
import { Migration20261207120001_team_invitations } from './Migration20261207120001_team_invitations.js';
import { Migration20261207130001_session_opened_by_key } from './Migration20261207130001_session_opened_by_key.js';
import { Migration20261207170001_webhook_lanes } from './Migration20261207170001_webhook_lanes.js';
import { Migration20261207180001_engine_sql_checksums } from './Migration20261207180001_engine_sql_checksums.js';
import { Migration20261207190001_batched_holds } from './Migration20261207190001_batched_holds.js';

/** Every migration, in order. Listed explicitly so compiled and test runs see the same set. */
export const migrationsList = [
  { name: 'Migration20261124000001_ledger_core', class: Migration20261124000001_ledger_core },
  { name: 'Migration20261124000002_billing', class: Migration20261124000002_billing },
  { name: 'Migration20261124000003_grants', class: Migration20261124000003_grants },
  { name: 'Migration20261124000004_holds', class: Migration20261124000004_holds },
  { name: 'Migration20261124000005_finance', class: Migration20261124000005_finance },
  { name: 'Migration20261125100001_settle_keys', class: Migration20261125100001_settle_keys },
  { name: 'Migration20261125100002_api_key_use', class: Migration20261125100002_api_key_use },
  { name: 'Migration20261125200001_refund_bounds', class: Migration20261125200001_refund_bounds },
  { name: 'Migration20261125200002_rate_limits', class: Migration20261125200002_rate_limits },
  { name: 'Migration20261125300001_staff_sessions', class: Migration20261125300001_staff_sessions },
  { name: 'Migration20261125500001_engine', class: Migration20261125500001_engine },
  { name: 'Migration20261125600001_audit_chain', class: Migration20261125600001_audit_chain },
  { name: 'Migration20261125600002_outbox', class: Migration20261125600002_outbox },
  { name: 'Migration20261125700001_teams', class: Migration20261125700001_teams },
  { name: 'Migration20261125700002_team_engine', class: Migration20261125700002_team_engine },
  { name: 'Migration20261125900001_disputes', class: Migration20261125900001_disputes },
  { name: 'Migration20261125940001_charge_batch_lookup', class: Migration20261125940001_charge_batch_lookup },
  { name: 'Migration20261207120001_team_invitations', class: Migration20261207120001_team_invitations },
  { name: 'Migration20261207130001_session_opened_by_key', class: Migration20261207130001_session_opened_by_key },
  { name: 'Migration20261207170001_webhook_lanes', class: Migration20261207170001_webhook_lanes },
  { name: 'Migration20261207180001_engine_sql_checksums', class: Migration20261207180001_engine_sql_checksums },
  { name: 'Migration20261207190001_batched_holds', class: Migration20261207190001_batched_holds },
];
