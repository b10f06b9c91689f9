import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.js';
import { refusal, type Gate, type Release } from './gate.js';

/** The gate (gate.ts) for operations over HTTP: once the operation is known, before any resolver runs. */
export function gatePlugin(gate: Gate): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let release: Release | null = null;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return; // Apollo refuses it itself (OPERATION_RESOLUTION_FAILURE)
          // Over HTTP a subscription resolver would run once on a request's context, which it is not written for.
          if (operation.operation === 'subscription')
            throw refusal('Subscriptions are served over graphql-ws at /graphql, not over HTTP', 'BAD_REQUEST', 400);
          release = await gate({ schema, document, operation, variables: request.variables, principal: contextValue.principal });
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}
