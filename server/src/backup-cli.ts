import 'reflect-metadata';
import path from 'node:path';
import pg from 'pg';
import { verifyAuditChain } from './audit/audit-chain.js';
import { loadConfig } from './config.js';
import { backupDatabase, restoreDatabase } from './db/backup.js';
import { loadBackupKey } from './db/backup-signing.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { initOrm } from './db/orm.js';
import { swallowed } from './shared/errors.js';

/**
 * `npm run backup [-- <dir>]` and `npm run restore -- <dir> [--replace]`: on DATABASE_URL, else
 * on the embedded database (the running server's, or started here for the duration).
 */
const USAGE = 'usage: backup [<dir>] | restore <dir> [--replace]';
const [command, ...rest] = process.argv.slice(2);
const replace = rest.includes('--replace');
const dirArg = rest.find((a) => !a.startsWith('--'));
const say = (message: string) => process.stderr.write(`${message}\n`);

async function embeddedIsUp(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false; // nothing answers there: the caller starts the embedded server
  } finally {
    // A client that never connected has nothing to end; ending it may reject, and that says nothing more.
    await client.end().catch((err: unknown) => swallowed(err, 'backup.probe.end'));
  }
}

async function main(): Promise<number> {
  if (command !== 'backup' && command !== 'restore') {
    say(USAGE);
    return 2;
  }
  if (command === 'restore' && !dirArg) {
    say(`restore needs the backup directory\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const key = loadBackupKey(config);
  let embedded: EmbeddedDatabase | null = null;
  let url = config.DATABASE_URL;
  if (!url) {
    url = `postgres://postgres:creditmeter@127.0.0.1:${config.EMBEDDED_PG_PORT}/creditmeter`;
    if (await embeddedIsUp(url)) {
      say(`using the embedded PostgreSQL already running on port ${config.EMBEDDED_PG_PORT}`);
    } else {
      embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.EMBEDDED_PG_PORT, database: 'creditmeter' });
      url = embedded.url;
      say(`started the embedded PostgreSQL under ${config.dataDir} for this ${command}`);
    }
  }
  const started = Date.now();
  try {
    if (command === 'backup') {
      const dir = path.resolve(
        dirArg ?? path.join(config.dataDir, 'backups', `creditmeter-${new Date().toISOString().replace(/[:.]/g, '-')}`),
      );
      const manifest = await backupDatabase(url, dir, { key, progress: say });
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      say(`backup done in ${Date.now() - started} ms: ${manifest.tables.length} tables, ${rows} rows, in ${dir} (signed manifest)`);
      if (manifest.auditChain) say(`audit chain head: seq ${manifest.auditChain.seq}, hash ${manifest.auditChain.headHash}`);
      process.stdout.write(`${dir}\n`);
      return 0;
    }
    const dir = path.resolve(dirArg!);
    const manifest = await restoreDatabase(url, dir, { key, replace, progress: say });
    const orm = await initOrm(url, 2);
    try {
      const chain = await verifyAuditChain(orm.em);
      say(
        `audit hash chain: ${chain.ok ? 'verifies' : `BROKEN at row ${chain.firstBrokenId}`} (${chain.entries} entries, head ${chain.headHash})`,
      );
      if (!chain.ok) return 1;
    } finally {
      await orm.close(true);
    }
    say(
      `restore done in ${Date.now() - started} ms from the backup of ${manifest.createdAt}; run runReconciliation(wait: true) and expect mismatchCount 0`,
    );
    return 0;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(`${command} failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
