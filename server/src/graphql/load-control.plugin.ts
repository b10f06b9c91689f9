import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Overloaded } from '../http/admission.js';
import type { LoadControl } from '../http/load-control.js';
import { RateLimited } from '../http/rate-limit.js';
import type { Context } from './context.js';

const refusal = (message: string, code: string, status: number, retryAfterSeconds: number, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, {
    extensions: { code, retryAfterSeconds, ...extra, http: { status, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } },
  });

/**
 * Per-key rate limit on every operation of an API key (429 RATE_LIMIT_EXCEEDED), then admission
 * control on mutations (503 SERVICE_UNAVAILABLE), both with Retry-After, before any resolver runs.
 */
export function loadControlPlugin(load: LoadControl): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let release: (() => void) | null = null;
      return {
        async didResolveOperation({ operation, contextValue }) {
          try {
            await load.checkRate(contextValue.principal, 'graphql');
            if (operation?.operation === 'mutation') release = await load.mutationGate.acquire();
          } catch (err) {
            if (err instanceof RateLimited) throw refusal(err.message, 'RATE_LIMIT_EXCEEDED', 429, err.retryAfterSeconds, { limitPerMinute: err.limitPerMinute });
            if (err instanceof Overloaded) throw refusal(err.message, 'SERVICE_UNAVAILABLE', 503, err.retryAfterSeconds);
            throw err;
          }
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}
