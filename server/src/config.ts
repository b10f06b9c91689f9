import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { Cron } from 'croner';
import { z } from 'zod';
import { decodeKey32 } from './shared/local-key.js';

function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

function declaresWorkspaces(packageJson: string): boolean {
  try {
    return Boolean(JSON.parse(readFileSync(packageJson, 'utf8')).workspaces);
  } catch {
    return false; // unreadable or not JSON: not our root
  }
}

/** Finds the repository root (the package.json that declares workspaces), so `.data/` is stable. */
export function findRepoRoot(start = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && declaresWorkspaces(pkg)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

/**
 * Reads the repository's `.env` when there is one. Variables already set in the environment win
 * (`process.loadEnvFile` never overwrites them), the same rule as Node's `--env-file-if-exists`,
 * which Node 22.0–22.8 lacks.
 */
export function loadDotEnv(root = findRepoRoot()): void {
  const file = path.join(root, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
function isProxySpec(spec: string): boolean {
  if (PROXY_NAMES.has(spec)) return true;
  const [address, bits, ...rest] = spec.split('/');
  if (rest.length || !ipaddr.isValid(address)) return false;
  if (bits === undefined) return true;
  const max = ipaddr.parse(address).kind() === 'ipv4' ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());

const schema = z.object({
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(4000)),
  /** Where the server listens. Unset: 127.0.0.1 (the local demo prints ADMIN keys), 0.0.0.0 in production. */
  HOST: optionalString,
  DATABASE_URL: optionalUrl,
  EMBEDDED_PG_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(54329)),
  DATA_DIR: optionalString,
  REDIS_URL: optionalUrl,
  BOOTSTRAP_ADMIN_KEY: optionalString,
  BOOTSTRAP_ADMIN_EMAIL: optionalString,
  BOOTSTRAP_ADMIN_PASSWORD: optionalString,
  /** Where users reach the app (links, redirects); default `http://localhost:<PORT>`. */
  PUBLIC_APP_URL: optionalUrl,
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_BASE: optionalUrl,
  /** true: Checkout and auto-recharge invoices compute tax (Stripe Tax) and collect the billing address and tax ID. */
  STRIPE_AUTOMATIC_TAX: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_ADMIN_KEY: optionalString,
  /** Upstream of POST /v1/messages (Anthropic's Messages API); unset key: the built-in simulator answers in Anthropic's shape. */
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optionalUrl,
  /** Proxy: how long a provider call may take (ms), how long a hold lives, how often expired holds are released (0 = never). */
  PROXY_UPSTREAM_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(600_000)),
  PROXY_HOLD_TTL_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(900)),
  HOLD_EXPIRY_INTERVAL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(30_000)),
  /** Proxy request body limit: 5 MiB holds gpt-4.1's 1,047,576-token window (~4.4 bytes a token of English) in JSON. */
  PROXY_MAX_BODY_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1024)
      .default(5 * 1024 * 1024),
  ),
  /** Time a worker may spend counting one prompt's tokens exactly before the byte bound is used instead. */
  PROXY_TOKEN_COUNT_BUDGET_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(500)),
  SEED_DEMO: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  AUTO_RECHARGE_WINDOW_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(0)
      .max(31 * 24 * 3600)
      .default(3600),
  ),
  /**
   * API key, rate card and proxy settings caches (changes invalidate them at once): entries live
   * CACHE_MAX_AGE_MS while invalidations arrive (in-process, or Redis up), CACHE_TTL_MS (the
   * backstop) while Redis is down.
   */
  CACHE_TTL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(600_000).default(5_000)),
  CACHE_MAX_AGE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(3_600_000).default(300_000)),
  LEDGER_POOL_MAX: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(8)),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  /** Finance: background rollup + daily reconciliation (default on, off under NODE_ENV=test), rollup period, /metrics bearer token. */
  FINANCE_JOBS: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  /** When the daily reconciliation job looks for yesterday's run (cron, UTC); "off" leaves it to "Run now". */
  RECONCILIATION_CRON: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('*/10 * * * *')
      .refine((v) => v === 'off' || isCronPattern(v), 'must be a cron pattern (five or six fields) or "off"'),
  ),
  FINANCE_ROLLUP_INTERVAL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(5000)),
  METRICS_TOKEN: optionalString,
  /** Admission control per instance: proxy calls and GraphQL mutations in flight, waiting, and how long one may wait (ms). Beyond: 503 + Retry-After. */
  PROXY_MAX_IN_FLIGHT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(64)),
  PROXY_MAX_QUEUE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(128)),
  MUTATIONS_MAX_IN_FLIGHT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(64)),
  MUTATIONS_MAX_QUEUE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(128)),
  ADMISSION_QUEUE_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(1000)),
  /** Adaptive admission: lower the in-flight limits while the event loop is saturated, refuse at once whom the queue cannot serve in time (default on; off under NODE_ENV=test). */
  ADMISSION_ADAPTIVE: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  /** Open graphql-ws sockets and subscriptions per API key or cookie session, counted on each instance. */
  WS_MAX_SOCKETS_PER_PRINCIPAL: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(20)),
  WS_MAX_SUBSCRIPTIONS_PER_PRINCIPAL: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(50)),
  /** Requests per minute per API key when the account sets none (default 1200; 0 = unlimited; 0 under NODE_ENV=test). */
  RATE_LIMIT_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).optional()),
  /** Teams one customer account (its keys and Credits-page sessions together) may create per UTC day; 0 = no cap. ADMIN is not capped. */
  TEAMS_PER_DAY_PER_ACCOUNT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(10)),
  /** Unrevoked team keys one member may hold per team (`createTeamApiKey`), ADMIN-issued ones included; beyond it CONFLICT. 0 = no cap. */
  TEAM_KEYS_PER_MEMBER: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(5)),
  /** Days an OWNER's team invitation stays open (judged on the database clock); after that it cannot be accepted, only sent again. */
  TEAM_INVITATION_TTL_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(365).default(14)),
  /** Unexpired invitations one team may have waiting; beyond it `addTeamMember` answers RATE_LIMIT_EXCEEDED. 0 = no cap. */
  TEAM_PENDING_INVITATIONS_MAX: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(50)),
  /** The local test-mode checkout (credits packs without payment): default on only with the embedded database; never in production. */
  CHECKOUT_TEST_MODE: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  /** Grants: intro bonus for new accounts in millicredits (default 1000000, 0 under NODE_ENV=test; 0 disables); grant expiry job period in ms (default 60000, off under NODE_ENV=test; 0 = off). */
  INTRO_BONUS_MILLICREDITS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{1,13}$/, 'a whole number of millicredits')
      .optional(),
  ),
  GRANT_EXPIRY_INTERVAL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).optional()),
  /** Notifications: webhook signing secrets are AES-256-GCM encrypted with this key (base64 or hex, 32 bytes; unset: generated under DATA_DIR, outside production only). */
  WEBHOOK_SECRET_KEY: optionalString,
  /** Backups: the manifest of every backup is signed (HMAC-SHA256) with this key and restore checks it (32 bytes, hex or base64; unset: generated under DATA_DIR, outside production only). */
  BACKUP_SIGNING_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((v) => decodeKey32(v) !== null, { message: '32 bytes, as 64 hex digits or base64' })
      .optional(),
  ),
  /** Mail for alerts and disabled endpoints (e.g. smtp://user:pass@host:587); unset: no mail. */
  SMTP_URL: optionalUrl,
  SMTP_FROM: z.preprocess(emptyToUndefined, z.string().default('creditmeter <alerts@creditmeter.local>')),
  /** Who hears about the operator's own (all-accounts) endpoints; default BOOTSTRAP_ADMIN_EMAIL. */
  NOTIFY_OPERATOR_EMAIL: optionalString,
  /** Default low-balance threshold of accounts that set none, in millicredits (0: only a negative balance alerts). */
  LOW_BALANCE_THRESHOLD_MILLICREDITS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{1,15}$/, 'a whole number of millicredits')
      .default('1000000'),
  ),
  /** The delivery worker: on unless false; its backstop poll period; hours of continuous failure before an endpoint is disabled. */
  NOTIFY_WORKER: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  NOTIFY_POLL_INTERVAL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(50).default(5000)),
  WEBHOOK_DISABLE_AFTER_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().min(1).default(72)),
  /** Webhook isolation: total time per call (not an idle timeout; below the two-minute claim lease), calls in flight per process and per endpoint. */
  WEBHOOK_DEADLINE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(60_000).default(10_000)),
  WEBHOOK_CONCURRENCY: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).default(16)),
  WEBHOOK_ENDPOINT_CONCURRENCY: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(2)),
  /** Console and Credits page sessions: idle timeout and absolute lifetime; portal links are single-use and live minutes. */
  SESSION_IDLE_MINUTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
  ),
  SESSION_MAX_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
  ),
  PORTAL_LINK_TTL_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(3600).default(300)),
  /**
   * Staff sign-in attempts within SIGNIN_WINDOW_SECONDS: per client address (every email, checked
   * first), and per email (every address; one address alone may spend at most one less, so it
   * cannot lock the email out).
   */
  SIGNIN_MAX_FAILURES_PER_EMAIL: z.preprocess(emptyToUndefined, z.coerce.number().int().min(2).default(5)),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(20)),
  /** Peers whose X-Forwarded-For is believed (client address for sign-in limits and logs): comma-separated IPs, CIDRs, or loopback/linklocal/uniquelocal; `none` trusts no one. */
  TRUSTED_PROXIES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('loopback')
      .refine((v) => v.trim() === 'none' || v.split(',').every((p) => isProxySpec(p.trim())), {
        message: 'comma-separated IP addresses, CIDR ranges, loopback, linklocal or uniquelocal; or none',
      }),
  ),
  SIGNIN_WINDOW_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(900)),
  /** The seller on statements. */
  COMPANY_NAME: z.preprocess(emptyToUndefined, z.string().max(200).default('creditmeter')),
  COMPANY_ADDRESS: optionalString,
  SUPPORT_EMAIL: optionalString,
});

export type Env = z.infer<typeof schema>;

export interface Config extends Omit<Env, 'PUBLIC_APP_URL' | 'HOST'> {
  PUBLIC_APP_URL: string;
  HOST: string;
  /** Why the test-mode checkout is on (shown on its page), or null when it is off. */
  checkoutTestMode: string | null;
  /** Requests per minute per API key for accounts without their own limit (0 = unlimited). */
  rateLimitPerMinute: number;
  /** Whether Stripe computes tax on purchases (STRIPE_AUTOMATIC_TAX). */
  stripeAutomaticTax: boolean;
  /** Whether admission control adapts its limits to saturation (ADMISSION_ADAPTIVE). */
  admissionAdaptive: boolean;
  /** Express `trust proxy`: the peers whose X-Forwarded-For is believed, or false for none. */
  trustProxy: string[] | false;
  repoRoot: string;
  dataDir: string;
  seedDemo: boolean;
  isProduction: boolean;
}

/** Reads and validates the environment once. Throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Env> = {}): Config {
  const parsed = schema.safeParse({ ...env, ...overrides });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const repoRoot = findRepoRoot();
  const values = parsed.data;
  const isProduction = values.NODE_ENV === 'production';
  if (isProduction && values.CHECKOUT_TEST_MODE === 'true') {
    throw new Error(
      'Invalid configuration:\n  CHECKOUT_TEST_MODE: the test-mode checkout credits packs without payment and is never allowed in production',
    );
  }
  const testModeReason = values.CHECKOUT_TEST_MODE
    ? values.CHECKOUT_TEST_MODE === 'true'
      ? 'CHECKOUT_TEST_MODE=true is set'
      : null
    : values.DATABASE_URL
      ? null
      : 'this server runs on its embedded database (the local demo)';
  return {
    ...values,
    HOST: values.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
    PUBLIC_APP_URL: values.PUBLIC_APP_URL ?? `http://localhost:${values.PORT}`,
    checkoutTestMode: isProduction ? null : testModeReason,
    stripeAutomaticTax: values.STRIPE_AUTOMATIC_TAX === 'true',
    admissionAdaptive: values.ADMISSION_ADAPTIVE ? values.ADMISSION_ADAPTIVE === 'true' : values.NODE_ENV !== 'test',
    trustProxy: values.TRUSTED_PROXIES.trim() === 'none' ? false : values.TRUSTED_PROXIES.split(',').map((p) => p.trim()),
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE ?? (values.NODE_ENV === 'test' ? 0 : 1200),
    repoRoot,
    dataDir: values.DATA_DIR ? path.resolve(values.DATA_DIR) : path.join(repoRoot, '.data'),
    seedDemo: values.SEED_DEMO ? values.SEED_DEMO === 'true' : values.NODE_ENV === 'development',
    isProduction,
  };
}
