import { sanitizeReturnTo as serverRule } from '../../server/src/shared/return-to';

/**
 * The Credits page's "Back to the app" target: the server's own rule (one implementation, imported
 * here), judged against the page's origin. A value the server would refuse gets no link at all.
 */
export function sanitizeReturnTo(value: string | null | undefined, origin = window.location.origin): string | null {
  return serverRule(value, origin);
}
