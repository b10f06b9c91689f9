import { formatCredits } from '../money/format.js';
import { swallowed } from '../shared/errors.js';

/** Event types creditmeter sends. Receivers should ignore types they do not know. */
export const EVENT_TYPES = [
  'balance.low',
  'credits.exhausted',
  'credits.expiring',
  'purchase.fulfilled',
  'purchase.refunded',
  'auto_recharge.failed',
  'webhook_endpoint.disabled',
] as const;

/**
 * Types that other modules add (team events, for one) register here at load time, before any
 * endpoint is created, so `createWebhookEndpoint` accepts them: `registerEventTypes('team.member_added')`.
 */
const extraTypes = new Set<string>();
/** @public the extension point for other features' event types */
export const registerEventTypes = (...types: string[]) => types.forEach((t) => extraTypes.add(t));
export const knownEventType = (t: string) => (EVENT_TYPES as readonly string[]).includes(t) || extraTypes.has(t);
export const allEventTypes = () => [...EVENT_TYPES, ...extraTypes];

/** Events that also go to the account's email (and the operator's, for operator-wide ones) when SMTP is set. */
export const MAIL_EVENT_TYPES: readonly string[] = [
  'balance.low',
  'credits.exhausted',
  'credits.expiring',
  'webhook_endpoint.disabled',
  'auto_recharge.failed',
];

/** Retries stop once an event is this old: at least once, for three days. */
export const RETRY_WINDOW_MS = 3 * 24 * 3600_000;
/** A claimed delivery is retried by anyone after this, should its worker die mid-call. */
export const CLAIM_LEASE_MS = 2 * 60_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 6 * 3600_000;

/**
 * Delay before the next attempt after `failedAttempts` failures: 30 s doubling each time, capped
 * at 6 h, with ±20 % jitter so endpoints that fail together do not retry together.
 */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(failedAttempts - 1, 30)));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface OutboxEvent {
  id: string;
  type: string;
  accountId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** The body every endpoint receives, byte for byte the same on every attempt. */
export const eventBody = (e: OutboxEvent): string =>
  JSON.stringify({ id: e.id, type: e.type, created: Math.floor(e.createdAt.getTime() / 1000), data: e.data });

/** An amount from an event's data as plain-text credits; "?" when the data holds no integer there. */
const credits = (millicredits: unknown) => {
  try {
    return formatCredits(String(millicredits), { grouping: false });
  } catch (err) {
    swallowed(err, 'notify.mail-amount');
    return '?';
  }
};

/** The alert mail for an event (plain text; the link goes to the Credits page). */
export function mailFor(e: OutboxEvent, publicAppUrl: string): { subject: string; text: string } {
  const creditsPage = new URL('/credits', publicAppUrl).toString();
  const d = e.data;
  switch (e.type) {
    case 'balance.low':
      if (d.apiKeyId)
        return {
          subject: "An API key's budget is low",
          text: `API key ${String(d.apiKeyId)} has ${credits(d.remainingBudgetMillicredits)} credits of its spend limit left this period, below the alert threshold of ${credits(d.thresholdMillicredits)} credits.\n\nRaise its limit on your Credits page: ${creditsPage}\n`,
        };
      if (d.memberAccountId)
        return {
          subject: "A team member's allocation is low",
          text: `Member ${String(d.memberAccountId)} has ${credits(d.remainingAllocationMillicredits)} credits of their allocation left this period, below the alert threshold of ${credits(d.thresholdMillicredits)} credits.\n\nChange their allocation in the team's settings: ${creditsPage}\n`,
        };
      return {
        subject: 'Your credit balance is low',
        text: `Your available balance is ${credits(d.availableMillicredits)} credits, below your alert threshold of ${credits(d.thresholdMillicredits)} credits.\n\nTop up on your Credits page: ${creditsPage}\n`,
      };
    case 'credits.exhausted':
      return {
        subject: 'You are out of credits',
        text: `A charge of ${credits(d.requiredMillicredits)} credits was refused: only ${credits(d.availableMillicredits)} credits are available.\n\nTop up on your Credits page: ${creditsPage}\n`,
      };
    case 'credits.expiring':
      return {
        subject: Number(d.daysBefore) === 1 ? 'Your credits expire tomorrow' : 'Some of your credits expire in 7 days',
        text: `${credits(d.remainingMillicredits)} credits expire on ${String(d.expiresAt)} (UTC) unless you use them first.\n\nSee what expires, and when, on your Credits page: ${creditsPage}\n`,
      };
    case 'auto_recharge.failed':
      return {
        subject: 'Automatic top-up failed',
        text: `Your automatic top-up could not be charged (${String(d.reason ?? 'payment refused')}), and auto-recharge was turned off.\n\nBuy credits or update your card on your Credits page: ${creditsPage}\n`,
      };
    case 'webhook_endpoint.disabled':
      return {
        subject: 'A webhook endpoint was disabled',
        text: `Deliveries to ${String(d.url)} have failed since ${String(d.failingSince)}, so the endpoint was disabled.\n\nFix the receiver, then enable the endpoint again (enableWebhookEndpoint); events from the time it was off can be redelivered from the console.\n`,
      };
    default:
      return { subject: `creditmeter: ${e.type}`, text: `${eventBody(e)}\n` };
  }
}
