import type http from 'node:http';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { trackPrincipalSockets } from '../auth/principal-sockets.js';
import type { Principal } from '../auth/roles.js';
import type { Config } from '../config.js';
import type { BalanceEvents } from '../ledger/balance-events.js';
import type { Services } from '../services.js';
import { identify, sameOrigin } from '../sessions/request-principal.js';
import { validateWith } from './armor.js';
import type { Context } from './context.js';
import { createLoaders } from './loaders.js';

export interface WsServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  validationRules: ValidationRule[];
  services: Services;
  events: BalanceEvents;
  config: Config;
  log: Logger;
}

/** graphql-ws on `/graphql` of the same HTTP server; `dispose` ends every socket (drain). */
export function createWsServer(opts: WsServerOptions): { dispose: () => Promise<void> } {
  const { services, config, log } = opts;
  const wsServer = new WebSocketServer({ server: opts.httpServer, path: '/graphql' });
  const sockets = trackPrincipalSockets(services.principals, opts.events, (err) =>
    log.error({ err }, 'could not check the principals of open subscriptions'),
  );
  const cleanup = useServer<Record<string, unknown>, { principal?: Principal }>(
    {
      schema: opts.schema,
      validate: validateWith(opts.validationRules),
      onConnect: async (ctx) => {
        // A key in connectionParams, else (from our own pages only) the session cookie of the upgrade request.
        const headers = ctx.extra.request.headers;
        const { principal } = await identify(services, headers, {
          authorization: ctx.connectionParams?.authorization,
          cookies: sameOrigin(headers, config.PUBLIC_APP_URL),
        });
        if (!principal) return false; // closes with 4403 Forbidden: no key or session, no subscription
        return sockets.admit(ctx.extra, principal);
      },
      // Every operation re-checks the principal: an ended key or session closes the socket (4403).
      onSubscribe: (ctx) => sockets.recheck(ctx.extra),
      context: (ctx): Context => ({
        principal: ctx.extra.principal ?? null,
        services,
        loaders: createLoaders(services),
        returnTo: null,
      }),
    },
    wsServer,
  );
  return { dispose: async () => cleanup.dispose() };
}
