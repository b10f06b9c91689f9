import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ENDPOINTS_PER_OWNER } from '../../src/notify/endpoints.service.js';
import { verifySignature } from '../../src/notify/signature.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { WebhookSink } from './sinks.js';

const Create = `mutation Create($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url events createdAt disabledAt accountId } }
}`;
const List = `query L($accountId: ID) { webhookEndpoints(accountId: $accountId) { id url events disabledAt } }`;

let t: TestApp;
let sink: WebhookSink;
beforeAll(async () => {
  sink = await new WebhookSink().start();
  t = await startTestApp(); // with the app's own worker: woken at commit, no polling needed
});
afterAll(async () => {
  await t?.close();
  await sink?.stop();
});

describe('webhook endpoints through the API', () => {
  it('shows the secret once, lists without it, and lets only the owner or ADMIN manage', async () => {
    const user = await t.account();
    const other = await t.account();
    const created = await t.gql(
      Create,
      { input: { url: sink.url, events: ['balance.low', 'credits.exhausted'], description: 'mine' } },
      user.key,
    );
    expect(created.errors).toBeUndefined();
    const { secret, endpoint } = created.data.createWebhookEndpoint;
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({ url: sink.url, events: ['balance.low', 'credits.exhausted'], disabledAt: null, accountId: user.id });
    const [row] = await t.db.query<{ secret_enc: string }>(`select secret_enc from webhook_endpoints where id = $1`, [endpoint.id]);
    expect(row.secret_enc).not.toContain(secret.slice(6));

    const listed = await t.gql(List, {}, user.key);
    expect(listed.data.webhookEndpoints).toEqual([
      { id: endpoint.id, url: sink.url, events: ['balance.low', 'credits.exhausted'], disabledAt: null },
    ]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await t.gql(List, { accountId: user.id }, other.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(List, { accountId: user.id })).data.webhookEndpoints).toHaveLength(1); // ADMIN

    const disableByOther = await t.gql(`mutation { disableWebhookEndpoint(id: "${endpoint.id}") { id } }`, {}, other.key);
    expect(disableByOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const createForOther = await t.gql(Create, { input: { accountId: user.id, url: sink.url, events: ['*'] } }, other.key);
    expect(createForOther.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const operatorByUser = await t.gql(Create, { input: { allAccounts: true, url: sink.url, events: ['*'] } }, user.key);
    expect(operatorByUser.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const disabled = await t.gql(`mutation { disableWebhookEndpoint(id: "${endpoint.id}") { disabledAt } }`, {}, user.key);
    expect(disabled.data.disableWebhookEndpoint.disabledAt).not.toBeNull();
    const enabled = await t.gql(`mutation { enableWebhookEndpoint(id: "${endpoint.id}") { disabledAt } }`, {}, user.key);
    expect(enabled.data.enableWebhookEndpoint.disabledAt).toBeNull();
    const rotated = await t.gql(`mutation { rotateWebhookEndpointSecret(id: "${endpoint.id}") { secret endpoint { id } } }`, {}, user.key);
    expect(rotated.data.rotateWebhookEndpointSecret.secret).toMatch(/^whsec_/);
    expect(rotated.data.rotateWebhookEndpointSecret.secret).not.toBe(secret);
    const deleted = await t.gql(`mutation { deleteWebhookEndpoint(id: "${endpoint.id}") { id } }`, {}, user.key);
    expect(deleted.data.deleteWebhookEndpoint.id).toBe(endpoint.id);
    expect((await t.gql(List, {}, user.key)).data.webhookEndpoints).toEqual([]);
    const audit = await t.db.query<{ action: string }>(`select action from audit_log where target_id = $1 order by chain_seq`, [
      endpoint.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual([
      'webhookEndpoint.create',
      'webhookEndpoint.disable',
      'webhookEndpoint.enable',
      'webhookEndpoint.rotateSecret',
      'webhookEndpoint.delete',
    ]);
  });

  it('refuses bad input with BAD_USER_INPUT and writes nothing', async () => {
    const user = await t.account();
    const cases = [
      { url: 'ftp://example.com/x', events: ['*'] },
      { url: 'http://10.0.0.1/x', events: ['*'] },
      { url: sink.url, events: [] },
      { url: sink.url, events: ['no.such.event'] },
      { url: `http://127.0.0.1/${'x'.repeat(3000)}`, events: ['*'] },
    ];
    for (const input of cases) {
      const res = await t.gql(Create, { input }, user.key);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await t.db.query(`select 1 from webhook_endpoints where account_id = $1`, [user.id])).toHaveLength(0);
  });

  it('refuses an endpoint past MAX_ENDPOINTS_PER_OWNER with BAD_USER_INPUT and the limit, and writes nothing', async () => {
    const user = await t.account();
    for (let i = 0; i < MAX_ENDPOINTS_PER_OWNER; i++) {
      expect((await t.gql(Create, { input: { url: sink.url, events: ['*'] } }, user.key)).errors).toBeUndefined();
    }
    const refused = await t.gql(Create, { input: { url: sink.url, events: ['*'] } }, user.key);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: MAX_ENDPOINTS_PER_OWNER });
    expect(refused.errors?.[0].message).toBe(`At most ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints per account`);
    expect((await t.gql(List, {}, user.key)).data.webhookEndpoints).toHaveLength(MAX_ENDPOINTS_PER_OWNER);
  });

  it('delivers an event to the receiver after commit, signed, without polling; redelivers on request', async () => {
    const user = await t.account(5_000_000n);
    const { secret, endpoint } = (await t.gql(Create, { input: { url: sink.url, events: ['balance.low'] } }, user.key)).data
      .createWebhookEndpoint;
    const seen = sink.received.length;
    // Raising the threshold above the balance is a crossing: balance.low is written with it.
    await t.gql(`mutation { setLowBalanceThreshold(thresholdMillicredits: "6000000") { alerted } }`, {}, user.key);
    await sink.next(seen + 1); // the NOTIFY at commit woke the worker; the poll period is 5 s
    const got = sink.received[seen];
    expect(verifySignature(got.headers['creditmeter-signature'] as string, got.rawBody, secret).ok).toBe(true);
    expect(got.body).toMatchObject({
      type: 'balance.low',
      data: { accountId: user.id, availableMillicredits: '5000000', thresholdMillicredits: '6000000' },
    });

    const redelivered = await t.gql(
      `mutation { redeliverWebhookEvent(endpointId: "${endpoint.id}", eventId: "${got.body.id}") }`,
      {},
      user.key,
    );
    expect(redelivered.errors).toBeUndefined();
    await sink.next(seen + 2);
    expect(sink.received[seen + 1].body.id).toBe(got.body.id);
    const missing = await t.gql(
      `mutation { redeliverWebhookEvent(endpointId: "${endpoint.id}", eventId: "${randomUUID()}") }`,
      {},
      user.key,
    );
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('in production', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await startTestApp(
      { NODE_ENV: 'production', WEBHOOK_SECRET_KEY: randomBytes(32).toString('hex'), NOTIFY_WORKER: 'false' },
      t.db,
    );
  });
  afterAll(async () => prod?.app.close());

  it.each([
    'https://127.0.0.1/hook',
    'https://localhost/hook',
    'https://10.0.0.7/hook',
    'https://169.254.169.254/',
    'https://[::1]/hook',
    'https://[fe80::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    `${'http'}://example.com/hook`,
  ])('refuses %s at registration', async (url) => {
    const user = await prod.account();
    const res = await prod.gql(Create, { input: { url, events: ['*'] } }, user.key);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/url refused/);
  });
});
