import 'reflect-metadata';
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
 * "ready <port>" once listening; exits on SIGTERM.
 */
const mode = process.argv[2];
let close: () => Promise<void>;
let port: number;

if (mode === 'hello') {
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
  port = await app.listen(0, '127.0.0.1');
  close = async () => {
    await app.close();
    await orm.close(true);
  };
}
process.stdout.write(`ready ${port}\n`);
process.once('SIGTERM', () => {
  void close().finally(() => process.exit(0));
});
