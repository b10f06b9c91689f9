import 'reflect-metadata';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { initOrm, migrate } from './db/orm.js';
import { createLogger } from './logger.js';
import { printDemoPortalLink, seedDemo } from './seed.js';

const started = performance.now();
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
const applied = await migrate(orm);
if (applied.length) log.info({ migrations: applied }, 'migrations applied');

const app = await createApp({ config, orm, log });
if (config.BOOTSTRAP_ADMIN_KEY) {
  await app.services.auth.ensureBootstrapAdmin(config.BOOTSTRAP_ADMIN_KEY, config.BOOTSTRAP_ADMIN_EMAIL ?? 'admin@creditmeter.local');
}
if (config.BOOTSTRAP_ADMIN_EMAIL && config.BOOTSTRAP_ADMIN_PASSWORD) {
  await app.services.staff.ensureBootstrapAdmin(config.BOOTSTRAP_ADMIN_EMAIL, config.BOOTSTRAP_ADMIN_PASSWORD);
}
if (config.seedDemo) await seedDemo(app.services, log);

const port = await app.listen(config.PORT, config.HOST);
log.info({ port, readyMs: Math.round(performance.now() - started), redis: Boolean(config.REDIS_URL) }, `creditmeter listening on http://localhost:${port}/graphql`);

if (config.seedDemo) await printDemoPortalLink(app.services);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: draining HTTP and subscriptions');
  await app.close().catch((err) => log.error({ err }, 'error while closing the server'));
  await orm.close().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
