import type { Role } from '../auth/roles.js';
import { accountInScope, principalOf } from '../graphql/auth.js';
import type { Context } from '../graphql/context.js';
import { parseId } from '../shared/validate.js';

/**
 * "Own account, a team I belong to, or this role": like `accountInScope`, and a team's id is
 * in scope for its active members (`ownersOnly`: its OWNERs), who use it like their own account.
 */
export async function accountOrTeamInScope(ctx: Pick<Context, 'principal' | 'services'>, accountId: string | null | undefined, role: Role, ownersOnly: boolean): Promise<string> {
  const principal = principalOf(ctx);
  if (accountId !== null && accountId !== undefined) {
    const id = parseId(accountId, 'accountId');
    if (id !== principal.accountId && (await ctx.services.teams.canUseTeamAccount(principal, id, ownersOnly))) return id;
  }
  return accountInScope(ctx, accountId, role);
}
