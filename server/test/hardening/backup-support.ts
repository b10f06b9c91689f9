import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { initOrm } from '../../src/db/orm.js';
import type { TestDatabase } from '../support/db.js';

/** A function handing out new (not yet existing) backup directories, remembered in `dirs` for cleanup. */
export const scratchDirs = (dirs: string[]) => () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cm-backup-'));
  dirs.push(dir);
  return path.join(dir, 'backup');
};

/** A handle on an existing database (the restored one), shaped like the harness's. */
export async function openDatabase(url: string): Promise<TestDatabase> {
  const orm = await initOrm(url, 8);
  const raw = new pg.Pool({ connectionString: url, max: 2 });
  return {
    url,
    orm,
    query: async (sql, params) => (await raw.query(sql, params)).rows,
    close: async () => {
      await raw.end();
      await orm.close(true);
    },
  };
}

export const balances = (db: TestDatabase) =>
  db.query<{ id: string; posted: string; pending: string }>(`select id, posted::text, pending::text from accounts order by id`);

export const counts = (db: TestDatabase) =>
  db.query<{ name: string; n: string }>(
    `select relname as name, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I', relname), false, true, '')))[1]::text as n
       from pg_class c join pg_namespace s on s.oid = c.relnamespace
      where s.nspname = 'public' and c.relkind = 'r' and relname <> 'mikro_orm_migrations' order by relname`,
  );
