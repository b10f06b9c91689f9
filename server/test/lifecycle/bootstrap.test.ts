import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBootstrap } from '../../src/bootstrap.js';
import { createLogger } from '../../src/logger.js';
import { SIGN_IN_FAILED } from '../../src/sessions/sign-in.service.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { Browser } from '../sessions/support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** One start's BOOTSTRAP_ADMIN_* values, applied as main.ts applies them; returns its log lines. */
async function start(values: { BOOTSTRAP_ADMIN_EMAIL?: string; BOOTSTRAP_ADMIN_PASSWORD?: string; BOOTSTRAP_ADMIN_KEY?: string }) {
  const lines: Array<{ level: number; msg: string }> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const text of String(chunk).trim().split('\n')) lines.push(JSON.parse(text));
      done();
    },
  });
  await applyBootstrap(t.services, { ...t.services.config, BOOTSTRAP_ADMIN_KEY: undefined, ...values }, createLogger('info', stream));
  return lines.map((l) => ({ level: l.level === 40 ? 'warn' : 'info', msg: l.msg }));
}

const admins = async () =>
  (await t.db.query<{ email: string }>(`select email from staff_users where role = 'ADMIN' order by created_at`)).map((r) => r.email);

describe('BOOTSTRAP_ADMIN_* across starts', () => {
  it('creates the first console ADMIN, and a later start with another email creates no second one and says so', async () => {
    const first = await start({ BOOTSTRAP_ADMIN_EMAIL: 'first@ops.example.test', BOOTSTRAP_ADMIN_PASSWORD: 'first password 123' });
    expect(first).toEqual([{ level: 'info', msg: 'BOOTSTRAP_ADMIN_EMAIL: console ADMIN created' }]);
    expect(await admins()).toEqual(['first@ops.example.test']);

    const second = await start({ BOOTSTRAP_ADMIN_EMAIL: 'second@ops.example.test', BOOTSTRAP_ADMIN_PASSWORD: 'second password 456' });
    expect(second).toEqual([{ level: 'warn', msg: expect.stringMatching(/^BOOTSTRAP_ADMIN_EMAIL ignored: an ADMIN already exists/) }]);
    expect(await admins()).toEqual(['first@ops.example.test']);
    const signIn = await new Browser(t, '198.51.100.77').signIn('second@ops.example.test', 'second password 456');
    expect(signIn.errors?.[0].message).toBe(SIGN_IN_FAILED);

    const again = await start({ BOOTSTRAP_ADMIN_EMAIL: 'FIRST@ops.example.test', BOOTSTRAP_ADMIN_PASSWORD: 'another password 789' });
    expect(again).toEqual([{ level: 'info', msg: 'BOOTSTRAP_ADMIN_EMAIL: the console ADMIN exists; its password is unchanged' }]);
    expect(await admins()).toEqual(['first@ops.example.test']);
  });

  it('says so when BOOTSTRAP_ADMIN_KEY changed: one bootstrap key stays, the previous one is revoked', async () => {
    const keys = async () =>
      (await t.db.query<{ n: string }>(`select count(*)::text as n from api_keys where bootstrap and revoked_at is null`))[0].n;
    expect(await start({ BOOTSTRAP_ADMIN_KEY: t.adminKey })).toEqual([]);
    const rotated = await start({ BOOTSTRAP_ADMIN_KEY: `${t.adminKey}_rotated`, BOOTSTRAP_ADMIN_EMAIL: 'other-operator@ops.example.test' });
    expect(rotated).toEqual([{ level: 'warn', msg: expect.stringMatching(/^BOOTSTRAP_ADMIN_KEY changed: .*previous one is revoked/) }]);
    expect(await keys()).toBe('1');
  });
});
