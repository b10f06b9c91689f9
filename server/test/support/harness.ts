import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { print, type ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Env } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { Services } from '../../src/services.js';
import type { Role } from '../../src/auth/roles.js';
import type { Clock } from '../../src/sessions/tokens.js';
import { freshDatabase, type TestDatabase } from './db.js';

export const TEST_RATES = [
  {
    model: 'test-model',
    inputPer1k: '2.400',
    cachedInputPer1k: '1.200',
    outputPer1k: '9.600',
    costInputPer1kUsd: '0.001000',
    costCachedInputPer1kUsd: '0.000500',
    costOutputPer1kUsd: '0.004000',
    maxOutputTokens: 4096,
  },
  { model: 'cheap-model', inputPer1k: '0.100', outputPer1k: '0.400', costInputPer1kUsd: '0.000050', costOutputPer1kUsd: '0.000200' },
];

export interface GqlResponse<T> extends ExecutionResult<T> {
  status: number;
}

export interface TestApp {
  url: string;
  app: App;
  services: Services;
  db: TestDatabase;
  adminKey: string;
  /** POST /graphql with a typed document (or a query string) and an optional key. */
  gql<T = any, V = Record<string, unknown>>(
    doc: TypedDocumentNode<T, V> | string,
    variables?: V,
    key?: string | null,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  /** A customer account with `millicredits` (as a BONUS) and a key of `role`. */
  account(millicredits?: bigint, role?: Role): Promise<{ id: string; key: string }>;
  close(): Promise<void>;
}

/**
 * The real server (Express + Apollo + graphql-ws) on a random port over a fresh database, with
 * an ADMIN key from BOOTSTRAP_ADMIN_KEY and a published test rate card.
 */
export async function startTestApp(
  overrides: Partial<Env> = {},
  existingDb?: TestDatabase,
  opts: { clock?: Clock } = {},
): Promise<TestApp> {
  const db = existingDb ?? (await freshDatabase());
  const adminKey = `cm_test_admin_${randomBytes(16).toString('hex')}`;
  const config = loadConfig(
    {},
    {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      BOOTSTRAP_ADMIN_KEY: adminKey,
      PUBLIC_APP_URL: 'https://app.example.test',
      LOG_LEVEL: 'silent',
      // Concurrency tests race 100 mutations on a busy CI machine: a queued one must wait, not be shed
      // after the production default of 1 s. Admission tests set their own limits.
      ADMISSION_QUEUE_TIMEOUT_MS: 30_000,
      ...overrides,
    },
  );
  const log = createLogger(config.LOG_LEVEL);
  const app = await createApp({ config, orm: db.orm, log, clock: opts.clock });
  await app.services.auth.ensureBootstrapAdmin(adminKey, 'admin@example.test');
  if ((await app.services.rateCards.cards()).length === 0) {
    await app.services.rateCards.publish(null, { name: 'Test rates', rates: TEST_RATES });
  }
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;

  const gql: TestApp['gql'] = async (doc, variables, key = adminKey, headers = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      body: JSON.stringify({ query: typeof doc === 'string' ? doc : print(doc), variables }),
    });
    return { ...((await res.json()) as ExecutionResult<any>), status: res.status };
  };

  const account: TestApp['account'] = async (millicredits = 0n, role = 'USER') => {
    const created = await app.services.accounts.create(null, { email: `${randomUUID()}@example.test` });
    if (millicredits > 0n) {
      await app.services.ledger.post({
        accountId: created.id,
        type: 'BONUS',
        delta: millicredits,
        counterparty: 'promotions',
        reason: 'test funds',
      });
    }
    const key = await app.services.auth.createKey(null, created.id, role);
    return { id: created.id, key: key.key };
  };

  return {
    url,
    app,
    services: app.services,
    db,
    adminKey,
    gql,
    account,
    close: async () => {
      await app.close();
      if (!existingDb) await db.close();
    },
  };
}
