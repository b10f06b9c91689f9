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
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** a***@example.com: enough to recognise, not enough to identify. */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const [local, domain] = email.split('@');
  return domain ? `${local.slice(0, 1)}***@${domain}` : '***';
}
