import { GraphQLError } from 'graphql';
import type { WebSocket } from 'ws';
import type { EventBus } from '../shared/events/bus.js';
import type { Principal } from './roles.js';

/** graphql-ws close code for a connection whose principal ended (as for a refused connection). */
export const PRINCIPAL_ENDED_CLOSE_CODE = 4403;

/** What the sockets ask of the principal check (sessions/principal-check.ts). */
export interface PrincipalChecker {
  current(principal: Principal): Promise<Principal | null>;
  ended(principals: Principal[]): Promise<Set<string>>;
}

/** The per-socket state graphql-ws keeps in `ctx.extra`. */
export interface SocketExtra {
  socket: WebSocket;
  principal?: Principal;
}

/** What a principal is re-checked by: its cookie session, else its key; null for one that has neither. */
export const principalRef = (p: Principal): string | null => (p.sessionId ? `session:${p.sessionId}` : p.keyId ? `key:${p.keyId}` : null);

const ended = () =>
  new GraphQLError('Your session or API key has ended: connect again with a valid one', { extensions: { code: 'UNAUTHENTICATED' } });

/**
 * Open graphql-ws connections by the principal (API key or cookie session) that opened them.
 * When keys or sessions change anywhere (a revocation, sign-out, disabled user or password change
 * publishes the `apiKeys` or `sessions` invalidation on every instance), the connections whose
 * principal ended are closed with 4403, and their subscriptions with them. Each operation on a
 * socket re-checks its principal too (`recheck`), so a lost invalidation cannot keep one alive.
 */
export function trackPrincipalSockets(
  check: PrincipalChecker,
  events: Pick<EventBus, 'on'>,
  onError: (err: unknown) => void,
  /** Also sweep this often: sessions reaching their lifetime, and invalidations Redis lost. */
  sweepEveryMs = 30_000,
) {
  const byRef = new Map<string, { principal: Principal; sockets: Set<WebSocket> }>();
  const close = (socket: WebSocket) => socket.close(PRINCIPAL_ENDED_CLOSE_CODE, 'Session or API key ended');
  const sweep = () => {
    if (byRef.size === 0) return;
    const entries = [...byRef];
    check
      .ended(entries.map(([, e]) => e.principal))
      .then((refs) => {
        for (const [ref, entry] of entries) {
          if (!refs.has(ref)) continue;
          for (const socket of entry.sockets) close(socket);
          byRef.delete(ref);
        }
      })
      .catch(onError);
  };
  events.on('cacheInvalidated', (scope) => {
    if (scope === 'apiKeys' || scope === 'sessions') sweep();
  });
  const timer = setInterval(sweep, sweepEveryMs);
  timer.unref();
  const track = (principal: Principal, socket: WebSocket) => {
    const ref = principalRef(principal);
    if (!ref) return;
    const entry = byRef.get(ref) ?? { principal, sockets: new Set<WebSocket>() };
    entry.sockets.add(socket);
    byRef.set(ref, entry);
    socket.once('close', () => {
      entry.sockets.delete(socket);
      if (!entry.sockets.size && byRef.get(ref) === entry) byRef.delete(ref);
    });
  };
  return {
    stop: () => clearInterval(timer),
    /** At connect: tracks the socket; false when the principal ended meanwhile (refuse the connection). */
    async admit(extra: SocketExtra, principal: Principal): Promise<boolean> {
      track(principal, extra.socket);
      const now = await check.current(principal);
      if (now) extra.principal = now;
      return Boolean(now);
    },
    /**
     * Before each operation (graphql-ws `onSubscribe`): refreshes the socket's principal, or
     * closes the socket with 4403 and refuses the operation when it has ended.
     */
    async recheck(extra: SocketExtra): Promise<readonly GraphQLError[] | undefined> {
      const now = extra.principal ? await check.current(extra.principal) : null;
      if (now) {
        extra.principal = now;
        return undefined;
      }
      close(extra.socket);
      return [ended()];
    },
  };
}
