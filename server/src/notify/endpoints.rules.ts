import { hasRole, type Principal } from '../auth/roles.js';
import { badInput, forbidden, notFound } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import { allEventTypes, knownEventType } from './notify.rules.js';

export type EndpointAccess = 'read' | 'manage';

/** What an endpoint subscribes to: known event types (or "*"), each once. */
export function endpointEvents(events: string[]): string[] {
  if (!Array.isArray(events) || events.length === 0)
    throw badInput('events must name at least one event type (or "*")', { field: 'events' });
  if (events.length > 50) throw badInput('events names at most 50 types', { field: 'events' });
  const unique = [...new Set(events.map((e) => String(e).trim()))];
  for (const e of unique) {
    if (e !== '*' && !knownEventType(e)) {
      throw badInput(`Unknown event type "${e.slice(0, 60)}"; known: ${allEventTypes().join(', ')}`, { field: 'events' });
    }
  }
  return unique;
}

/** The account an operation is about (null = operator endpoints), after the role check. */
export function endpointOwner(actor: Principal, accountIdInput: string | null, allAccounts: boolean, mode: EndpointAccess): string | null {
  if (allAccounts) {
    if (accountIdInput) throw badInput('Give either accountId or allAccounts, not both', { field: 'allAccounts' });
    if (!hasRole(actor.role, mode === 'manage' ? 'ADMIN' : 'SUPPORT'))
      throw forbidden(`Operator endpoints need the ${mode === 'manage' ? 'ADMIN' : 'SUPPORT'} role`);
    return null;
  }
  const accountId = accountIdInput ? parseId(accountIdInput, 'accountId') : actor.accountId;
  if (accountId !== actor.accountId && !hasRole(actor.role, mode === 'manage' ? 'ADMIN' : 'SUPPORT')) {
    throw forbidden(
      mode === 'manage'
        ? "Only the account itself or an ADMIN may manage an account's webhook endpoints"
        : 'A USER key may only access its own account',
    );
  }
  return accountId;
}

/** May `actor` read or manage the endpoint `id` of `accountId`? Someone else's endpoint is "not found" to a USER key. */
export function checkEndpointAccess(actor: Principal, id: string, accountId: string | null, mode: EndpointAccess): void {
  const staffRole = mode === 'manage' ? 'ADMIN' : 'SUPPORT';
  const own = accountId !== null && accountId === actor.accountId;
  if (own || hasRole(actor.role, staffRole)) return;
  if (!hasRole(actor.role, 'SUPPORT')) throw notFound(`Webhook endpoint ${id} not found`);
  throw forbidden(`This operation needs the ${staffRole} role`);
}
