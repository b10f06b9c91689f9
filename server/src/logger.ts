import pino, { type Logger } from 'pino';

/** Paths never written to logs: secrets, keys, payment payloads and personal data. */
export const REDACT_PATHS = [
  'authorization', '*.authorization', 'req.headers.authorization', 'req.headers["stripe-signature"]',
  'headers.authorization', 'key', '*.key', 'apiKey', '*.apiKey', 'password', '*.password', 'secret', '*.secret',
  'email', '*.email', '*.*.email', 'payload', '*.payload', 'body', '*.body', 'card', '*.card',
  'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'OPENAI_API_KEY', 'BOOTSTRAP_ADMIN_KEY', 'DATABASE_URL', '*.DATABASE_URL',
  '*.STRIPE_SECRET_KEY', '*.STRIPE_WEBHOOK_SECRET', '*.OPENAI_API_KEY', 'OPENAI_ADMIN_KEY', '*.OPENAI_ADMIN_KEY', '*.BOOTSTRAP_ADMIN_KEY',
  'BOOTSTRAP_ADMIN_PASSWORD', '*.BOOTSTRAP_ADMIN_PASSWORD', 'METRICS_TOKEN', '*.METRICS_TOKEN',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'creditmeter' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: scrubError, error: scrubError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** SQL string literals ('…', E'…'): the values MikroORM inlines into a failed statement's text. */
const SQL_LITERAL = /E?'(?:[^'\\]|''|\\.)*'/g;
/** Values PostgreSQL quotes in its own messages: `invalid input syntax for type uuid: "…"`, `value "…" is out of range`. */
const PG_QUOTED_VALUE = /(value |: )"(?:[^"]|"")*"/g;

/** The row values MikroORM appends to a constraint error's message ("\n - detail: Key (email)=(…)"). */
const DRIVER_DETAIL = /\n - detail: [^\n]*/g;

/** A statement (or a driver message quoting one) with every value replaced by `?` and the detail dropped. */
export const withoutSqlValues = (text: string): string =>
  text.replace(DRIVER_DETAIL, '').replace(SQL_LITERAL, '?').replace(PG_QUOTED_VALUE, '$1?');

/** Fields of a PostgreSQL error that repeat row values ("Key (email)=(…) already exists"). */
const VALUE_FIELDS = new Set(['detail', 'where', 'parameters', 'internalQuery', 'sql']);

/**
 * The `err` / `error` serializer: a database error is logged with its statement but without the
 * values in it (emails, Stripe ids, keys); everything else as pino would.
 */
export function scrubError(value: unknown): unknown {
  if (typeof value === 'string') return withoutSqlValues(value);
  if (!value || typeof value !== 'object') return value;
  const plain = value instanceof Error ? pino.stdSerializers.err(value) : { ...(value as Record<string, unknown>) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(plain)) {
    if (VALUE_FIELDS.has(k)) continue;
    out[k] = typeof v === 'string' ? withoutSqlValues(v) : v;
  }
  return out;
}

/** a***@example.com: enough to recognise, not enough to identify. */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const [local, domain] = email.split('@');
  return domain ? `${local.slice(0, 1)}***@${domain}` : '***';
}
