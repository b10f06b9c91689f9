import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { applyEngineFunctions } from '../ledger/engine-functions.js';
import { migrationsList } from '../migrations/index.js';
import { entities } from './entities.js';
import { unitOfWorkEm } from './unit-of-work.js';

export function ormOptions(clientUrl: string, poolMax = 20): Options {
  return {
    clientUrl,
    entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false },
    pool: { min: 0, max: poolMax },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    // Each request's (and job run's) EntityManager, forked only when first used (unit-of-work.ts).
    context: unitOfWorkEm,
    debug: false,
  };
}

export async function initOrm(clientUrl: string, poolMax?: number): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, poolMax));
}

export interface Migrated {
  /** The numbered migrations applied, in order. */
  migrations: string[];
  /** The engine functions (re)created from their files (ledger/sql), whose checksum changed. */
  engineFunctions: string[];
}

/**
 * Applies the pending numbered migrations, then brings every engine function to its file's
 * definition: both in one transaction, so a failure in either leaves the database as it was.
 */
export async function migrate(orm: MikroORM): Promise<Migrated> {
  return orm.em.getConnection().transactional(async (trx) => {
    const applied = await orm.getMigrator().up({ transaction: trx });
    return { migrations: applied.map((m) => m.name), engineFunctions: await applyEngineFunctions(trx) };
  });
}
