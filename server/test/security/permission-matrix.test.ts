import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { KINDS, MATRIX, type Expected, type Kind, type ResourceKind, type Row } from './permission-matrix.table.js';

/**
 * Every root field × every kind of caller × HTTP and graphql-ws, against the one table in
 * permission-matrix.table.ts. Arguments come from the schema's argument types; resource-scoped
 * arguments get the caller's own resource and then another account's.
 */
const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
const ROOTS = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t): t is GraphQLObjectType => !!t);
const FIELDS = ROOTS.flatMap((root) =>
  Object.values(root.getFields()).map((field) => ({ root: root.name, field, id: `${root.name}.${field.name}` })),
);
/** Cells that end the caller's session (signIn replaces the cookie's session): each gets a caller of its own. */
const ENDS_THE_CALLER = new Set(['Mutation.signIn', 'Mutation.signOut', 'Mutation.signOutEverywhere', 'Mutation.revokePortalSessions']);

type Transport = 'http' | 'ws';
type Variant = 'own' | 'other' | 'none';
type Outcome = 'A' | 'F' | 'U' | string;

interface Home {
  accountId: string;
  key: string;
  teamId: string;
  endpointId: string;
  purchaseId: string;
}
interface Caller {
  kind: Kind;
  headers: Record<string, string>;
  /** The account holder's own resources (a team key: its member's, and its own team). */
  home: Home | null;
  socket?: Client;
}

let t: TestApp;
let victim: Home;
let signInUser: { email: string; password: string };
const sockets: Client[] = [];

const CREATE_TEAM = `mutation($n: String!) { createTeam(input: { name: $n }) { id } }`;
const CREATE_ENDPOINT = `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }`;

async function must<T = any>(query: string, variables: Record<string, unknown>, key: string): Promise<T> {
  const res = await t.gql(query, variables, key);
  if (res.errors) throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

async function endpointOf(key: string): Promise<string> {
  return (await must(CREATE_ENDPOINT, { i: { url: `${t.url}/matrix-hook`, events: ['*'] } }, key)).createWebhookEndpoint.endpoint.id;
}

/** An account with credits, a key, a team it OWNs (funded), a webhook endpoint and a purchase. */
async function makeHome(light = false): Promise<Home> {
  const { id, key } = await t.account(1_000_000n);
  if (light) return { accountId: id, key, teamId: randomUUID(), endpointId: randomUUID(), purchaseId: randomUUID() };
  const teamId = (await must(CREATE_TEAM, { n: 'matrix team' }, key)).createTeam.id;
  await t.services.ledger.post({ accountId: teamId, type: 'BONUS', delta: 1_000_000n, counterparty: 'promotions', reason: 'matrix' });
  const [purchase] = await t.db.query<{ id: string }>(
    `insert into purchases (account_id, kind, pack_id, status, amount_cents, credits) values ($1, 'CHECKOUT', 'starter', 'PENDING', 500, 1000000) returning id`,
    [id],
  );
  return { accountId: id, key, teamId, endpointId: await endpointOf(key), purchaseId: purchase.id };
}

async function staffCookie(role: 'SUPPORT' | 'FINANCE' | 'ADMIN'): Promise<string> {
  const email = `matrix-${role.toLowerCase()}-${randomUUID()}@staff.example.test`;
  const password = 'correct horse battery staple';
  await t.services.staff.create({ keyId: null, accountId: null, role: 'ADMIN' }, { email, role, password });
  // An address of its own: the sign-in limiter counts per address too.
  const address = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const session = await t.services.signIn.signIn(email, password, address);
  return `cm_staff=${session.token}`;
}

async function portalCookie(home: Home): Promise<string> {
  const { url } = (await must(`mutation { createPortalSession { url } }`, {}, home.key)).createPortalSession;
  const opened = await fetch(`${t.url}${new URL(url).pathname}`, { redirect: 'manual' });
  const cookie = opened.headers.getSetCookie().find((c) => c.startsWith('cm_portal='));
  if (!cookie) throw new Error('no portal cookie');
  return cookie.split(';')[0];
}

async function makeCaller(kind: Kind, light = false): Promise<Caller> {
  switch (kind) {
    case 'anonymous':
      return { kind, headers: {}, home: null };
    case 'userKey': {
      const home = await makeHome(light);
      return { kind, headers: { authorization: `Bearer ${home.key}` }, home };
    }
    case 'teamKey': {
      const home = await makeHome();
      const issued = await must(`mutation($t: ID!) { createTeamApiKey(teamId: $t) { key } }`, { t: home.teamId }, home.key);
      return { kind, headers: { authorization: `Bearer ${issued.createTeamApiKey.key}` }, home };
    }
    case 'portal': {
      const home = await makeHome(light);
      return { kind, headers: { cookie: await portalCookie(home) }, home };
    }
    case 'signedOut': {
      const cookie = await staffCookie('ADMIN');
      const out = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: 'mutation { signOut }' }),
      });
      expect(((await out.json()) as any).data.signOut).toBe(true);
      return { kind, headers: { cookie }, home: null };
    }
    default:
      return { kind, headers: { cookie: await staffCookie(kind) }, home: null };
  }
}

function openSocket(caller: Caller): Client {
  const { authorization, cookie } = caller.headers;
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: cookie ? { cookie } : {} });
    }
  }
  const client = createClient({
    url: `${t.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: CookieSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
    lazy: true,
  });
  sockets.push(client);
  return client;
}

// ---- arguments from the schema ----

function stringFor(name: string): string {
  if (/millicredits$/i.test(name)) return '1000';
  if (name === 'email') return `${randomUUID()}@example.test`;
  if (name === 'password') return 'correct horse battery staple';
  if (name === 'url') return `${t.url}/matrix-hook`;
  if (name === 'day') return '2026-01-01';
  if (name === 'returnTo') return '/';
  if (name === 'idempotencyKey') return randomUUID();
  if (name === 'model') return 'matrix-no-such-model';
  if (name === 'code') return 'MATRIX-NO-SUCH-CODE';
  return 'permission matrix';
}

function valueFor(type: GraphQLInputType, name: string, path: string, pick: (path: string) => unknown): unknown {
  const picked = pick(path);
  if (picked !== undefined) return picked;
  if (isNonNullType(type)) return valueFor(type.ofType, name, path, pick);
  if (isListType(type)) return [valueFor(type.ofType, name, `${path}.0`, pick)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const sub = `${path}.${f.name}`;
      if (isNonNullType(f.type) || pick(sub) !== undefined || pickedBelow(sub, pick)) out[f.name] = valueFor(f.type, f.name, sub, pick);
    }
    return out;
  }
  switch (type.name) {
    case 'ID':
      return randomUUID();
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return name === 'to' ? '2026-02-01T00:00:00Z' : '2026-01-01T00:00:00Z';
    default:
      return stringFor(name);
  }
}
const pickedBelow = (path: string, pick: (p: string) => unknown) => pick(`${path}.0`) !== undefined;

function argsFor(field: GraphQLField<unknown, unknown>, pick: (path: string) => unknown): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const a of field.args as GraphQLArgument[]) {
    const given = isNonNullType(a.type) || pick(a.name) !== undefined || pickedBelow(a.name, pick);
    if (given) args[a.name] = valueFor(a.type, a.name, a.name, pick);
  }
  return args;
}

function documentFor(root: string, field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  let selection = '';
  if (isObjectType(named)) selection = named.getFields().errorCode ? ' { errorCode }' : ' { __typename }';
  else if (isAbstractType(named)) selection = ' { __typename }';
  return `${root.toLowerCase()}${vars ? `(${vars})` : ''} { ${field.name}${call}${selection} }`;
}

// ---- resources ----

async function resource(kind: ResourceKind, owner: Home, fresh: boolean): Promise<string> {
  switch (kind) {
    case 'account':
      return owner.accountId;
    case 'team':
      return owner.teamId;
    case 'purchase':
      return owner.purchaseId;
    case 'endpoint':
      return fresh ? endpointOf(owner.key) : owner.endpointId;
    case 'apiKey':
      return (await t.services.auth.createKey(null, owner.accountId, 'USER')).id;
  }
}

/** The arguments of one cell: scope arguments for the variant, fixed ones from the caller's side. */
async function pickerFor(id: string, row: Row, caller: Caller, variant: Variant): Promise<(path: string) => unknown> {
  const values = new Map<string, unknown>();
  const fresh = id === 'Mutation.deleteWebhookEndpoint';
  for (const [path, kind] of Object.entries(row.scope ?? {})) {
    if (variant === 'other') values.set(path, await resource(kind, victim, fresh));
    else if (variant === 'own' && caller.home && isRequired(id, path)) values.set(path, await resource(kind, caller.home, fresh));
  }
  for (const [path, kind] of Object.entries(row.fixed ?? {})) values.set(path, await resource(kind, caller.home ?? victim, false));
  if (id === 'Mutation.signIn') values.set('email', signInUser.email).set('password', signInUser.password);
  if (id === 'Mutation.signInWithKey') values.set('key', (await t.account()).key);
  return (path) => values.get(path);
}

function isRequired(id: string, path: string): boolean {
  const { field } = FIELDS.find((f) => f.id === id)!;
  const [name] = path.split('.');
  const arg = field.args.find((a) => a.name === name)!;
  if (path === name) return isNonNullType(arg.type);
  return true; // inside an input: the input is given whole
}

/** The variants a cell runs in: own and another's for scoped rows; a caller without a home skips a required own. */
function variantsOf(row: Row, kind: Kind, id: string): Variant[] {
  if (!row.scope) return ['none'];
  const requiredOwn = Object.keys(row.scope).some((p) => isRequired(id, p));
  return requiredOwn && !HOLDERS.includes(kind) ? ['other'] : ['own', 'other'];
}
/** The kinds that have resources of their own (staff sessions have no account). */
const HOLDERS: readonly Kind[] = ['userKey', 'teamKey', 'portal'];

function expectedOf(row: Row, kind: Kind, transport: Transport, variant: Variant): Outcome {
  if (transport === 'ws' && (kind === 'anonymous' || kind === 'signedOut')) return 'U';
  const cells = (transport === 'ws' && row.ws ? row.ws : row.cells).split(/\s+/);
  const code = cells[KINDS.indexOf(kind)] as Expected;
  if (code === 'O') return variant === 'other' ? 'F' : 'A';
  if (code === 'H') return variant === 'other' ? 'NOT_FOUND' : 'A';
  if (code === 'N') return variant === 'other' ? 'A' : 'F';
  return code;
}

// ---- running a cell ----

interface Answer {
  errors?: { message: string; extensions?: { code?: string } }[];
  data?: unknown;
  closeCode?: number;
  status?: number;
}

function outcomeOf(answer: Answer): Outcome {
  if (answer.closeCode === 4403) return 'U';
  if (answer.closeCode) return `closed ${answer.closeCode}`;
  const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
  // recordUsageBatch answers per row
  JSON.stringify(answer.data ?? null, (k, v) => (k === 'errorCode' && v ? codes.push(v) : v));
  if (codes.includes('UNAUTHENTICATED')) return 'U';
  if (codes.includes('FORBIDDEN')) return 'F';
  if (codes.includes('INTERNAL_SERVER_ERROR')) return `INTERNAL: ${answer.errors?.[0]?.message}`;
  return codes.includes('NOT_FOUND') ? 'NOT_FOUND' : 'A';
}

async function overHttp(caller: Caller, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...caller.headers },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await res.json()) as Answer), status: res.status };
}

function overWs(client: Client, query: string, variables: Record<string, unknown>): Promise<Answer> {
  return new Promise((resolve) => {
    let last: Answer = {};
    const timer = setTimeout(() => resolve({ errors: [{ message: 'no answer within 15 s', extensions: { code: 'TIMEOUT' } }] }), 15_000);
    const done = (a: Answer) => {
      clearTimeout(timer);
      resolve(a);
    };
    const stop = client.subscribe(
      { query, variables },
      {
        next: (value) => {
          last = value as Answer;
          if (query.startsWith('subscription')) {
            stop();
            done(last);
          }
        },
        error: (err) => {
          if (Array.isArray(err)) done({ errors: err });
          else if (err && typeof (err as { code?: unknown }).code === 'number') done({ closeCode: (err as { code: number }).code });
          else done({ errors: [{ message: String(err), extensions: { code: 'SOCKET' } }] });
        },
        complete: () => done(last),
      },
    );
  });
}

interface Cell {
  id: string;
  kind: Kind;
  transport: Transport;
  variant: Variant;
  expected: Outcome;
  actual: Outcome;
}

async function runCell(id: string, caller: Caller, transport: Transport, variant: Variant): Promise<Cell> {
  const { root, field } = FIELDS.find((f) => f.id === id)!;
  const row = MATRIX[id];
  const variables = argsFor(field, await pickerFor(id, row, caller, variant));
  const query = documentFor(root, field);
  const expected = expectedOf(row, caller.kind, transport, variant);
  let answer: Answer;
  if (transport === 'http') answer = await overHttp(caller, query, variables);
  else answer = await overWs((caller.socket ??= openSocket(caller)), query, variables);
  return { id, kind: caller.kind, transport, variant, expected, actual: outcomeOf(answer) };
}

/** Runs `jobs` with at most `n` at a time. */
async function pool<T>(n: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]();
      }
    }),
  );
  return out;
}

beforeAll(async () => {
  t = await startTestApp({ TEAMS_PER_DAY_PER_ACCOUNT: 100_000 });
  victim = await makeHome();
  const email = `matrix-sign-in-${randomUUID()}@staff.example.test`;
  signInUser = { email, password: 'correct horse battery staple' };
  await t.services.staff.create({ keyId: null, accountId: null, role: 'ADMIN' }, { email, role: 'SUPPORT', password: signInUser.password });
}, 60_000);

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await t?.close();
});

describe('the permission matrix', () => {
  it('has exactly one row for every Query, Mutation and Subscription field, and no row without a field', () => {
    const fields = FIELDS.map((f) => f.id).sort();
    const rows = Object.keys(MATRIX).sort();
    expect({ withoutRow: fields.filter((f) => !MATRIX[f]), withoutField: rows.filter((r) => !fields.includes(r)) }).toEqual({
      withoutRow: [],
      withoutField: [],
    });
    for (const [id, row] of Object.entries(MATRIX)) {
      for (const cells of [row.cells, row.ws].filter((c): c is string => !!c)) {
        expect(cells.split(/\s+/).length, id).toBe(KINDS.length);
        expect(
          cells.split(/\s+/).every((c) => ['A', 'F', 'U', 'O', 'H', 'N'].includes(c)),
          id,
        ).toBe(true);
      }
    }
  });

  it('answers every cell as the table says, over HTTP and over graphql-ws', async () => {
    const callers = new Map<Kind, Caller>();
    for (const kind of KINDS) callers.set(kind, await makeCaller(kind));
    const regular = FIELDS.filter((f) => !ENDS_THE_CALLER.has(f.id));
    const cells: Cell[] = [];

    // HTTP: many callers at once; graphql-ws: one socket per caller, one operation at a time on it.
    const httpJobs = regular
      .filter((f) => f.root !== 'Subscription')
      .flatMap((f) => KINDS.flatMap((k) => variantsOf(MATRIX[f.id], k, f.id).map((v) => () => runCell(f.id, callers.get(k)!, 'http', v))));
    const wsRuns = KINDS.map(async (k) => {
      const caller = callers.get(k)!;
      for (const f of regular) for (const v of variantsOf(MATRIX[f.id], k, f.id)) cells.push(await runCell(f.id, caller, 'ws', v));
    });
    const [httpCells] = await Promise.all([pool(4, httpJobs), ...wsRuns]);
    cells.push(...httpCells);

    // Operations that end their caller get a fresh caller (and socket) per cell.
    for (const f of FIELDS.filter((x) => ENDS_THE_CALLER.has(x.id))) {
      for (const kind of KINDS) {
        for (const transport of ['http', 'ws'] as const) {
          for (const v of variantsOf(MATRIX[f.id], kind, f.id)) {
            cells.push(await runCell(f.id, await makeCaller(kind, true), transport, v));
          }
        }
      }
    }

    // Subscriptions travel over graphql-ws only: over HTTP every caller gets a refusal without data.
    for (const f of FIELDS.filter((x) => x.root === 'Subscription')) {
      for (const kind of KINDS) {
        const answer = await overHttp(callers.get(kind)!, documentFor(f.root, f.field), {});
        expect(answer.data ?? null, `${f.id} over HTTP`).toBeNull();
        expect(
          answer.errors?.map((e) => e.extensions?.code),
          `${f.id} over HTTP`,
        ).toEqual(['BAD_REQUEST']);
      }
    }

    const ops = FIELDS.length;
    const size = `${ops} operations × ${KINDS.length} principals × 2 transports`;
    // NOT_FOUND is an allowed answer, unless the table asks for it (a hidden resource).
    const matches = (c: Cell) => c.actual === c.expected || (c.expected === 'A' && c.actual === 'NOT_FOUND');
    const wrong = cells
      .filter((c) => !matches(c))
      .map((c) => `${c.id} ${c.kind} ${c.transport} ${c.variant}: expected ${c.expected}, got ${c.actual}`);
    console.info(`permission matrix: ${size}; ${cells.length} cells run (own/another variants included)`);
    expect(wrong).toEqual([]);
  }, 240_000);
});
