import type { TestApp } from '../support/harness.js';

/** A browser's view of one origin: the cookies it holds, sent back on every request. */
export class Browser {
  readonly jar = new Map<string, string>();
  lastSetCookies: string[] = [];

  constructor(
    private readonly t: TestApp,
    private readonly address = '203.0.113.10',
  ) {}

  get cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response) {
    this.lastSetCookies = res.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': this.address, ...(this.jar.size ? { cookie: this.cookieHeader } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    this.remember(res);
    return { status: res.status, ...((await res.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] }) };
  }

  async get(path: string) {
    const res = await fetch(`${this.t.url}${path}`, { redirect: 'manual', headers: this.jar.size ? { cookie: this.cookieHeader } : {} });
    this.remember(res);
    return res;
  }

  signIn(email: string, password: string) {
    return this.gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { kind role staffUser { id email role } sessionExpiresAt } }`, { e: email, p: password });
  }
}

export const VIEWER = `{ viewer { kind role accountId sessionExpiresAt staffUser { id email role } account { id email } } }`;

/** A clock the test moves by hand: idle and absolute expiry without sleeping. */
export function manualClock(start = Date.parse('2026-11-25T12:00:00Z')) {
  let now = start;
  return {
    clock: () => new Date(now),
    advanceMinutes: (m: number) => {
      now += m * 60_000;
    },
  };
}

export async function staffUser(t: TestApp, role: 'SUPPORT' | 'FINANCE' | 'ADMIN', password = 'correct horse battery staple') {
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@staff.example.test`;
  const user = await t.services.staff.create({ keyId: null, accountId: null, role: 'ADMIN' }, { email, role, password });
  return { ...user, password };
}
