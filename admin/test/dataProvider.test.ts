import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider, listRequest, pageLocally } from '../console/dataProvider';
import { dataProvider } from '../console/resources';

/** The GraphQL requests the console sends, answered at the HTTP boundary (fetch). */
let sent: Array<{ query: string; variables: Record<string, unknown>; headers: Record<string, string> }>;
let answer: (query: string, variables: Record<string, unknown>) => unknown;

beforeEach(() => {
  sent = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    sent.push({ query: body.query, variables: body.variables, headers: init.headers as Record<string, string> });
    return new Response(JSON.stringify(answer(body.query, body.variables)), { status: 200, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => vi.unstubAllGlobals());

const account = (id: string, email: string) => ({ id, email, name: null, createdAt: '2026-11-01T00:00:00.000Z', balance: { balanceMillicredits: '1000', availableMillicredits: '1000', heldMillicredits: '0', updatedAt: '2026-11-01T00:00:00.000Z' } });

describe('the console data provider', () => {
  it('maps a list page (page, sort, search) onto the accounts connection and reads totalCount', async () => {
    answer = () => ({ data: { accounts: { totalCount: 57, edges: [{ node: account('a1', 'x@example.test') }, { node: account('a2', 'y@example.test') }] } } });
    const result = await dataProvider.getList('accounts', { pagination: { page: 3, perPage: 25 }, sort: { field: 'email', order: 'ASC' }, filter: { q: '  bob ' } });
    expect(result.total).toBe(57);
    expect(result.data.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(sent).toHaveLength(1);
    expect(sent[0].query).toMatch(/query Accounts\b/);
    expect(sent[0].variables).toEqual({ search: 'bob', orderBy: 'EMAIL', direction: 'ASC', first: 25, offset: 50 });
    expect(sent[0].headers['content-type']).toBe('application/json');
    expect(sent[0].headers.authorization).toBeUndefined(); // the staff session cookie, never a key
  });

  it('sorts by balance, and falls back to newest first for a field the server cannot sort', async () => {
    answer = () => ({ data: { accounts: { totalCount: 0, edges: [] } } });
    await dataProvider.getList('accounts', { pagination: { page: 1, perPage: 10 }, sort: { field: 'balance', order: 'DESC' }, filter: {} });
    await dataProvider.getList('accounts', { pagination: { page: 1, perPage: 10 }, sort: { field: 'mystery', order: 'DESC' }, filter: {} });
    expect(sent.map((s) => s.variables.orderBy)).toEqual(['BALANCE', 'CREATED_AT']);
    expect(sent[0].variables.search).toBeNull();
  });

  it('gets one and many records by id, and says so when one does not exist', async () => {
    answer = (_q, v) => ({ data: { account: v.id === 'missing' ? null : { ...account(String(v.id), 'a@example.test'), autoRecharge: null } } });
    expect((await dataProvider.getOne('accounts', { id: 'a9' })).data.id).toBe('a9');
    expect((await dataProvider.getMany('accounts', { ids: ['a1', 'a2'] })).data.map((a) => a.id)).toEqual(['a1', 'a2']);
    await expect(dataProvider.getOne('accounts', { id: 'missing' })).rejects.toThrow('Account missing not found');
  });

  it('turns a GraphQL error into an error carrying its code, for the auth provider to act on', async () => {
    answer = () => ({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] });
    await expect(dataProvider.getList('accounts', { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Sign in first' });
  });

  it('creates a promo code with its credits converted exactly, and updates only what changed of a staff user', async () => {
    answer = (q) => ({ data: q.includes('createPromoCode') ? { createPromoCode: { id: 'p1', code: 'WELCOME' } } : { updateStaffUser: { id: 's1' } } });
    await dataProvider.create('promoCodes', { data: { code: ' WELCOME ', credits: '2,500.125', maxRedemptions: 10 } });
    expect(sent[0].variables.input).toEqual({ code: 'WELCOME', creditsMillicredits: '2500125', maxRedemptions: 10, expiresAt: null, grantValidDays: null });
    const previous = { id: 's1', email: 'e@x.test', name: 'Eve', role: 'SUPPORT', disabled: false };
    await dataProvider.update('staffUsers', { id: 's1', data: { ...previous, role: 'FINANCE' }, previousData: previous });
    expect(sent[1].variables.input).toEqual({ id: 's1', role: 'FINANCE' });
    await expect(dataProvider.create('promoCodes', { data: { code: 'X', credits: '1.0001' } })).rejects.toThrow(/three decimals/);
    expect(sent).toHaveLength(2);
  });

  it('pages, sorts and filters whole-array answers in the browser (rate cards)', async () => {
    const card = (version: number) => ({ id: `c${version}`, version, name: `v${version}`, active: version === 3, enabled: true, createdAt: '', activatedAt: null, rates: [] });
    answer = () => ({ data: { rateCards: [card(1), card(3), card(2), card(4)] } });
    const page = await dataProvider.getList('rateCards', { pagination: { page: 1, perPage: 2 }, sort: { field: 'version', order: 'DESC' }, filter: {} });
    expect(page).toEqual({ data: [card(4), card(3)], total: 4 });
    const second = await dataProvider.getList('rateCards', { pagination: { page: 2, perPage: 3 }, sort: { field: 'version', order: 'ASC' }, filter: {} });
    expect(second.data.map((c) => c.version)).toEqual([4]);
  });

  it('refuses what the console does not offer, without sending anything', async () => {
    const provider = createDataProvider({ things: {} });
    await expect(provider.getList('things', { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).rejects.toThrow(/not offered/);
    await expect(provider.delete('things', { id: 1 })).rejects.toThrow(/not offered/);
    await expect(provider.getOne('nothing', { id: 1 })).rejects.toThrow(/Unknown resource/);
    expect(sent).toHaveLength(0);
  });

  it('computes list windows and local pages consistently', () => {
    expect(listRequest({ pagination: { page: 4, perPage: 20 }, sort: { field: 'x', order: 'ASC' }, filter: { a: 1 } })).toEqual({ page: 4, perPage: 20, offset: 60, sort: { field: 'x', order: 'ASC' }, filter: { a: 1 } });
    const rows = Array.from({ length: 7 }, (_v, i) => ({ id: i, n: (i * 3) % 7 }));
    const all = [0, 1, 2, 3].flatMap((p) => pageLocally(rows, { page: p + 1, perPage: 2, offset: p * 2, sort: { field: 'n', order: 'ASC' }, filter: {} }).data.map((r) => r.n));
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
