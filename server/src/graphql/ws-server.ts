import type http from 'node:http';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { trackPrincipalSockets } from '../auth/principal-sockets.js';
import type { Config } from '../config.js';
import type { EventBus } from '../shared/events/bus.js';
import type { Services } from '../services.js';
import { identify, sameOrigin } from '../sessions/request-principal.js';
import type { Context } from './context.js';
import { maskErrors } from './errors.js';
import type { Gate } from './gate.js';
import { createLoaders } from './loaders.js';
import { TOO_MANY_SOCKETS_CLOSE_CODE, wsCaps } from './ws-caps.js';
import { balanceFanOut } from './ws-fanout.js';
import { wsGate, type WsExtra, type WsPrincipal } from './ws-gate.js';

export interface WsServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  validationRules: ValidationRule[];
  gate: Gate;
  services: Services;
  events: EventBus;
  config: Config;
  log: Logger;
}

/** `authorization` in connectionParams, whatever its case (as an HTTP header name). */
const authorizationParam = (params: Readonly<Record<string, unknown>> | undefined): unknown =>
  Object.entries(params ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];

/** graphql-ws on `/graphql` of the same HTTP server; `dispose` ends every socket (drain). */
export function createWsServer(opts: WsServerOptions): { dispose: () => Promise<void> } {
  const { services, config, log } = opts;
  const wsServer = new WebSocketServer({ server: opts.httpServer, path: '/graphql' });
  const sockets = trackPrincipalSockets(
    services.principals,
    opts.events,
    (err) => log.error({ err }, 'could not check the principals of open subscriptions'),
    Math.max(config.CACHE_TTL_MS, 1_000),
  );
  const caps = wsCaps({
    socketsPerPrincipal: config.WS_MAX_SOCKETS_PER_PRINCIPAL,
    subscriptionsPerPrincipal: config.WS_MAX_SUBSCRIPTIONS_PER_PRINCIPAL,
  });
  const context = (extra: WsExtra): Context => ({
    principal: extra.principal ?? null,
    services,
    loaders: createLoaders(services),
    returnTo: null,
  });
  const mask = maskErrors(log, { hideSuggestions: config.isProduction });
  // Every operation passes the same gate and error mask as over HTTP.
  const gate = wsGate({ schema: opts.schema, validationRules: opts.validationRules, gate: opts.gate, caps, mask, context });
  // balanceUpdated: one execution per account and event, written to each of its sockets.
  const fanOut = balanceFanOut({ mask });
  const cleanup = useServer<Record<string, unknown>, WsPrincipal>(
    {
      schema: opts.schema,
      isProd: true, // a close reason never carries an internal error's message, in development either
      onConnect: async (ctx) => {
        // A key in connectionParams, else (from our own pages only) the session cookie of the upgrade request.
        const headers = ctx.extra.request.headers;
        const { principal } = await identify(services, headers, {
          authorization: authorizationParam(ctx.connectionParams),
          cookies: sameOrigin(headers, config.PUBLIC_APP_URL),
        });
        if (!principal) return false; // closes with 4403 Forbidden: no key or session, no subscription
        if (!caps.openSocket(principal, ctx.extra.socket)) {
          ctx.extra.socket.close(TOO_MANY_SOCKETS_CLOSE_CODE, 'Too many open sockets for this key or session');
          return false;
        }
        return sockets.admit(ctx.extra, principal);
      },
      ...gate,
      subscribe: fanOut.subscribe,
      onOperation: fanOut.onOperation,
      // Every operation first re-checks the principal: an ended key or session closes the socket (4403).
      onSubscribe: async (ctx, id, payload) => (await sockets.recheck(ctx.extra)) ?? gate.onSubscribe(ctx, id, payload),
    },
    wsServer,
  );
  return {
    dispose: async () => {
      sockets.stop();
      await cleanup.dispose();
    },
  };
}
