import 'reflect-metadata';
import cluster from 'node:cluster';
import net from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import http from 'node:http';
import { createApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { initOrm } from '../server/src/db/orm.js';
import { createLogger } from '../server/src/logger.js';

/**
 * The server under load, in a process of its own (so its RSS is its own): `serve.js app` runs
 * creditmeter on BENCH_DATABASE_URL, `serve.js hello` a hello-world Apollo Server on the same
 * Node and the same Express integration (the ceiling for the GraphQL figures). Prints
 * "ready <port> <pids>" once listening; exits on SIGTERM. With BENCH_INSTANCES=n (n > 1), n app
 * processes share one port through node:cluster (the primary hands connections out round-robin
 * and serves nothing itself); they share state only through PostgreSQL and REDIS_URL.
 */
const mode = process.argv[2];
const instances = Number(process.env.BENCH_INSTANCES ?? 1);
let close: () => Promise<void> = async () => undefined;
let port = 0;

if (cluster.isPrimary && instances > 1) {
  port = await freePort();
  const workers = Array.from({ length: instances }, () => cluster.fork({ BENCH_PORT: String(port) }));
  await Promise.all(workers.map((w) => new Promise<void>((resolve) => w.once('message', () => resolve()))));
  process.stdout.write(`ready ${port} ${workers.map((w) => w.process.pid).join(',')}\n`);
  process.once('SIGTERM', () => {
    let left = workers.length;
    for (const w of workers) {
      w.once('exit', () => --left === 0 && process.exit(0));
      w.process.kill('SIGTERM');
    }
  });
} else if (mode === 'hello') {
  const apollo = new ApolloServer({ typeDefs: `type Query { hello: String! }`, resolvers: { Query: { hello: () => 'world' } } });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  close = async () => {
    await apollo.stop();
    server.close();
  };
} else {
  const url = process.env.BENCH_DATABASE_URL!;
  const config = loadConfig(
    {},
    {
      NODE_ENV: 'production',
      DATABASE_URL: url,
      LOG_LEVEL: 'silent',
      PUBLIC_APP_URL: 'https://bench.example.test',
      FINANCE_JOBS: 'false',
      SEED_DEMO: 'false',
      INTRO_BONUS_MILLICREDITS: '0',
      GRANT_EXPIRY_INTERVAL_MS: 0,
      HOLD_EXPIRY_INTERVAL_MS: 0,
      ...(process.env.BENCH_UPSTREAM ? { OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: process.env.BENCH_UPSTREAM } : {}),
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      // Admission control and rate limits, as a benchmark sets them (load-shedding.bench.ts).
      ...Object.fromEntries(
        ['PROXY_MAX_IN_FLIGHT', 'PROXY_MAX_QUEUE', 'ADMISSION_QUEUE_TIMEOUT_MS', 'ADMISSION_ADAPTIVE', 'RATE_LIMIT_PER_MINUTE']
          .filter((k) => process.env[k])
          .map((k) => [k, process.env[k]]),
      ),
    },
  );
  const orm = await initOrm(url, 20);
  const app = await createApp({ config, orm, log: createLogger('silent') });
  port = await app.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1');
  close = async () => {
    await app.close();
    await orm.close(true);
  };
}
if (!cluster.isPrimary) {
  process.send!('ready');
  process.once('SIGTERM', () => void close().finally(() => process.exit(0)));
} else if (instances <= 1) {
  process.stdout.write(`ready ${port} ${process.pid}\n`);
  process.once('SIGTERM', () => void close().finally(() => process.exit(0)));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(p));
    });
  });
}
