import type { WebSocket } from 'ws';
import type { BalanceEvents } from '../ledger/balance-events.js';
import type { AuthService } from './auth.service.js';

/** graphql-ws close code for a connection whose key was revoked (as for a refused connection). */
export const KEY_REVOKED_CLOSE_CODE = 4403;

/**
 * Open graphql-ws connections by the API key that opened them. When keys change anywhere (a
 * revocation publishes the `apiKeys` invalidation on every instance), the connections whose key
 * is no longer valid are closed, and their subscriptions with them.
 */
export function trackKeySockets(auth: Pick<AuthService, 'validKeyIds'>, events: Pick<BalanceEvents, 'onInvalidate'>, onError: (err: unknown) => void) {
  const byKey = new Map<string, Set<WebSocket>>();
  events.onInvalidate((scope) => {
    if (scope !== 'apiKeys' || byKey.size === 0) return;
    const keyIds = [...byKey.keys()];
    auth
      .validKeyIds(keyIds)
      .then((valid) => {
        for (const keyId of keyIds) {
          if (valid.has(keyId)) continue;
          for (const socket of byKey.get(keyId) ?? []) socket.close(KEY_REVOKED_CLOSE_CODE, 'API key revoked');
          byKey.delete(keyId);
        }
      })
      .catch(onError);
  });
  return {
    add(keyId: string | null, socket: WebSocket) {
      if (!keyId) return;
      const sockets = byKey.get(keyId) ?? new Set();
      sockets.add(socket);
      byKey.set(keyId, sockets);
      socket.once('close', () => {
        sockets.delete(socket);
        if (!sockets.size && byKey.get(keyId) === sockets) byKey.delete(keyId);
      });
    },
  };
}
