import { APPLIED_ENGINE_FUNCTIONS, RECORD_ENGINE_FUNCTION } from './queries/statements.js';
import { withXactLock } from '../db/locks.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from '@mikro-orm/postgresql';

/**
 * The ledger engine's PL/pgSQL functions, one file each in `sql/` beside this module: the source
 * of truth for every `creditmeter_*` function. `npm run build` copies the folder next to the
 * compiled module (dist/server/src/ledger/sql), so the same relative path serves tsx, vitest and
 * `node dist/...` alike.
 */
export const ENGINE_SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url));

export interface EngineFunction {
  /** The function's name, which is also its file's (`<name>.sql`). */
  name: string;
  sql: string;
  sha256: string;
}

export function engineFunctions(dir = ENGINE_SQL_DIR): EngineFunction[] {
  if (!existsSync(dir)) throw new Error(`the ledger engine's SQL is missing: no ${dir} (npm run build copies server/src/ledger/sql there)`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const sql = readFileSync(path.join(dir, f), 'utf8');
      return { name: f.slice(0, -'.sql'.length), sql, sha256: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * The repeatable step of every migrate, in the numbered migrations' transaction and after them:
 * each function whose file changed since it was last applied (or that is missing, e.g. dropped
 * by a numbered migration to change its signature) is created or replaced from its file. The
 * numbered migrations keep their old definitions as history; this step always has the last word.
 * Returns the names it applied.
 */
export async function applyEngineFunctions(trx: Knex.Transaction, fns = engineFunctions()): Promise<string[]> {
  // Two instances starting at once apply one after the other, not side by side.
  await withXactLock(trx, 'creditmeter engine functions');
  const stored = await trx.raw<{ rows: { name: string; sha256: string; present: boolean }[] }>(APPLIED_ENGINE_FUNCTIONS);
  const applied = new Map(stored.rows.map((r) => [r.name, r.present ? r.sha256 : null]));
  const changed = fns.filter((fn) => applied.get(fn.name) !== fn.sha256);
  for (const fn of changed) {
    await trx.raw(fn.sql);
    await trx.raw(RECORD_ENGINE_FUNCTION, [fn.name, fn.sha256]);
  }
  return changed.map((fn) => fn.name);
}
