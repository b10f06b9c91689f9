import { DomainError, IdempotencyConflict, InsufficientCredits, forbidden, notFound } from '../shared/errors.js';
import type { BalanceEvents } from './balance-events.js';

export interface RefusalContext {
  accountId: string;
  /** What the movement needed from available credits. */
  required: bigint;
  available: bigint | null;
  idempotencyKey?: string | null;
}

/**
 * The one place an engine refusal becomes a typed error: the database function decided it
 * (account missing, too little available credit, key reused with another payload).
 */
export function refusal(status: string, c: RefusalContext): DomainError {
  switch (status) {
    case 'NOT_FOUND':
      return notFound(`Account ${c.accountId} not found`);
    case 'INSUFFICIENT':
      return new InsufficientCredits(c.required, c.available);
    case 'FORBIDDEN':
      return forbidden(`Not an active member of team ${c.accountId}`);
    case 'SPEND_CAP':
      return new DomainError('SPEND_CAP_EXCEEDED', `This charge of ${c.required} millicredits is over the member's remaining monthly allocation`, {
        scope: 'allocation',
        requiredMillicredits: c.required.toString(),
      });
    case 'CONFLICT':
    case 'DUPLICATE':
      return new IdempotencyConflict(c.idempotencyKey ?? '');
    default:
      return new DomainError('CONFLICT', `The ledger refused the movement (${status})`);
  }
}

/** `refusal`, telling `events` first when it is a refusal for credits (`credits.exhausted`). */
export function observedRefusal(events: Pick<BalanceEvents, 'refused'>, status: string, c: RefusalContext): DomainError {
  if (status === 'INSUFFICIENT') events.refused?.(c.accountId, c.required);
  return refusal(status, c);
}
