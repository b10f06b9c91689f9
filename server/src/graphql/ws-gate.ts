import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  type DocumentNode,
  type ExecutionArgs,
  type OperationDefinitionNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { Principal } from '../auth/roles.js';
import { GRAPHQL_TOKEN_LIMIT, validateCaught } from './armor.js';
import type { Context } from './context.js';
import type { maskErrors } from './errors.js';
import type { Gate, Release } from './gate.js';
import type { WsCaps } from './ws-caps.js';

/** What graphql-ws keeps per socket: the socket and upgrade request, and who opened it. */
export type WsPrincipal = { principal?: Principal };
export type WsExtra = Extra & Partial<WsPrincipal>;
type Hooks = Required<
  Pick<ServerOptions<Record<string, unknown>, WsExtra>, 'onSubscribe' | 'execute' | 'onComplete' | 'onNext' | 'onError'>
>;

const coded = (errors: readonly GraphQLError[], code: string) =>
  errors.map(
    (e) => new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { ...e.extensions, code } }),
  );

/**
 * What Apollo does for HTTP, for each graphql-ws operation: parse with the token limit, validate
 * with the same rules (depth, aliases, cost), coerce variables, then pass the same gate (gate.ts);
 * over the principal's subscription cap, a typed refusal. Every error goes through the same mask.
 */
export function wsGate(opts: {
  schema: GraphQLSchema;
  validationRules: readonly ValidationRule[];
  gate: Gate;
  caps: WsCaps;
  mask: ReturnType<typeof maskErrors>;
  context: (extra: WsExtra) => Context;
}): Hooks {
  const { schema, caps } = opts;
  const rules = [...specifiedRules, ...opts.validationRules];
  // The admission slot of a query or mutation, released once it has run (graphql-ws passes these same args to `execute`).
  const admitted = new WeakMap<ExecutionArgs, Release>();
  const admit: Hooks['onSubscribe'] = async (ctx, id, payload) => {
    const checked = checkedOperation(schema, rules, payload);
    if (Array.isArray(checked)) return checked;
    const { document, operation } = checked;
    const principal = ctx.extra.principal ?? null;
    const release = await opts.gate({ schema, document, operation, variables: payload.variables, principal });
    if (operation.operation === 'subscription' && !caps.openSubscription(principal, ctx.extra.socket, id)) {
      release();
      return [tooManySubscriptions()];
    }
    const args: ExecutionArgs = {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables,
      contextValue: opts.context(ctx.extra),
    };
    admitted.set(args, release);
    return args;
  };
  return {
    // A refusal or failure answers this operation (through the mask), never closes the socket with its message.
    onSubscribe: async (ctx, id, payload) => {
      try {
        return await admit(ctx, id, payload);
      } catch (err) {
        return [err instanceof GraphQLError ? err : new GraphQLError('Internal server error', { originalError: err as Error })];
      }
    },
    execute: async (args) => {
      try {
        return await execute(args);
      } finally {
        admitted.get(args)?.();
      }
    },
    onComplete: (ctx, id) => caps.closeSubscription(ctx.extra.principal ?? null, ctx.extra.socket, id),
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: opts.mask(result.errors) } : undefined),
    onError: (_ctx, _id, _payload, errors) => opts.mask(errors),
  };
}

/** Parse with the token limit, validate, find the operation and coerce its variables: the document, or the errors to answer. */
function checkedOperation(
  schema: GraphQLSchema,
  rules: readonly ValidationRule[],
  payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
): { document: DocumentNode; operation: OperationDefinitionNode } | GraphQLError[] {
  let document;
  try {
    document = parse(payload.query, { maxTokens: GRAPHQL_TOKEN_LIMIT });
  } catch (err) {
    if (err instanceof GraphQLError) return coded([err], 'GRAPHQL_PARSE_FAILED');
    throw err;
  }
  const invalid = validateCaught(schema, document, rules);
  if (invalid.length) return coded(invalid, 'GRAPHQL_VALIDATION_FAILED');
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return [new GraphQLError('Unable to identify operation', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 20 });
  if (coerced.errors) return coded(coerced.errors, 'BAD_USER_INPUT');
  return { document, operation };
}

const tooManySubscriptions = () =>
  new GraphQLError('Too many open subscriptions for this key or session: complete one before starting another', {
    extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
  });
