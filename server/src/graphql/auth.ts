import { getMetadataStorage, type AuthCheckerFn } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { accountFor, authorize, can, type Action } from '../auth/policy.js';
import { RULES } from '../auth/policy/rules.js';
import type { Principal } from '../auth/roles.js';
import { DomainError, unauthenticated } from '../shared/errors.js';
import type { Context } from './context.js';
import { toGraphQLError } from './errors.js';

/**
 * Behind every `@Authorized('<action>')`: the policy (auth/policy.ts) decides. type-graphql runs
 * it before the global middlewares, so it throws the typed GraphQL errors itself.
 */
export const authChecker: AuthCheckerFn<Context, Action> = ({ context }, actions) => {
  const [action] = actions;
  try {
    authorize(context.principal, action);
  } catch (err) {
    throw err instanceof DomainError ? toGraphQLError(err) : err;
  }
  return true;
};

/** The caller, for resolvers behind `@Authorized` (the principal goes to services for the audit row). */
export function principalOf(ctx: Pick<Context, 'principal'>): Principal {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal;
}

/** Whether the caller may do `action` (for fields that show less rather than fail). */
export const allowed = (ctx: Pick<Context, 'principal'>, action: Action): boolean => can(ctx.principal, action);

/** The account an account-scoped operation acts on for the caller (see `accountFor`). */
export const accountInScope = (ctx: Pick<Context, 'principal'>, action: Action, accountId: string | null | undefined): string =>
  accountFor(ctx.principal, action, accountId);

/**
 * Every Query, Mutation and Subscription field names exactly one known policy action: a field
 * without one would skip the policy, so the schema refuses to build.
 */
export function assertEveryRootFieldAuthorized(schema: GraphQLSchema): void {
  const byField = new Map<string, unknown[][]>();
  for (const m of getMetadataStorage().authorizedFields) byField.set(m.fieldName, [...(byField.get(m.fieldName) ?? []), m.roles]);
  const problems: string[] = [];
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const name of Object.keys(type?.getFields() ?? {})) {
      const roles = byField.get(name) ?? [];
      if (!roles.some((r) => r.length === 1 && typeof r[0] === 'string' && r[0] in RULES))
        problems.push(`${type!.name}.${name}: ${roles.length ? `unknown action ${JSON.stringify(roles)}` : "no @Authorized('<action>')"}`);
    }
  }
  for (const m of getMetadataStorage().authorizedFields) {
    if (m.roles.length !== 1 || !(m.roles[0] in RULES))
      problems.push(`${m.fieldName}: @Authorized must name one action of auth/policy/rules.ts`);
  }
  if (problems.length) throw new Error(`Fields outside the policy:\n${problems.join('\n')}`);
}
