import type { WebSocket } from 'ws';
import type { Principal } from '../auth/roles.js';

/** Close code for a socket over its principal's cap (as HTTP 429). */
export const TOO_MANY_SOCKETS_CLOSE_CODE = 4429;

export interface WsCapLimits {
  socketsPerPrincipal: number;
  subscriptionsPerPrincipal: number;
}

/** Whose sockets count together: an API key, else a cookie session (staff console or Credits page). */
const capRef = (p: Principal): string | null => (p.keyId ? `key:${p.keyId}` : p.sessionId ? `session:${p.sessionId}` : null);

/**
 * Concurrent graphql-ws sockets and subscriptions per principal, counted on this instance (a
 * client spread over N instances may hold N times as many). A closed socket gives back its
 * sockets and subscriptions whatever way it ended.
 */
export function wsCaps(limits: WsCapLimits) {
  const byRef = new Map<string, Map<WebSocket, Set<string>>>();
  const subscriptions = (sockets: Map<WebSocket, Set<string>>) => [...sockets.values()].reduce((n, ids) => n + ids.size, 0);
  return {
    /** Counts a newly authenticated socket; false (nothing counted) when its principal is at the cap. */
    openSocket(principal: Principal, socket: WebSocket): boolean {
      const ref = capRef(principal);
      if (!ref) return true;
      const sockets = byRef.get(ref) ?? new Map<WebSocket, Set<string>>();
      if (sockets.size >= limits.socketsPerPrincipal) return false;
      sockets.set(socket, new Set());
      byRef.set(ref, sockets);
      socket.once('close', () => {
        sockets.delete(socket);
        if (!sockets.size && byRef.get(ref) === sockets) byRef.delete(ref);
      });
      return true;
    },
    /** Counts subscription `id` on `socket`; false when its principal is at the cap. */
    openSubscription(principal: Principal | null, socket: WebSocket, id: string): boolean {
      const sockets = principal && byRef.get(capRef(principal) ?? '');
      const ids = sockets?.get(socket);
      if (!sockets || !ids) return true;
      if (subscriptions(sockets) >= limits.subscriptionsPerPrincipal) return false;
      ids.add(id);
      return true;
    },
    closeSubscription(principal: Principal | null, socket: WebSocket, id: string): void {
      const ref = principal && capRef(principal);
      if (ref) byRef.get(ref)?.get(socket)?.delete(id);
    },
  };
}

export type WsCaps = ReturnType<typeof wsCaps>;
