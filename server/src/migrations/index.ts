import { Migration20261124000001_ledger_core } from './Migration20261124000001_ledger_core.js';

/** Every migration, in order. Listed explicitly so compiled and test runs see the same set. */
export const migrationsList = [
  { name: 'Migration20261124000001_ledger_core', class: Migration20261124000001_ledger_core },
];
