import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.js';
import type { Gate, Release } from './gate.js';

/** The gate (gate.ts) for operations over HTTP: once the operation is known, before any resolver runs. */
export function gatePlugin(gate: Gate): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let release: Release | null = null;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return; // Apollo refuses it itself (OPERATION_RESOLUTION_FAILURE)
          release = await gate({ schema, document, operation, variables: request.variables, principal: contextValue.principal });
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}
