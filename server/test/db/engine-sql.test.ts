import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../src/db/backup.js';
import { initOrm, migrate } from '../../src/db/orm.js';
import { engineFunctions } from '../../src/ledger/engine-functions.js';
import { migrationsList } from '../../src/migrations/index.js';
import { scratchDirs } from '../hardening/backup-support.js';
import { freshDatabase } from '../support/db.js';

/** The last migration of the release before the engine's functions moved to ledger/sql. */
const PREVIOUS_RELEASE_HEAD = migrationsList[migrationsList.findIndex((m) => m.name.endsWith('_engine_sql_checksums')) - 1].name;

const opened: { close(): Promise<void> }[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A database with nothing in it (not cloned from the migrated template). */
async function emptyDatabase(): Promise<{ url: string; orm: MikroORM }> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `cm_${inject('runId')}_empty_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`).finally(() => admin.end());
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const orm = await initOrm(url.toString(), 2);
  opened.push({ close: () => orm.close(true) });
  return { url: url.toString(), orm };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const FUNCTIONS = `select n.nspname as schema, p.proname as name, pg_get_functiondef(p.oid) as def
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
 where n.nspname = any($1::text[]) and p.proname like 'creditmeter\\_%' order by p.proname, p.oid`;

/** Every `creditmeter_*` function of the database, as PostgreSQL renders it (pg_get_functiondef). */
async function definitions(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (c) => group((await c.query<Def>(FUNCTIONS, [['public']])).rows));
}

interface Def {
  schema: string;
  name: string;
  def: string;
}
function group(rows: Def[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.name] ??= []).push(r.def.replaceAll(`${r.schema}.`, 'public.'));
  return out;
}

/**
 * The names of the functions whose definition in the database is not their file's: each file is
 * created in a scratch schema (rolled back) and both are compared as PostgreSQL renders them, so
 * formatting outside the body does not count and everything else (arguments, result, language,
 * volatility, the body verbatim) does. A `creditmeter_*` function without a file counts too.
 */
async function drift(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    await c.query('begin');
    try {
      await c.query('create schema engine_expected');
      await c.query('set local search_path = engine_expected, public');
      for (const fn of engineFunctions()) await c.query(fn.sql);
      const rows = (await c.query<Def>(FUNCTIONS, [['public', 'engine_expected']])).rows;
      const actual = group(rows.filter((r) => r.schema === 'public'));
      const expected = group(rows.filter((r) => r.schema === 'engine_expected'));
      const names = [...new Set([...Object.keys(actual), ...Object.keys(expected)])].sort();
      return names.filter((n) => JSON.stringify(actual[n]) !== JSON.stringify(expected[n]));
    } finally {
      await c.query('rollback');
    }
  });
}

describe("the engine's SQL lives in ledger/sql", () => {
  it('every creditmeter_* function of the migrated database is its file, and every file is one', async () => {
    const db = await freshDatabase(2);
    opened.push(db);
    expect(engineFunctions().map((f) => f.name)).toEqual(expect.arrayContaining(['creditmeter_charge', 'creditmeter_hold']));
    expect(Object.keys(await definitions(db.url)).sort()).toEqual(engineFunctions().map((f) => f.name));
    expect(await drift(db.url)).toEqual([]);
  });

  it('the check fails when a function in the database differs from its file, or has none', async () => {
    const db = await freshDatabase(2);
    opened.push(db);
    const hold = engineFunctions().find((f) => f.name === 'creditmeter_hold')!;
    await db.query(hold.sql.replace('v_step text;', 'v_step text;\n  v_unused int;'));
    await db.query(`create function creditmeter_stray() returns int language sql as 'select 1'`);
    expect(await drift(db.url)).toEqual(['creditmeter_hold', 'creditmeter_stray']);
  });

  it("migrating an empty database and the previous release's database give the same functions, equal to the files", async () => {
    const fresh = await emptyDatabase();
    const first = await migrate(fresh.orm);
    expect(first.migrations).toEqual(migrationsList.map((m) => m.name));
    expect(first.engineFunctions).toEqual(engineFunctions().map((f) => f.name));

    const old = await emptyDatabase();
    await old.orm.getMigrator().up({ to: PREVIOUS_RELEASE_HEAD });
    // That release's functions are the numbered migrations' last definitions.
    expect(Object.keys(await definitions(old.url))).toContain('creditmeter_charge');
    const upgraded = await migrate(old.orm);
    expect(upgraded.migrations[0]).toBe(migrationsList[migrationsList.findIndex((m) => m.name === PREVIOUS_RELEASE_HEAD) + 1].name);
    expect(upgraded.engineFunctions).toEqual(engineFunctions().map((f) => f.name));

    expect(await definitions(old.url)).toEqual(await definitions(fresh.url));
    expect(await drift(fresh.url)).toEqual([]);
    expect(await drift(old.url)).toEqual([]);
    // Repeatable, not repeated: nothing changed, nothing is applied again.
    expect(await migrate(fresh.orm)).toEqual({ migrations: [], engineFunctions: [] });
  });

  it('a function whose file changed, or that a migration dropped, is applied on the next migrate', async () => {
    const db = await freshDatabase(2);
    opened.push(db);
    const hold = engineFunctions().find((f) => f.name === 'creditmeter_hold')!;
    // What a database migrated by the previous version of the file looks like.
    await db.query(hold.sql.replace('v_step text;', 'v_step text;\n  v_unused int;'));
    await db.query(`update engine_sql_checksums set sha256 = 'the old file' where name = 'creditmeter_hold'`);
    await db.query(`drop function creditmeter_team_member_step(uuid, uuid, bigint, bigint, timestamptz, boolean)`);
    expect(await drift(db.url)).toEqual(['creditmeter_hold', 'creditmeter_team_member_step']);

    expect(await migrate(db.orm)).toEqual({ migrations: [], engineFunctions: ['creditmeter_hold', 'creditmeter_team_member_step'] });
    expect(await drift(db.url)).toEqual([]);
    const [row] = await db.query<{ sha256: string }>(`select sha256 from engine_sql_checksums where name = 'creditmeter_hold'`);
    expect(row.sha256).toBe(hold.sha256);
  });

  it('no numbered migration after the move defines an engine function (its file does)', () => {
    const later = migrationsList.slice(migrationsList.findIndex((m) => m.name === PREVIOUS_RELEASE_HEAD) + 1);
    for (const m of later) {
      const source = readFileSync(new URL(`../../src/migrations/${m.name}.ts`, import.meta.url), 'utf8');
      expect(source, m.name).not.toMatch(/create\s+(or\s+replace\s+)?function\s+creditmeter_/i);
    }
  });

  it('the numbered migrations and the engine functions commit together or not at all', async () => {
    const old = await emptyDatabase();
    await old.orm.getMigrator().up({ to: PREVIOUS_RELEASE_HEAD });
    // A function the file cannot replace (another result type) and no migration drops: the engine step fails.
    await withClient(old.url, async (c) => {
      await c.query(`drop function creditmeter_team_member_step(uuid, uuid, bigint, bigint, timestamptz, boolean)`);
      await c.query(
        `create function creditmeter_team_member_step(p_team uuid, p_member uuid, p_check bigint, p_spend bigint, p_at timestamptz, p_enforce boolean)
         returns void language sql as ''`,
      );
    });
    await expect(migrate(old.orm)).rejects.toThrow(/cannot change return type/);
    await withClient(old.url, async (c) => {
      const { rows } = await c.query<{ n: string }>(`select count(*)::text n from mikro_orm_migrations`);
      expect(Number(rows[0].n)).toBe(migrationsList.findIndex((m) => m.name === PREVIOUS_RELEASE_HEAD) + 1);
      const table = await c.query<{ t: string | null }>(`select to_regclass('engine_sql_checksums')::text t`);
      expect(table.rows[0].t).toBeNull();
    });
  });

  it('a restored backup gets its engine functions from the files, not from the backup', async () => {
    const db = await freshDatabase(2);
    opened.push(db);
    const key = randomBytes(32);
    const dir = scratchDirs(dirs)();
    const manifest = await backupDatabase(db.url, dir, { key });
    // The checksums describe the schema of the database they were taken from: not data to restore.
    expect(manifest.tables.map((x) => x.name)).not.toContain('engine_sql_checksums');
    await db.query('drop schema public cascade; create schema public');
    await restoreDatabase(db.url, dir, { key });
    const rows = await db.query<{ name: string; sha256: string }>(`select name, sha256 from engine_sql_checksums order by name`);
    expect(rows).toEqual(engineFunctions().map((f) => ({ name: f.name, sha256: f.sha256 })));
    expect(await drift(db.url)).toEqual([]);
  });
});
