import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { validate } from 'class-validator';
import { GraphQLID } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { createSchema } from '../../src/graphql/schema.js';
import { startTestApp, type TestApp } from '../support/harness.js';

/** Issue 21: validation is type-graphql's (`validate` on, class-validator rules on inputs and args). */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());
afterEach(() => vi.restoreAllMocks());

async function rowCounts() {
  const [r] = await t.db.query(
    `select (select count(*) from accounts) as a, (select count(*) from ledger_transactions) as tx,
            (select count(*) from usage_records) as u, (select count(*) from api_keys where revoked_at is not null) as revoked,
            (select count(*) from audit_log) as au`,
  );
  return r;
}

const CREATE_ACCOUNT = `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`;
const ADJUST = `mutation($i: AdjustBalanceInput!) { adjustBalance(input: $i) { id } }`;
const RECORD = `mutation($i: RecordUsageInput!) { recordUsage(input: $i) { id } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`;
const REVERSE = `mutation($tx: ID!, $r: String!) { reverseTransaction(transactionId: $tx, reason: $r) { id } }`;

describe('a bad value is refused with BAD_USER_INPUT naming the field, before any service runs, and changes nothing', () => {
  it('for input classes and plain arguments alike', async () => {
    const user = await t.account(1_000_000n);
    const usage = { model: 'test-model', inputTokens: 1, outputTokens: 1, idempotencyKey: 'k-1' };
    const cases: Array<[string, string, Record<string, unknown>, string, string]> = [
      ['accounts', 'create', { i: { email: 'long@example.test', name: 'n'.repeat(201) } }, 'name', 'name is longer than 200 characters'],
      ['accounts', 'create', { i: { email: '   ' } }, 'email', 'email must not be empty'],
      [
        'ledger',
        'adjustBalance',
        { i: { accountId: 'nope', amountMillicredits: '5', reason: 'r' } },
        'accountId',
        'accountId must be a UUID',
      ],
      [
        'ledger',
        'adjustBalance',
        { i: { accountId: user.id, amountMillicredits: '5', reason: ' ' } },
        'reason',
        'reason must not be empty',
      ],
      [
        'usage',
        'record',
        { i: { ...usage, inputTokens: -1 } },
        'inputTokens',
        'inputTokens must be a whole number between 0 and 100000000',
      ],
      [
        'usage',
        'record',
        { i: { ...usage, idempotencyKey: 'x'.repeat(201) } },
        'idempotencyKey',
        'idempotencyKey is longer than 200 characters',
      ],
      ['auth', 'revoke', { id: 'key-1' }, 'id', 'id must be a UUID'],
      ['ledger', 'reverseTransaction', { tx: user.id, r: '' }, 'reason', 'reason must not be empty'],
    ];
    const documents: Record<string, string> = {
      create: CREATE_ACCOUNT,
      adjustBalance: ADJUST,
      record: RECORD,
      revoke: REVOKE,
      reverseTransaction: REVERSE,
    };
    for (const [service, method, variables, field, message] of cases) {
      const target = t.services[service as 'accounts'] as unknown as Record<string, (...args: unknown[]) => unknown>;
      const spy = vi.spyOn(target, method);
      const before = await rowCounts();
      const res = await t.gql(documents[method], variables, t.adminKey);
      expect(res.errors?.[0], `${method} ${field}`).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
      expect(spy, `${service}.${method} ran`).not.toHaveBeenCalled();
      expect(await rowCounts()).toEqual(before);
      spy.mockRestore();
    }
  });

  it('hands services ids in lower case and text trimmed, as the hand parsers did', async () => {
    const user = await t.account(1_000n);
    const spy = vi.spyOn(t.services.ledger, 'adjustBalance');
    const res = await t.gql(
      ADJUST,
      { i: { accountId: user.id.toUpperCase(), amountMillicredits: '5', reason: '  goodwill  ' } },
      t.adminKey,
    );
    expect(res.errors).toBeUndefined();
    expect(spy.mock.calls[0][1]).toMatchObject({ accountId: user.id.toLowerCase(), reason: 'goodwill' });
  });
});

/** ID fields that are not row UUIDs: a pack is named by its slug. */
const NOT_UUID_FIELDS = new Set(['SetAutoRechargeInput.packId']);

describe('every ID field of an input class is checked', () => {
  it('refuses a value that is not a UUID', async () => {
    await createSchema({ publicAppUrl: 'http://localhost' }); // every input class is loaded and registered
    const unchecked: string[] = [];
    for (const input of getMetadataStorage().inputTypes) {
      for (const field of input.fields ?? []) {
        const name = `${input.name}.${field.name}`;
        if (field.getType() !== GraphQLID || NOT_UUID_FIELDS.has(name)) continue;
        const instance = Object.assign(new (input.target as new () => object)(), { [field.name]: 'not-a-uuid' });
        const errors = await validate(instance, { skipMissingProperties: true, forbidUnknownValues: false });
        if (!errors.some((e) => e.property === field.name)) unchecked.push(name);
      }
    }
    expect(unchecked).toEqual([]);
  });
});
