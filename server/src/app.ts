import { pingDatabase } from './db/health.js';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import cors from 'cors';
import express, { type Express, type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Context } from './graphql/context.js';
import { formatError } from './graphql/errors.js';
import { createGate } from './graphql/gate.js';
import { gatePlugin } from './graphql/gate.plugin.js';
import { gauges } from './metrics/metrics.js';
import { anonymousIntrospectionPlugin, GRAPHQL_TOKEN_LIMIT, graphqlArmor } from './graphql/armor.js';
import { createWsServer } from './graphql/ws-server.js';
import { createLoaders } from './graphql/loaders.js';
import { createSchema } from './graphql/schema.js';
import { createEventBus, type EventBus } from './shared/events/bus.js';
import { startJobs } from './jobs/runner.js';
import { scheduledJobs } from './jobs/schedule.js';
import { createServices, type Services } from './services.js';
import { routeModules } from './routes.js';
import { ANTHROPIC_DIALECT, proxyAdmission } from './proxy/proxy.routes.js';
import { authenticateSession } from './http/authenticate.js';
import { httpErrors } from './http/errors.js';
import { requestContext } from './db/unit-of-work.js';
import { requestLog } from './http/request-log.js';
import { httpMetrics } from './metrics/http-metrics.js';
import { securityHeaders } from './http/security-headers.js';
import type { Clock } from './sessions/tokens.js';

export interface App {
  express: Express;
  httpServer: http.Server;
  services: Services;
  listen(port: number, host?: string): Promise<number>;
  /** Drains and closes everything; `onStep` hears each step as it starts (shutdown names the one it waits on). */
  close(onStep?: (step: string) => void): Promise<void>;
}

export async function createApp(opts: { config: Config; orm: MikroORM; log: Logger; clock?: Clock }): Promise<App> {
  const { config, orm, log } = opts;
  gauges.pubsubUp.set(config.REDIS_URL ? 0 : 1);
  const events = createEventBus({
    redisUrl: config.REDIS_URL,
    log,
    onFanOutChange: (up) => {
      gauges.pubsubUp.set(up ? 1 : 0);
      if (up) log.info('Redis fan-out is up');
      else log.warn('Redis is unreachable: charges go on; balance events and cache invalidations stay on this instance until it returns');
    },
  });
  const services = createServices(orm, config, events, log, opts.clock);
  await services.notify.alerts.syncDefaultThreshold(services.notify.defaultThreshold);
  const jobs = startJobs(scheduledJobs(services), log, orm.em);
  const schema = await createSchema({ publicAppUrl: config.PUBLIC_APP_URL });

  const app = express();
  app.disable('x-powered-by');
  // first: shedding must stay cheap under overload
  app.post(['/v1/chat/completions', '/v1/responses', '/v1/embeddings'], proxyAdmission(services));
  app.post('/v1/messages', proxyAdmission(services, ANTHROPIC_DIALECT));
  app.use(securityHeaders(config.isProduction));
  // Only these peers' X-Forwarded-For sets req.ip (sign-in limits per address, logs): anyone else could forge it.
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);

  app.use(requestLog(log));
  app.use(httpMetrics());
  app.use(requestContext(orm));

  const armor = graphqlArmor();
  const gate = createGate(services.loadControl, armor.validationRules);
  const wsCleanup = createWsServer({ httpServer, schema, validationRules: armor.validationRules, gate, services, events, config, log });

  const apollo = await startApollo(schema, httpServer, armor, gate, wsCleanup, config, log);

  app.get('/healthz', healthCheck(orm, events, log));
  const graphql = graphqlHandlers(apollo, services, config);
  // Every operation is a POST: it goes straight to GraphQL, not matched against each feature route first.
  app.post('/graphql', graphql);

  // Feature routes (webhooks, proxy, statements, metrics) mount their own body parsers.
  for (const mount of routeModules) mount(app, services);

  // The rest of /graphql: GETs that are not a browser's (faces.ts serves those GraphiQL), CORS preflights.
  app.use('/graphql', graphql);

  app.use(httpErrors(log));

  return {
    express: app,
    httpServer,
    services,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: closer({ apollo, httpServer, services, jobs, events, log }),
  };
}

type Armor = ReturnType<typeof graphqlArmor>;
type Events = EventBus;

async function startApollo(
  schema: GraphQLSchema,
  httpServer: http.Server,
  armor: Armor,
  gate: ReturnType<typeof createGate>,
  wsCleanup: ReturnType<typeof createWsServer>,
  config: Config,
  log: Logger,
): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema,
    stopOnTerminationSignals: false, // main.ts owns SIGINT/SIGTERM: one orderly shutdown
    formatError: formatError(log, { hideSuggestions: config.isProduction }),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: GRAPHQL_TOKEN_LIMIT },
    validationRules: armor.validationRules,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...armor.plugins,
      anonymousIntrospectionPlugin(config.isProduction),
      gatePlugin(gate),
      {
        serverWillStart: async () => ({
          drainServer: async () => {
            await wsCleanup.dispose();
          },
        }),
      },
      ApolloServerPluginLandingPageDisabled(), // GET /graphql from a browser is our bundled GraphiQL (http/faces.ts)
      // No field sets cache hints: Apollo's default cache-control plugin only wrapped every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();
  return apollo;
}

function healthCheck(orm: MikroORM, events: Events, log: Logger): RequestHandler {
  return async (_req, res) => {
    try {
      await pingDatabase(orm.em);
      // Still 200 without Redis: charges go on, only the fan-out to other instances is degraded.
      const pubsub = events.fanOut();
      res.json({ status: pubsub === 'down' ? 'degraded' : 'ok', pubsub });
    } catch (err) {
      log.error({ err }, 'health check failed');
      res.status(503).json({ status: 'unavailable' });
    }
  };
}

/** CORS, the body, the session, then Apollo with each operation's context. */
function graphqlHandlers(apollo: ApolloServer<Context>, services: Services, config: Config): RequestHandler[] {
  const allowedOrigins = new Set([new URL(config.PUBLIC_APP_URL).origin]);
  const corsMiddleware = cors({
    origin: (origin, done) => done(null, !origin || allowedOrigins.has(origin) || !config.isProduction),
    credentials: false,
  });
  return [
    corsMiddleware,
    express.json({ limit: '1mb' }),
    authenticateSession(services),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => ({
        principal: res.locals.principal ?? null,
        session: res.locals.session ?? null,
        services,
        loaders: createLoaders(services),
        returnTo: typeof req.headers['x-return-to'] === 'string' ? req.headers['x-return-to'] : null,
        http: { req, res },
      }),
    }),
  ];
}

/** The orderly shutdown, in the order each part depends on the next. */
function closer(parts: {
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  services: Services;
  jobs: ReturnType<typeof startJobs>;
  events: Events;
  log: Logger;
}): App['close'] {
  const { apollo, httpServer, services, jobs, events, log } = parts;
  return async (onStep = () => undefined) => {
    const step = async (name: string, work: () => Promise<unknown> | unknown) => {
      onStep(name);
      await work();
    };
    await step('graphql and sockets', () => apollo.stop());
    await step('http', () => (httpServer.listening ? new Promise<void>((resolve) => httpServer.close(() => resolve())) : undefined));
    // Answered calls whose settles are still queued: committed before the engine closes.
    await step('proxy settles', () => services.proxy.settled());
    await step('jobs', () => jobs.stop());
    await step('refusals', () =>
      services.refusals.flush().catch((err: unknown) => log.warn({ err: { message: (err as Error).message } }, 'refusals not flushed')),
    );
    await step('ledger engine', () => services.engine.close());
    await step('api key use', () => services.auth.close());
    await step('notify', () => services.notify.close());
    await step('events bus', () => events.close());
    await step('load control', () => services.loadControl.close());
    await step('sign-in limiter', () => services.signInLimiter.close());
    await step('proxy', () => services.proxy.close());
  };
}
