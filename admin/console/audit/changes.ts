import { formatCents, formatCredits } from '../../../server/src/money/format';

/** One field of an audited change, as a person reads it: "Balance: 1,000 → 2,250.5 credits". */
export interface Change {
  field: string;
  before: string | null;
  after: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "refundedCreditsMillicredits" → "Refunded credits"; "amountCents" → "Amount". */
export function fieldLabel(key: string): string {
  const bare = key.replace(/(Millicredits|Cents)$/, '') || key;
  const words = bare.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isAmount = (v: unknown): v is string | number => (typeof v === 'string' && /^-?\d+$/.test(v)) || Number.isInteger(v);

/** A value in its unit: millicredits as credits, cents as dollars, ids shortened, lists joined. */
export function valueText(key: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (key.endsWith('Millicredits') && isAmount(value)) {
    const signed = key === 'amountMillicredits' || key === 'deltaMillicredits';
    return `${formatCredits(BigInt(value), { decimals: 'trim', signed })} credits`;
  }
  if (key.endsWith('Cents') && isAmount(value)) return formatCents(BigInt(value));
  if (typeof value === 'string' && UUID.test(value)) return `${value.slice(0, 8)}…`;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map((v) => valueText('', v) ?? '—').join(', ') || '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const fields = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * The fields an audit row changed, before → after, in the order they first appear. A field only in
 * `after` (an amount, a new id) has no before; one whose value did not change is left out.
 */
export function auditChanges(before: unknown, after: unknown): Change[] {
  const b = fields(before);
  const a = fields(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .map((key) => ({ field: fieldLabel(key), before: valueText(key, b[key]), after: valueText(key, a[key]) }))
    .filter((c) => c.before !== c.after);
}

/** The console page of an audit row's target, where it has one. */
export function targetPath(targetType: string, targetId: string | null): string | null {
  if (!targetId) return null;
  const id = encodeURIComponent(targetId);
  const pages: Record<string, string> = {
    account: `/accounts/${id}/show`,
    staffUser: `/staffUsers/${id}`,
    rate_card: `/rateCards/${id}/show`,
    webhook_endpoint: `/webhookEndpoints/${id}/show`,
    reconciliation_run: `/reconciliation/${id}/show`,
  };
  return pages[targetType] ?? null;
}
