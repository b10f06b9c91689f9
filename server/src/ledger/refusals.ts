import { KeyLimitExceeded, modelNotAllowed } from '../proxy/proxy.errors.js';
import { DomainError, IdempotencyConflict, InsufficientCredits, forbidden, notFound } from '../shared/errors.js';
import type { EventBus } from '../shared/events/bus.js';

export interface RefusalContext {
  accountId: string;
  /** What the movement needed from available credits. */
  required: bigint;
  /** Available credits; for KEY_LIMIT the key's remaining budget. */
  available: bigint | null;
  idempotencyKey?: string | null;
  /** The model charged (MODEL_NOT_ALLOWED names it). */
  model?: string;
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
      return new DomainError(
        'SPEND_CAP_EXCEEDED',
        `This charge of ${c.required} millicredits is over the member's remaining monthly allocation`,
        {
          scope: 'allocation',
          requiredMillicredits: c.required.toString(),
        },
      );
    case 'KEY_LIMIT':
      return new KeyLimitExceeded(c.required, c.available);
    case 'MODEL_NOT_ALLOWED':
      return modelNotAllowed(c.model ?? '');
    case 'CONFLICT':
    case 'DUPLICATE':
      return new IdempotencyConflict(c.idempotencyKey ?? '');
    default:
      return new DomainError('CONFLICT', `The ledger refused the movement (${status})`);
  }
}

/** `refusal`, telling `events` first when it is a refusal for credits (`credits.exhausted`). */
export function observedRefusal(events: Pick<EventBus, 'publish'>, status: string, c: RefusalContext): DomainError {
  if (status === 'INSUFFICIENT') events.publish('creditsRefused', { accountId: c.accountId, requiredMillicredits: c.required });
  return refusal(status, c);
}
