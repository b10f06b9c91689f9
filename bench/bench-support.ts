import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { findRepoRoot } from '../server/src/config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/src/db/embedded.js';
import { initOrm, migrate } from '../server/src/db/orm.js';

/**
 * A throwaway, migrated database for one benchmark: on DATABASE_URL's server when set, else on
 * an embedded cluster under .data/bench.
 */
export async function benchDatabase(poolMax = 40) {
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(findRepoRoot(), '.data', 'bench'),
      port: Number(process.env.BENCH_PG_PORT ?? 54331),
      database: 'postgres',
    });
    adminUrl = embedded.url;
  }
  const name = `cm_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const orm = await initOrm(url.toString(), poolMax);
  await migrate(orm);
  return {
    url: url.toString(),
    orm,
    close: async () => {
      await orm.close(true);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      await embedded?.stop();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
