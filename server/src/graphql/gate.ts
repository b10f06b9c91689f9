import { HeaderMap } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import type { Principal } from '../auth/roles.js';
import { Overloaded } from '../http/admission.js';
import type { LoadControl } from '../http/load-control.js';
import { RateLimited } from '../http/rate-limit.js';
import { ERROR_KINDS } from '../shared/errors.js';
import { validateCaught } from './armor.js';
import { documentHasBadText, variablesHaveBadText } from './bad-text.js';

/** One GraphQL operation, parsed and validated, as either transport hands it to the gate. */
export interface GateOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Readonly<Record<string, unknown>> | null | undefined;
  principal: Principal | null;
}

/** Gives back what the gate admitted (a mutation's admission slot); safe to call more than once. */
export type Release = () => void;
export type Gate = (op: GateOperation) => Promise<Release>;

/** A refusal with its HTTP status (and Retry-After) for Apollo; graphql-ws drops `http` (errors.ts). */
export const refusal = (message: string, code: string, status: number, retryAfterSeconds?: number, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, {
    extensions: {
      code,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      ...extra,
      http: {
        status,
        ...(retryAfterSeconds === undefined ? {} : { headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) }),
      },
    },
  });

const PAGING_ARGUMENTS = new Set(['first', 'last']);
/**
 * No list serves more rows than this (connections refuse above 200; `promotions` and
 * `negativeBalances` clamp at 500): a larger `$n` costs what can run, and a connection still
 * answers its own BAD_USER_INPUT for it.
 */
const LARGEST_PAGE = 500;

/**
 * The document with every paging argument given by a variable (`first: $n`) written in with its
 * value (or the variable's default), so the cost limit counts what will run, not a placeholder.
 * Null when no paging argument uses a variable: validation already costed the document as it is.
 */
function withPagingVariables(op: GateOperation): DocumentNode | null {
  const defaults = new Map<string, ValueNode | undefined>(
    op.operation.variableDefinitions?.map((d) => [d.variable.name.value, d.defaultValue]),
  );
  let changed = false;
  const document = visit(op.document, {
    [Kind.ARGUMENT]: (node) => {
      if (!PAGING_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
      const name = node.value.name.value;
      const given = op.variables?.[name];
      const fallback = defaults.get(name);
      const rows = Number.isInteger(given) ? (given as number) : fallback?.kind === Kind.INT ? Number(fallback.value) : null;
      if (rows === null) return undefined;
      changed = true;
      return { ...node, value: { kind: Kind.INT, value: String(Math.min(rows, LARGEST_PAGE)) } };
    },
  });
  return changed ? document : null;
}

interface DocumentFacts {
  badText: boolean;
  pagedByVariable: boolean;
}

/**
 * What the gate needs to know of a document whatever its variables, by parsed document: Apollo
 * hands the same DocumentNode to every request with the same text (its document cache), so a
 * repeated operation is walked once, not twice a request.
 */
const factsByDocument = new WeakMap<DocumentNode, DocumentFacts>();

function documentFacts(document: DocumentNode): DocumentFacts {
  let facts = factsByDocument.get(document);
  if (!facts) {
    let pagedByVariable = false;
    visit(document, {
      [Kind.ARGUMENT]: (node) => {
        if (PAGING_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) pagedByVariable = true;
      },
    });
    facts = { badText: documentHasBadText(document), pagedByVariable };
    factsByDocument.set(document, facts);
  }
  return facts;
}

/**
 * The one gate every GraphQL operation passes, over HTTP (gate.plugin.ts) and graphql-ws
 * (ws-gate.ts) alike, after parsing (token limit) and validation (depth, aliases, cost):
 * 1. text PostgreSQL cannot store (NUL, lone surrogates) anywhere in arguments or variables: 400 BAD_USER_INPUT;
 * 2. the cost limit again with paging variables written in (`first: $n` with n = 200): 400;
 * 3. the API key's requests per minute: 429 RATE_LIMIT_EXCEEDED;
 * 4. admission control on mutations: 503 SERVICE_UNAVAILABLE.
 */
export function createGate(load: LoadControl, validationRules: readonly ValidationRule[]): Gate {
  return async (op) => {
    const facts = documentFacts(op.document);
    if (variablesHaveBadText(op.variables) || facts.badText) {
      throw refusal('Text must not contain a NUL character or an unpaired UTF-16 surrogate', 'BAD_USER_INPUT', 400);
    }
    const priced = facts.pagedByVariable ? withPagingVariables(op) : null;
    if (priced) {
      const [tooCostly] = validateCaught(op.schema, priced, validationRules);
      if (tooCostly) throw refusal(tooCostly.message, 'GRAPHQL_VALIDATION_FAILED', 400);
    }
    try {
      await load.checkRate(op.principal, 'graphql');
      if (op.operation.operation !== 'mutation') return () => undefined;
      const release = await load.mutationGate.acquire();
      let released = false;
      return () => {
        if (!released) release();
        released = true;
      };
    } catch (err) {
      if (err instanceof RateLimited)
        throw refusal(err.message, ERROR_KINDS[err.code].graphql, ERROR_KINDS[err.code].status, err.retryAfterSeconds, {
          limitPerMinute: err.limitPerMinute,
        });
      if (err instanceof Overloaded)
        throw refusal(err.message, ERROR_KINDS[err.code].graphql, ERROR_KINDS[err.code].status, err.retryAfterSeconds);
      throw err;
    }
  };
}
