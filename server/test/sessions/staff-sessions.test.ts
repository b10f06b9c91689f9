import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_FAILED } from '../../src/sessions/sign-in.service.js';
import { sessionCookie } from '../../src/sessions/cookies.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { Browser, VIEWER, manualClock, staffUser } from './support.js';

const time = manualClock();
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(
    { SIGNIN_MAX_FAILURES_PER_EMAIL: 3, SIGNIN_MAX_FAILURES_PER_ADDRESS: 6, SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 12 },
    undefined,
    { clock: time.clock },
  );
});
afterAll(() => t?.close());

describe('staff sign-in', () => {
  it('creates the bootstrap ADMIN once and keeps its first password on later starts', async () => {
    await t.services.staff.ensureBootstrapAdmin('Boot@Example.test', 'first password 123');
    await t.services.staff.ensureBootstrapAdmin('boot@example.test', 'second password 456');
    const rows = await t.db.query<{ role: string }>(`select role from staff_users where lower(email) = 'boot@example.test'`);
    expect(rows).toEqual([{ role: 'ADMIN' }]);
    expect((await new Browser(t, '198.51.100.1').signIn('boot@example.test', 'first password 123')).data?.signIn.role).toBe('ADMIN');
    expect((await new Browser(t, '198.51.100.1').signIn('boot@example.test', 'second password 456')).errors?.[0].message).toBe(
      SIGN_IN_FAILED,
    );
  });

  it('signs in with a hashed password, sets an HttpOnly SameSite=Strict cookie, and signs out', async () => {
    const user = await staffUser(t, 'FINANCE');
    const [row] = await t.db.query<{ password_hash: string }>(`select password_hash from staff_users where id = $1`, [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(user.password);

    const browser = new Browser(t, '198.51.100.2');
    const signed = await browser.signIn(user.email.toUpperCase(), user.password);
    expect(signed.errors).toBeUndefined();
    expect(signed.data.signIn).toMatchObject({ kind: 'STAFF', role: 'FINANCE', staffUser: { id: user.id } });
    const cookie = browser.lastSetCookies.find((c) => c.startsWith('cm_staff='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i); // not production
    const token = browser.jar.get('cm_staff')!;
    const stored = await t.db.query<{ token_hash: string }>(`select token_hash from sessions where staff_user_id = $1`, [user.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toBe(token); // only the hash is kept

    expect((await browser.gql(VIEWER)).data.viewer).toMatchObject({
      kind: 'STAFF',
      role: 'FINANCE',
      accountId: null,
      staffUser: { email: user.email },
    });
    const out = await browser.gql(`mutation { signOut }`);
    expect(out.data.signOut).toBe(true);
    expect(browser.lastSetCookies.some((c) => c.startsWith('cm_staff=;'))).toBe(true);
    // The old token is dead even if someone kept it.
    const replay = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `cm_staff=${token}` },
      body: JSON.stringify({ query: VIEWER }),
    });
    expect(((await replay.json()) as any).data.viewer).toBeNull();
    const audit = await t.db.query<{ action: string; actor_staff_user_id: string }>(
      `select action, actor_staff_user_id from audit_log where action like 'staff.sign%' and actor_staff_user_id = $1 order by id`,
      [user.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['staff.signIn', 'staff.signOut']);
  });

  it('marks the cookie Secure in production', () => {
    expect(sessionCookie('STAFF', 'x'.repeat(43), new Date(Date.now() + 1000), true)).toMatch(/; Secure/);
  });

  it('answers a wrong password, an unknown email and a disabled user with the same message', async () => {
    const user = await staffUser(t, 'SUPPORT');
    const disabled = await staffUser(t, 'SUPPORT');
    await t.services.staff.update({ keyId: null, accountId: null, role: 'ADMIN' }, { id: disabled.id, disabled: true });
    const answers = [
      await new Browser(t, '198.51.100.3').signIn(user.email, 'wrong password here'),
      await new Browser(t, '198.51.100.3').signIn('nobody@staff.example.test', user.password),
      await new Browser(t, '198.51.100.3').signIn(disabled.email, disabled.password),
    ];
    for (const a of answers) {
      expect(a.data).toBeNull();
      expect(a.errors?.[0]).toMatchObject({ message: SIGN_IN_FAILED, extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('limits attempts per email, even with the right password, then per address', async () => {
    const user = await staffUser(t, 'SUPPORT');
    const other = await staffUser(t, 'SUPPORT');
    for (let i = 0; i < 3; i++)
      expect((await new Browser(t, `192.0.2.${i + 1}`).signIn(user.email, 'wrong password here')).errors?.[0].message).toBe(SIGN_IN_FAILED);
    const refused = await new Browser(t, '192.0.2.50').signIn(user.email, user.password);
    expect(refused.errors?.[0]).toMatchObject({ message: SIGN_IN_FAILED, extensions: { code: 'UNAUTHENTICATED' } });
    // Another email is unaffected; then one address guessing at many emails runs out too.
    expect((await new Browser(t, '192.0.2.60').signIn(other.email, other.password)).data?.signIn.kind).toBe('STAFF');
    const attacker = '192.0.2.99';
    for (let i = 0; i < 6; i++) await new Browser(t, attacker).signIn(`guess${i}@staff.example.test`, 'wrong password here');
    expect((await new Browser(t, attacker).signIn(other.email, other.password)).errors?.[0].message).toBe(SIGN_IN_FAILED);
    // The limit is per address: the same user from another address still gets in.
    expect((await new Browser(t, '192.0.2.61').signIn(other.email, other.password)).data?.signIn.kind).toBe('STAFF');
  });

  it('one address cannot lock a user out: it runs out of tries for that email first, and the user still gets in elsewhere', async () => {
    const user = await staffUser(t, 'SUPPORT');
    const attacker = '198.18.0.1';
    // PER_EMAIL is 3: one address may spend 2 of the email's tries, never all 3.
    for (let i = 0; i < 5; i++)
      expect((await new Browser(t, attacker).signIn(user.email, `guess ${i} wrong`)).errors?.[0].message).toBe(SIGN_IN_FAILED);
    expect((await new Browser(t, attacker).signIn(user.email, user.password)).errors?.[0].message).toBe(SIGN_IN_FAILED);
    expect((await new Browser(t, '198.18.0.2').signIn(user.email, user.password)).data?.signIn.kind).toBe('STAFF');
  });

  it('counts the address first: tries from an address that has run out spend nothing of the email', async () => {
    const user = await staffUser(t, 'SUPPORT');
    for (const address of ['198.18.1.1', '198.18.1.2']) {
      for (let i = 0; i < 6; i++) await new Browser(t, address).signIn(`other${i}@staff.example.test`, 'wrong password here');
      for (let i = 0; i < 2; i++) await new Browser(t, address).signIn(user.email, 'wrong password here');
    }
    // Four refused tries at the email (limit 3) came from exhausted addresses: the user is not locked out.
    expect((await new Browser(t, '198.18.1.3').signIn(user.email, user.password)).data?.signIn.kind).toBe('STAFF');
  });

  it('ends a session after the idle timeout, and activity keeps it alive until the absolute lifetime', async () => {
    const user = await staffUser(t, 'SUPPORT');
    const idle = new Browser(t, '198.51.100.4');
    await idle.signIn(user.email, user.password);
    time.advanceMinutes(29);
    expect((await idle.gql(VIEWER)).data.viewer?.kind).toBe('STAFF');
    time.advanceMinutes(29); // 58 minutes after sign-in, 29 after the last request
    expect((await idle.gql(VIEWER)).data.viewer?.kind).toBe('STAFF');
    time.advanceMinutes(31);
    expect((await idle.gql(VIEWER)).data.viewer).toBeNull();

    const busy = new Browser(t, '198.51.100.4');
    await busy.signIn(user.email, user.password);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      time.advanceMinutes(20);
      expect((await busy.gql(VIEWER)).data.viewer?.kind, `after ${minutes + 20} minutes`).toBe('STAFF');
    }
    time.advanceMinutes(20); // past 12 hours, though never idle
    expect((await busy.gql(VIEWER)).data.viewer).toBeNull();
  });

  it("revokes a user's sessions when an admin disables them, and re-enabling does not revive them", async () => {
    const admin = await staffUser(t, 'ADMIN');
    const user = await staffUser(t, 'SUPPORT');
    const adminBrowser = new Browser(t, '198.51.100.5');
    const userBrowser = new Browser(t, '198.51.100.6');
    await adminBrowser.signIn(admin.email, admin.password);
    await userBrowser.signIn(user.email, user.password);
    expect((await userBrowser.gql(VIEWER)).data.viewer?.kind).toBe('STAFF');

    const disable = await adminBrowser.gql(`mutation($id: ID!) { updateStaffUser(input: { id: $id, disabled: true }) { id disabled } }`, {
      id: user.id,
    });
    expect(disable.data.updateStaffUser.disabled).toBe(true);
    expect((await userBrowser.gql(VIEWER)).data.viewer).toBeNull();
    await adminBrowser.gql(`mutation($id: ID!) { updateStaffUser(input: { id: $id, disabled: false }) { id } }`, { id: user.id });
    expect((await userBrowser.gql(VIEWER)).data.viewer).toBeNull();
    const [audit] = await t.db.query<{ actor_staff_user_id: string; after: any }>(
      `select actor_staff_user_id, after from audit_log where action = 'staffUser.update' and target_id = $1 order by id limit 1`,
      [user.id],
    );
    expect(audit.actor_staff_user_id).toBe(admin.id);
    expect(audit.after).toMatchObject({ disabled: true, sessionsRevoked: 1 });
  });

  it('keeps the last active ADMIN', async () => {
    const rows = await t.db.query<{ id: string }>(`select id from staff_users where role = 'ADMIN' and not disabled`);
    const actor = { keyId: null, accountId: null, role: 'ADMIN' as const };
    for (const r of rows.slice(1)) await t.services.staff.update(actor, { id: r.id, disabled: true });
    await expect(t.services.staff.update(actor, { id: rows[0].id, role: 'SUPPORT' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(t.services.staff.update(actor, { id: rows[0].id, disabled: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    for (const r of rows.slice(1)) await t.services.staff.update(actor, { id: r.id, disabled: false });
  });
});

describe('GraphQL with a session cookie', () => {
  it("keeps Apollo's CSRF prevention on for cookie requests", async () => {
    const user = await staffUser(t, 'ADMIN');
    const browser = new Browser(t, '198.51.100.7');
    await browser.signIn(user.email, user.password);
    const simpleGet = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ viewer { kind } }')}`, {
      headers: { cookie: browser.cookieHeader },
    });
    expect(simpleGet.status).toBe(400);
    expect(await simpleGet.text()).toMatch(/CSRF/i);
    const simplePost = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: browser.cookieHeader },
      body: JSON.stringify({
        query: 'mutation { createStaffUser(input: { email: "x@y.test", role: ADMIN, password: "aaaaaaaaaaaaaaa" }) { id } }',
      }),
    });
    expect(simplePost.status).toBe(400);
    expect(await t.db.query(`select 1 from staff_users where email = 'x@y.test'`)).toHaveLength(0);
  });

  it('enforces every role on the server: a SUPPORT session cannot adjust a balance or manage staff', async () => {
    const support = await staffUser(t, 'SUPPORT');
    const customer = await t.account(5_000n);
    const browser = new Browser(t, '198.51.100.8');
    await browser.signIn(support.email, support.password);
    const adjust = await browser.gql(
      `mutation($a: ID!) { adjustBalance(input: { accountId: $a, amountMillicredits: "1000", reason: "try" }) { id } }`,
      { a: customer.id },
    );
    expect(adjust.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const op of [
      `mutation { createStaffUser(input: { email: "s@y.test", role: ADMIN, password: "aaaaaaaaaaaaaaa" }) { id } }`,
      `mutation($id: ID!) { updateStaffUser(input: { id: $id, role: ADMIN }) { id } }`,
      `{ staffUsers { totalCount } }`,
      `{ liability { outstandingMillicredits } }`,
    ]) {
      expect((await browser.gql(op, { id: support.id })).errors?.[0].extensions?.code, op).toBe('FORBIDDEN');
    }
    expect((await browser.gql(`{ me { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN'); // staff have no account
    expect(
      (await browser.gql(`query($id: ID!) { account(id: $id) { id balance { balanceMillicredits } } }`, { id: customer.id })).data.account,
    ).toEqual({
      id: customer.id,
      balance: { balanceMillicredits: '5000' },
    });
    expect((await t.db.query(`select 1 from ledger_transactions where reference_id is null and reason = 'try'`)).length).toBe(0);
  });

  it('audits an ADMIN session’s adjustment with the staff user as actor', async () => {
    const admin = await staffUser(t, 'ADMIN');
    const customer = await t.account(0n);
    const browser = new Browser(t, '198.51.100.9');
    await browser.signIn(admin.email, admin.password);
    const adjust = await browser.gql(
      `mutation($a: ID!) { adjustBalance(input: { accountId: $a, amountMillicredits: "2500", reason: "goodwill" }) { amountMillicredits } }`,
      { a: customer.id },
    );
    expect(adjust.data.adjustBalance.amountMillicredits).toBe('2500');
    const [row] = await t.db.query<{ actor_staff_user_id: string; actor_role: string; actor_key_id: string | null }>(
      `select actor_staff_user_id, actor_role, actor_key_id from audit_log where action like 'ledger.%' and target_id = $1`,
      [customer.id],
    );
    expect(row).toEqual({ actor_staff_user_id: admin.id, actor_role: 'ADMIN', actor_key_id: null });
  });

  it('lets ADMINs create staff users (audited) and refuses weak passwords and duplicates', async () => {
    const admin = await staffUser(t, 'ADMIN');
    const browser = new Browser(t, '198.51.100.11');
    await browser.signIn(admin.email, admin.password);
    const create = `mutation($i: CreateStaffUserInput!) { createStaffUser(input: $i) { id email role disabled } }`;
    const made = await browser.gql(create, {
      i: { email: 'new.person@staff.example.test', role: 'FINANCE', password: 'a long enough password' },
    });
    expect(made.data.createStaffUser).toMatchObject({ email: 'new.person@staff.example.test', role: 'FINANCE', disabled: false });
    expect(
      (await browser.gql(create, { i: { email: 'New.Person@staff.example.test', role: 'FINANCE', password: 'a long enough password' } }))
        .errors?.[0].extensions?.code,
    ).toBe('CONFLICT');
    expect(
      (await browser.gql(create, { i: { email: 'short@staff.example.test', role: 'FINANCE', password: 'short' } })).errors?.[0].extensions
        ?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await browser.gql(create, { i: { email: 'user@staff.example.test', role: 'USER', password: 'a long enough password' } })).errors?.[0]
        .extensions?.code,
    ).toBe('BAD_USER_INPUT');
    const list = await browser.gql(`{ staffUsers(search: "new.person", first: 5) { totalCount edges { node { email } } } }`);
    expect(list.data.staffUsers).toEqual({ totalCount: 1, edges: [{ node: { email: 'new.person@staff.example.test' } }] });
    const [audit] = await t.db.query<{ actor_staff_user_id: string; after: any }>(
      `select actor_staff_user_id, after from audit_log where action = 'staffUser.create' and target_id = $1`,
      [made.data.createStaffUser.id],
    );
    expect(audit.actor_staff_user_id).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2|password/);
  });
});
