import type { EntityManager } from '@mikro-orm/postgresql';
import { currentEm } from './unit-of-work.js';

/** One round trip on the unit of work's connection: throws when the database cannot answer. */
export async function pingDatabase(em: EntityManager): Promise<void> {
  await currentEm(em).execute('select 1');
}
