import { swallowed } from '../shared/errors.js';
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { migrationsList } from '../migrations/index.js';
import {
  SIGNATURE_FILE,
  checkDigest,
  dataFilePath,
  hashing,
  signManifest,
  verifiedManifestBytes,
  verifyDataFiles,
} from './backup-signing.js';
import { initOrm, migrate } from './orm.js';

/**
 * A logical backup written by the app itself (the embedded PostgreSQL ships no pg_dump, and an
 * older pg_dump refuses a newer server): every table of the `public` schema as one gzipped COPY
 * file, read in ONE repeatable-read, read-only transaction (a consistent snapshot while the
 * server keeps writing), plus a manifest with the migrations the data belongs to, the row counts
 * and the sequences. The schema is not dumped: a restore recreates it by running those migrations.
 * The manifest also holds each file's SHA-256 and the audit chain's head, and is signed
 * (`backup-signing.ts`). Files are 0600 and the directory 0700: they hold password hashes and emails.
 */
export const BACKUP_FORMAT = 'creditmeter-backup/2';
const MIGRATIONS_TABLE = 'mikro_orm_migrations';
/** They describe the schema, not data: a restore rebuilds them (the last migrate reapplies every engine function). */
const SCHEMA_TABLES = [MIGRATIONS_TABLE, 'engine_sql_checksums'];

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number; file: string; bytes: number; sha256: string }[];
  sequences: { name: string; lastValue: string | null }[];
  /** The audit hash chain's head in the snapshot: kept outside the database with every backup. */
  auditChain: AuditChainHead | null;
}

export interface AuditChainHead {
  seq: string;
  headHash: string;
}

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

export type Progress = (message: string) => void;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Reports how far a long COPY is, every couple of seconds, without slowing it. */
function counting(onBytes: (bytes: number) => void): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      onBytes(bytes);
      done(null, chunk);
    },
  });
}

function throttled(progress: Progress, label: string) {
  let last = Date.now();
  return (bytes: number) => {
    if (Date.now() - last < 2000) return;
    last = Date.now();
    progress(`  ${label}: ${(bytes / 1_048_576).toFixed(1)} MiB so far`);
  };
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function chainHead(client: pg.Client): Promise<AuditChainHead | null> {
  const { rows: table } = await client.query<{ t: string | null }>(`select to_regclass('audit_chain_head')::text t`);
  if (!table[0].t) return null;
  const { rows } = await client.query<{ seq: string; hash: string }>(`select seq::text, hash from audit_chain_head`);
  return rows[0] ? { seq: rows[0].seq, headHash: rows[0].hash } : null;
}

/** A new directory for a backup, 0700 whatever the umask; an existing one only when empty. */
function prepareDirectory(dir: string): void {
  if (existsSync(path.join(dir, 'manifest.json'))) throw new Error(`${dir} already holds a backup; choose another directory`);
  if (existsSync(dir) && readdirSync(dir).length) throw new Error(`${dir} is not empty; choose a new directory for the backup`);
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE);
}

/** Writes a file readable by its owner only (0600 whatever the umask). */
function writePrivate(file: string, content: string | Buffer): void {
  writeFileSync(file, content, { mode: FILE_MODE, flag: 'wx' });
  chmodSync(file, FILE_MODE);
}

/** Inside the backup's snapshot: the manifest so far (tables still to write) and each table's columns. */
async function startManifest(client: pg.Client): Promise<{ manifest: BackupManifest; tables: { name: string; columns: string[] }[] }> {
  const { rows: schema } = await client.query<{ t: string | null }>(`select to_regclass($1)::text t`, [MIGRATIONS_TABLE]);
  if (!schema[0].t) throw new Error('this database has no creditmeter schema (no migrations were ever applied): nothing to back up');
  const { rows: version } = await client.query<{ v: string }>(`select current_setting('server_version') v`);
  const { rows: migrations } = await client.query<{ name: string }>(`select name from ${MIGRATIONS_TABLE} order by id`);
  const { rows: tables } = await client.query<{ name: string; columns: string[] }>(
    `select c.relname as name, array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> all($1::text[])
      group by c.relname order by c.relname`,
    [SCHEMA_TABLES],
  );
  const { rows: sequences } = await client.query<{ name: string; last_value: string | null }>(
    `select sequencename as name, last_value::text from pg_sequences where schemaname = 'public' order by sequencename`,
  );
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    serverVersion: version[0].v,
    migrations: migrations.map((m) => m.name),
    tables: [],
    sequences: sequences.map((s) => ({ name: s.name, lastValue: s.last_value })),
    auditChain: await chainHead(client),
  };
  return { manifest, tables };
}

/**
 * Writes a backup of the database at `url` into the directory `dir` (created; must not hold one),
 * its manifest signed with `key`.
 */
export async function backupDatabase(url: string, dir: string, opts: { key: Buffer; progress?: Progress }): Promise<BackupManifest> {
  const progress = opts.progress ?? (() => undefined);
  prepareDirectory(dir);
  const client = await connect(url);
  try {
    await client.query('begin isolation level repeatable read read only');
    const { manifest, tables } = await startManifest(client);
    progress(`backing up ${tables.length} tables (schema at ${manifest.migrations.at(-1) ?? 'no migration'}) into ${dir}`);
    for (const [i, table] of tables.entries()) {
      const file = `${table.name}.copy.gz`;
      const started = Date.now();
      const source = client.query(copyTo(`copy ${ident(table.name)} (${table.columns.map(ident).join(', ')}) to stdout`));
      const tap = hashing();
      const target = path.join(dir, file);
      await pipeline(
        source,
        counting(throttled(progress, table.name)),
        createGzip(),
        tap,
        createWriteStream(target, { mode: FILE_MODE, flags: 'wx' }),
      );
      chmodSync(target, FILE_MODE);
      const rows = source.rowCount;
      manifest.tables.push({ name: table.name, columns: table.columns, rows, file, ...tap.digest() });
      progress(`[${i + 1}/${tables.length}] ${table.name}: ${rows} rows (${Date.now() - started} ms)`);
    }
    await client.query('commit');
    // Written last: a directory without a manifest is an unfinished backup and cannot be restored.
    const bytes = Buffer.from(JSON.stringify(manifest, null, 2));
    writePrivate(path.join(dir, SIGNATURE_FILE), JSON.stringify(signManifest(bytes, opts.key), null, 2));
    writePrivate(path.join(dir, 'manifest.json'), bytes);
    return manifest;
  } catch (err) {
    await client.query('rollback').catch((rollbackErr: unknown) => swallowed(rollbackErr, 'backup.rollback'));
    throw err;
  } finally {
    await client.end();
  }
}

/** The manifest of `dir` once its signature (under `key`) and every data file's SHA-256 check out. */
export async function verifyBackup(dir: string, key: Buffer): Promise<BackupManifest> {
  const manifest = JSON.parse(verifiedManifestBytes(dir, key).toString('utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`${path.join(dir, 'manifest.json')} is not a ${BACKUP_FORMAT} backup`);
  const known = migrationsList.map((m) => m.name);
  const unknown = manifest.migrations.filter((m) => !known.includes(m));
  if (unknown.length || manifest.migrations.some((m, i) => known[i] !== m)) {
    throw new Error(
      `the backup was taken at migrations this version does not have (${unknown.join(', ') || 'a different order'}): restore it with the version that wrote it`,
    );
  }
  await verifyDataFiles(dir, manifest.tables);
  return manifest;
}

/** The loaded audit chain verifies and ends where the signed manifest says it did. */
async function checkRestoredChain(client: pg.Client, expected: AuditChainHead | null): Promise<void> {
  if (!expected) return;
  const { rows } = await client.query<{ ok: boolean; first_broken_id: string | null; head_hash: string }>(
    `select ok, first_broken_id::text, head_hash from audit_chain_verify()`,
  );
  if (!rows[0].ok)
    throw new Error(`the backup's audit hash chain is broken at audit row ${rows[0].first_broken_id ?? '(head)'}: nothing was loaded`);
  if (rows[0].head_hash !== expected.headHash) {
    throw new Error(`the backup's audit chain ends at ${rows[0].head_hash}, its manifest says ${expected.headHash}: nothing was loaded`);
  }
}

/** Tables in the public schema: a database with any is not empty. */
async function userTables(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`select count(*) n from pg_tables where schemaname = 'public'`);
  return Number(rows[0].n);
}

/** Refuses a target database that has tables, unless `replace`: then its public schema is dropped first. */
async function emptyTarget(url: string, replace: boolean, progress: Progress): Promise<void> {
  const client = await connect(url);
  try {
    const existing = await userTables(client);
    if (existing > 0) {
      if (!replace) {
        throw new Error(
          `the target database is not empty (${existing} tables): restore into an empty database, or pass --replace to drop its contents first`,
        );
      }
      progress(`dropping the ${existing} tables of the target database (--replace)`);
      await client.query('drop schema public cascade; create schema public');
    }
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup into the database at `url`. First, before the database is touched, the
 * manifest's signature under `key` and every file's SHA-256 must check out. Then: refuses a
 * database that has tables unless `replace` (then its public schema is dropped first). Recreates the schema with the backup's own
 * migrations, loads every table in one transaction with `session_replication_role = replica`
 * (the append-only, no-truncate and hash-chain triggers and the foreign-key checks are the
 * dump's business here: rows go back exactly as they were, audit hashes included), sets the
 * sequences, checks the row counts, each file's hash again as it is read, and the audit chain
 * against the manifest's head (all before the load commits), then applies the migrations added since.
 */
export async function restoreDatabase(
  url: string,
  dir: string,
  opts: { key: Buffer; replace?: boolean; progress?: Progress },
): Promise<BackupManifest> {
  const progress = opts.progress ?? (() => undefined);
  const manifest = await verifyBackup(dir, opts.key);
  progress(`signature and ${manifest.tables.length} file hashes verified`);
  await emptyTarget(url, opts.replace === true, progress);

  progress(`recreating the schema: ${manifest.migrations.length} migrations`);
  const orm = await initOrm(url, 2);
  try {
    const last = manifest.migrations.at(-1);
    if (last) await orm.getMigrator().up({ to: last });
  } finally {
    await orm.close(true);
  }

  const loader = await connect(url);
  try {
    await loader.query('begin');
    await loader.query(`set local session_replication_role = replica`);
    // Migrations seed rows (system accounts, …): the backup's rows replace them.
    if (manifest.tables.length) await loader.query(`truncate ${manifest.tables.map((t) => ident(t.name)).join(', ')}`);
    for (const [i, table] of manifest.tables.entries()) {
      const started = Date.now();
      const sink = loader.query(copyFrom(`copy ${ident(table.name)} (${table.columns.map(ident).join(', ')}) from stdin`));
      // Hashed again as loaded: a file swapped since the check above fails the load, not just the check.
      const tap = hashing();
      await pipeline(createReadStream(dataFilePath(dir, table.file)), tap, counting(throttled(progress, table.name)), createGunzip(), sink);
      checkDigest(table.file, tap.digest().sha256, table.sha256);
      if (sink.rowCount !== table.rows) throw new Error(`${table.name}: ${sink.rowCount} rows loaded, the backup holds ${table.rows}`);
      progress(`[${i + 1}/${manifest.tables.length}] ${table.name}: ${table.rows} rows (${Date.now() - started} ms)`);
    }
    for (const s of manifest.sequences) {
      if (s.lastValue !== null) await loader.query(`select setval($1::regclass, $2::bigint, true)`, [ident(s.name), s.lastValue]);
    }
    await checkRestoredChain(loader, manifest.auditChain);
    await loader.query('commit');
  } catch (err) {
    await loader.query('rollback').catch((rollbackErr: unknown) => swallowed(rollbackErr, 'restore.rollback'));
    throw err;
  } finally {
    await loader.end();
  }

  const later = migrationsList.length - manifest.migrations.length;
  if (later > 0) progress(`applying ${later} migrations added since the backup`);
  // Always: the engine's functions come from this version's files (ledger/sql), not the migrations.
  const orm2 = await initOrm(url, 2);
  try {
    await migrate(orm2);
  } finally {
    await orm2.close(true);
  }
  return manifest;
}
