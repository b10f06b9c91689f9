import { forbidden, unauthenticated } from '../shared/errors.js';
import { parseId, sameId } from '../shared/validate.js';
import { atLeast, kindOf, type PrincipalKind } from './policy/kinds.js';
import { RULES, type Action, type Rule } from './policy/rules.js';
import type { Principal, Role } from './roles.js';

export type { Action } from './policy/rules.js';
export { kindOf } from './policy/kinds.js';

/** What an operation acts on, as far as the policy needs to know. */
export interface Resource {
  /** The account it acts on (a team's id is its account's id); null or absent: the caller's own. */
  accountId?: string | null;
  /** The caller's standing in that team: its role as an active member, else null. */
  teamRole?: 'OWNER' | 'MEMBER' | null;
}

const ruleOf = (action: Action): Rule => RULES[action];

/** The least staff role among the kinds a rule admits, for "needs the X role" messages. */
function neededRole(rule: Rule): Role | null {
  return (['SUPPORT', 'FINANCE', 'ADMIN'] as const).find((r) => rule.who.includes(r)) ?? null;
}

/**
 * The caller's own account for `rule`: a team key's is its team (or, for charges that go to the
 * team anyway, the member's); a staff session has none.
 */
function ownAccount(principal: Principal, rule: Rule): string | null {
  if (kindOf(principal) === 'teamKey' && rule.teamKeyActsAs !== 'member') return principal.teamId ?? null;
  return principal.accountId ?? null;
}

function refusal(principal: Principal | null, action: Action): Error | null {
  const rule = ruleOf(action);
  const kind: PrincipalKind = kindOf(principal);
  if (rule.who.includes(kind)) return null;
  if (kind === 'anonymous') return unauthenticated();
  if (kind === 'teamKey') return forbidden('A team key only charges its team and reads it; use a key of the account itself');
  const role = neededRole(rule);
  return forbidden(
    role && !rule.who.includes('userKey') ? `This operation needs the ${role} role` : 'This operation is not open to this caller',
  );
}

/** Whether the team standing in `resource` lets the caller act on the team's account. */
const teamAllows = (rule: Rule, resource: Resource) =>
  !!rule.team && !!resource.teamRole && (rule.team === 'MEMBER' || resource.teamRole === 'OWNER');

function scopeRefusal(principal: Principal, action: Action, resource: Resource): Error | null {
  const rule = ruleOf(action);
  const own = ownAccount(principal, rule);
  if (resource.accountId === null || resource.accountId === undefined) {
    return own ? null : forbidden('A staff session has no account of its own: name the account (accountId)');
  }
  if (sameId(resource.accountId, own)) return null;
  if (kindOf(principal) === 'teamKey') return forbidden('A team key acts only for the team it was issued for');
  if (rule.other && atLeast(principal.role, rule.other)) return null;
  if (teamAllows(rule, resource)) return null;
  return forbidden(
    rule.refused ?? (rule.other ? `Acting on another account needs the ${rule.other} role` : 'Only the account itself may do this'),
  );
}

/** May `principal` do `action` (on `resource`)? */
export function can(principal: Principal | null | undefined, action: Action, resource?: Resource): boolean {
  if (refusal(principal ?? null, action)) return false;
  return !resource || !scopeRefusal(principal!, action, resource);
}

/** `can`, or the typed refusal: UNAUTHENTICATED for no caller, FORBIDDEN otherwise. Returns the caller. */
export function authorize(principal: Principal | null | undefined, action: Action, resource?: Resource): Principal {
  const refused = refusal(principal ?? null, action) ?? (resource ? scopeRefusal(principal!, action, resource) : null);
  if (refused) throw refused;
  return principal!;
}

/**
 * The account an account-scoped operation acts on: `accountIdInput`, or the caller's own when
 * omitted, after `authorize`. `teamRole`: the caller's standing in that account's team, when
 * the rule lets a team's members act on it.
 */
export function accountFor(
  principal: Principal | null | undefined,
  action: Action,
  accountIdInput: string | null | undefined,
  teamRole: Resource['teamRole'] = null,
): string {
  const accountId = accountIdInput === null || accountIdInput === undefined ? null : parseId(accountIdInput, 'accountId');
  const caller = authorize(principal, action, { accountId, teamRole });
  return accountId ?? ownAccount(caller, ruleOf(action))!;
}

/** May `principal` do `action` on any account (its rule's `other` role), e.g. the operator's own endpoints? */
export function canAnyAccount(principal: Principal | null | undefined, action: Action): boolean {
  const rule = ruleOf(action);
  return can(principal, action) && kindOf(principal) !== 'teamKey' && !!rule.other && atLeast(principal!.role, rule.other);
}

/** `canAnyAccount`, or FORBIDDEN (UNAUTHENTICATED without a caller). */
export function authorizeAnyAccount(principal: Principal | null | undefined, action: Action): Principal {
  const caller = authorize(principal, action);
  if (!canAnyAccount(caller, action)) throw forbidden(`This operation needs the ${ruleOf(action).other ?? 'ADMIN'} role`);
  return caller;
}

/** Whether the rule lets a team's members (or OWNERs) act on the team: worth looking the membership up. */
export const teamScoped = (action: Action): boolean => !!ruleOf(action).team;

/**
 * `GET /metrics` answers scrapers, not principals: with METRICS_TOKEN set, only its bearer;
 * without it, anyone in development and only callers on this host in production.
 */
export function metricsAccess(o: {
  token: string | undefined;
  bearer: string | null | undefined;
  production: boolean;
  loopback: boolean;
}): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (o.token) return o.bearer === o.token ? 'allowed' : 'UNAUTHENTICATED';
  return o.production && !o.loopback ? 'FORBIDDEN' : 'allowed';
}
