import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { inject } from 'vitest';
import { initOrm } from '../../src/db/orm.js';

export interface TestDatabase {
  url: string;
  orm: MikroORM;
  /** A raw client for assertions and deliberate corruption; never used by the code under test. */
  query<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A database of its own, cloned from the migrated template: tests never see each other's rows. */
export async function freshDatabase(poolMax = 20): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `cm_${inject('runId')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject('templateDatabase')}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const orm = await initOrm(url.toString(), poolMax);
  const raw = new pg.Pool({ connectionString: url.toString(), max: 2 });
  return {
    url: url.toString(),
    orm,
    query: async (sql, params) => (await raw.query(sql, params)).rows,
    close: async () => {
      await raw.end();
      await orm.close(true);
    },
  };
}
