import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutSqlValues } from '../../src/logger.js';
import { freshDatabase, type TestDatabase } from '../support/db.js';
import { captureLog } from '../support/log-capture.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase(2);
});
afterAll(async () => db?.close());

const EMAIL = 'jane.doe@customer.example';
const STRIPE_ID = 'cus_SecretCustomer123';

describe('database errors in logs', () => {
  it('keep the statement but none of its values (emails, Stripe ids), nor the driver detail', async () => {
    const { log, text } = captureLog();
    const em = db.orm.em.fork();
    // A check violation and a duplicate key: the driver's message inlines the values, its detail repeats them.
    const failures: unknown[] = [];
    await em
      .execute(`insert into accounts (kind, email, name) values (?, ?, ?)`, ['NOT_A_KIND', EMAIL, STRIPE_ID])
      .catch((e) => failures.push(e));
    await em.execute(`insert into accounts (kind, email, name) values ('CUSTOMER', ?, ?)`, [EMAIL, STRIPE_ID]);
    await em
      .execute(`insert into accounts (kind, email, name) values ('CUSTOMER', ?, ?)`, [EMAIL, STRIPE_ID])
      .catch((e) => failures.push(e));
    await em.execute(`select ?::uuid`, [STRIPE_ID]).catch((e) => failures.push(e));
    expect(failures).toHaveLength(3);
    expect(String((failures[0] as Error).message)).toContain(EMAIL); // what the driver hands us
    for (const err of failures) log.error({ err }, 'unhandled GraphQL error');
    log.error({ error: (failures[1] as Error).message }, 'stripe event processing failed');

    const out = text();
    expect(out).not.toContain(EMAIL);
    expect(out).not.toContain(STRIPE_ID);
    expect(out).not.toContain('Key (');
    const entries = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries).toHaveLength(4);
    expect(entries[0].err.message).toContain('insert into accounts (kind, email, name) values (?, ?, ?)');
    expect(entries[0].err.code).toBe('23514');
    expect(entries[1].err.message).toMatch(/duplicate key value violates unique constraint/);
    expect(entries[2].err.message).toContain('invalid input syntax for type uuid: ?');
    expect(entries[3].error).toContain('insert into accounts');
  });

  it('scrubs quoted literals, escaped quotes included', () => {
    expect(withoutSqlValues(`update x set a = 'it''s', b = E'a\\'b' where c = 'd' - value "99" is out of range`)).toBe(
      `update x set a = ?, b = ? where c = ? - value ? is out of range`,
    );
  });
});
