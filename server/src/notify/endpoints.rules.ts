import { accountFor, authorizeAnyAccount, can, canAnyAccount } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import { badInput, notFound } from '../shared/errors.js';
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

const ACTION = { read: 'webhook.read', manage: 'webhook.manage' } as const;

/** The account an operation is about (null = operator endpoints), after the policy's check. */
export function endpointOwner(actor: Principal, accountIdInput: string | null, allAccounts: boolean, mode: EndpointAccess): string | null {
  if (allAccounts) {
    if (accountIdInput) throw badInput('Give either accountId or allAccounts, not both', { field: 'allAccounts' });
    authorizeAnyAccount(actor, ACTION[mode]);
    return null;
  }
  return accountFor(actor, ACTION[mode], accountIdInput);
}

/** May `actor` read or manage the endpoint `id` of `accountId`? Someone else's endpoint is "not found" to a customer. */
export function checkEndpointAccess(actor: Principal, id: string, accountId: string | null, mode: EndpointAccess): void {
  if (accountId === null ? canAnyAccount(actor, ACTION[mode]) : can(actor, ACTION[mode], { accountId })) return;
  if (!canAnyAccount(actor, 'webhook.read')) throw notFound(`Webhook endpoint ${id} not found`);
  authorizeAnyAccount(actor, ACTION[mode]);
}
