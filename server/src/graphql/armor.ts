import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Context } from './context.js';

/**
 * Limits on what one GraphQL document may ask for (GraphQL Armor): aliases (1,000 aliased
 * `me { ledger usage }` took 49 s and 42 MB), depth, cost and tokens (the token limit stops a
 * 10,000-alias document while it is parsed). The console's and the tests' own operations stay far
 * below every limit.
 */
export function graphqlArmor(): { plugins: ApolloServerPlugin<Context>[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxAliases: { n: 15 },
    maxDepth: { n: 12 },
    costLimit: { maxCost: 30_000 },
    // Tokens are limited by graphql's own parser (GRAPHQL_TOKEN_LIMIT below): a parse error, 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    // Field suggestions are removed by the one error mask (errors.ts), for graphql-ws as well.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // Armor's typings name Apollo's CommonJS build; the plugins are the same objects.
  return { plugins: plugins as unknown as ApolloServerPlugin<Context>[], validationRules };
}

/** Tokens in one document (graphql's `parse` stops counting there: a 10,000-alias document costs nothing). */
export const GRAPHQL_TOKEN_LIMIT = 2000;

/** `validate`, with the refusal that armor's rules throw (rather than report) returned as an error. */
export function validateCaught(schema: GraphQLSchema, document: DocumentNode, rules: readonly ValidationRule[]): readonly GraphQLError[] {
  try {
    return validate(schema, document, rules);
  } catch (err) {
    if (err instanceof GraphQLError) return [err];
    throw err;
  }
}

/** In production, only a caller with a key may introspect the schema (`__schema`, `__type`). */
export const anonymousIntrospectionPlugin = (isProduction: boolean): ApolloServerPlugin<Context> => ({
  async requestDidStart({ contextValue }) {
    if (!isProduction || contextValue.principal) return;
    return {
      async didResolveOperation({ schema, document }) {
        const [refused] = validate(schema, document, [NoSchemaIntrospectionCustomRule]);
        if (refused) {
          throw new GraphQLError('Introspection needs an API key', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
        }
      },
    };
  },
});
