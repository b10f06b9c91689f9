import { GraphQLError, isObjectType, type GraphQLFieldResolver, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { ValidationError } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError, HTTP_STATUS, notFound } from '../shared/errors.js';
import { validationRefusal } from '../shared/validate.js';
import { creditsUrl } from '../shared/return-to.js';
import type { Context } from './context.js';
import { metrics } from '../metrics/metrics.js';

/** Domain error -> GraphQL error with `extensions.code` (and HTTP 402 + creditsUrl for credits). */
export function toGraphQLError(err: DomainError, publicAppUrl?: string, returnTo: string | null = null): GraphQLError {
  const extensions: Record<string, unknown> = { code: err.code, ...err.details };
  if (err.code === 'INSUFFICIENT_CREDITS' && publicAppUrl) {
    extensions.creditsUrl = creditsUrl(publicAppUrl, returnTo);
    extensions.http = { status: HTTP_STATUS.INSUFFICIENT_CREDITS };
  }
  return new GraphQLError(err.message, { extensions });
}

/** For `subscribe` functions, which middlewares do not wrap: domain errors become GraphQL errors. */
export async function withGraphQLErrors<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError) throw toGraphQLError(err, ctx.services.config.PUBLIC_APP_URL, ctx.returnTo);
    throw err;
  }
}

/** The value, or NOT_FOUND with `message`. */
export function found<T>(value: T | null | undefined, message: string): T {
  if (value === null || value === undefined) throw notFound(message);
  return value;
}

/** What a resolver threw, as the client should see it: a domain error becomes its typed GraphQL error. */
function asGraphQLError(err: unknown, context: Context, publicAppUrl: string): unknown {
  if (err instanceof ArgumentValidationError)
    return toGraphQLError(validationRefusal(err.extensions.validationErrors as ValidationError[]));
  if (!(err instanceof DomainError)) return err;
  if (err.code === 'INSUFFICIENT_CREDITS') {
    metrics.insufficientCredits('graphql');
    context.services.refusals.count('graphql');
  }
  return toGraphQLError(err, publicAppUrl, context.returnTo);
}

/**
 * Wraps every field resolver of the schema so that domain errors become typed GraphQL errors. Done
 * once at build rather than as a type-graphql global middleware: that turned every plain property
 * read (`balanceMillicredits`) into an async middleware chain, several promises per field.
 */
export function translateDomainErrors(schema: GraphQLSchema, publicAppUrl: string): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as GraphQLFieldResolver<unknown, Context> | undefined;
      if (!resolve) continue;
      field.resolve = (root, args, context: Context, info) => {
        try {
          const value: unknown = resolve(root, args, context, info);
          return value instanceof Promise
            ? value.catch((err: unknown) => {
                throw asGraphQLError(err, context, publicAppUrl);
              })
            : value;
        } catch (err) {
          throw asGraphQLError(err, context, publicAppUrl);
        }
      };
    }
  }
}

const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'INSUFFICIENT_CREDITS',
  'MODEL_DISABLED',
  'MODEL_NOT_FOUND',
  'IDEMPOTENCY_CONFLICT',
  'SPEND_CAP_EXCEEDED',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'RATE_LIMIT_EXCEEDED',
  'TOO_MANY_SUBSCRIPTIONS',
  'SERVICE_UNAVAILABLE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one error mask, for HTTP (Apollo's formatError) and graphql-ws (`maskErrors`): everything
 * that is not a known, typed error is logged and masked, so no SQL or stack reaches a client; in
 * production, field suggestions ("Did you mean …") are removed as well.
 */
export const formatError =
  (log: Logger, opts: { hideSuggestions?: boolean } = {}) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (code && PUBLIC_CODES.has(code)) {
      return opts.hideSuggestions ? { ...formatted, message: formatted.message.replace(/ ?Did you mean ".+"\?/g, '').trim() } : formatted;
    }
    log.error({ err: (error as GraphQLError)?.originalError ?? error, path: formatted.path }, 'unhandled GraphQL error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };

/** The same mask for graphql-ws, which sends errors as they are; `extensions.http` is Apollo's alone. */
export const maskErrors = (log: Logger, opts: { hideSuggestions?: boolean } = {}) => {
  const format = formatError(log, opts);
  return (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => {
      const { http: _http, ...extensions } = error.extensions ?? {};
      return format({ ...error.toJSON(), extensions }, error);
    });
};
