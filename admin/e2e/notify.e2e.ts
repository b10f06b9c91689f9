import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { customer, gql } from './api';
import { launchChromium, watchErrors } from './browser';
import { openCreditsPage, signInStaff } from './staff';

/** A local webhook receiver: every request it gets, and a way to wait for the next ones. */
interface Sink {
  url: string;
  received: Array<{ headers: IncomingHttpHeaders; body: string }>;
  next(count: number): Promise<void>;
  server: Server;
}

async function startSink(): Promise<Sink> {
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const sink = { received: [] } as unknown as Sink;
  sink.server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      sink.received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      for (const w of waiters.filter((w) => sink.received.length >= w.count)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
  sink.url = `http://127.0.0.1:${(sink.server.address() as AddressInfo).port}/hooks/creditmeter`;
  sink.next = (count) =>
    sink.received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve }));
  return sink;
}

let browser: Browser;
let sink: Sink;
beforeAll(async () => {
  browser = await launchChromium();
  sink = await startSink();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => sink?.server.close(resolve));
});

const base = () => inject('baseUrl');
const signature = (secret: string, header: string, body: string) => {
  const t = /t=(\d+)/.exec(header)![1];
  return { t, expected: createHmac('sha256', secret).update(`${t}.${body}`).digest('hex') };
};

describe('webhooks and alerts in the console', () => {
  it('adds an endpoint (secret once), shows its delivery log and redelivers an event with the same id', async () => {
    const account = await customer(3_000_000n, 'hooks');
    const page = await signInStaff(browser);
    const errors = watchErrors(page);
    await page.goto(`${base()}/admin/webhookEndpoints/create`);
    await page.getByRole('radio', { name: "One account's events" }).check();
    await page.getByRole('textbox', { name: 'Account id' }).fill(account.id);
    await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(sink.url);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);

    // Raising the threshold above the balance is a crossing: balance.low goes out at once.
    const before = sink.received.length;
    await gql(`mutation($a: ID!) { setLowBalanceThreshold(accountId: $a, thresholdMillicredits: "5000000") { alerted } }`, {
      a: account.id,
    });
    await sink.next(before + 1);
    const first = sink.received[before];
    const event = JSON.parse(first.body) as { id: string; type: string };
    expect(event.type).toBe('balance.low');
    const { expected } = signature(secret, String(first.headers['creditmeter-signature']), first.body);
    expect(String(first.headers['creditmeter-signature'])).toContain(`v1=${expected}`);

    await page.getByRole('link', { name: 'Open its delivery log' }).click();
    const row = page.getByRole('row').filter({ hasText: 'balance.low' });
    await row.getByText('DELIVERED').waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[2]).toBe('1'); // attempts
    expect(cells[3]).toBe('200'); // last answer
    expect(cells[4]).toMatch(/^\d+ ms$/);

    await row.getByRole('button', { name: `Redeliver event ${event.id}` }).click();
    await page.getByText('queued again with the same id').waitFor();
    await sink.next(before + 2);
    const again = sink.received[before + 1];
    expect(JSON.parse(again.body).id).toBe(event.id);
    expect(again.headers['creditmeter-event-id']).toBe(event.id);

    // The operator-wide list does not show an account's endpoint; filtering by the account does.
    await page.goto(`${base()}/admin/webhookEndpoints?filter=${encodeURIComponent(JSON.stringify({ accountId: account.id }))}`);
    await page.getByRole('row').filter({ hasText: sink.url }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lists an account’s API keys and revokes one after confirmation; the key stops working', async () => {
    const account = await customer(1_000_000n, 'revoke');
    const page = await signInStaff(browser);
    await page.goto(`${base()}/admin/accounts/${account.id}/show/keys`);
    await page.getByTestId('api-key-count').getByText('1 key, 1 active').waitFor();
    await page.getByRole('button', { name: /^Revoke key / }).click();
    await page.getByRole('dialog').getByText('stops working at once').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByTestId('api-key-count').getByText('1 key, 0 active').waitFor();
    await page
      .getByTestId('api-key-row')
      .getByText(/^Revoked /)
      .waitFor();
    const refused = await gql('{ me { id } }', {}, account.key).catch((e: { code?: string }) => e.code);
    expect(refused).toBe('UNAUTHENTICATED');
    await page.context().close();
  });

  it('charts 402s per day, agreeing with refusalsDaily', async () => {
    const broke = await customer(0n, 'refused');
    for (let i = 0; i < 3; i++) {
      const code = await gql(
        `mutation($k: String!) { recordUsage(input: { model: "gpt-4o", inputTokens: 1000, outputTokens: 100, idempotencyKey: $k }) { id } }`,
        { k: `refused-${i}-${Date.now()}` },
        broke.key,
      ).catch((e: { code?: string }) => e.code);
      expect(code).toBe('INSUFFICIENT_CREDITS');
    }
    const today = new Date().toISOString().slice(0, 10);
    const { refusalsDaily } = await gql<{ refusalsDaily: Array<{ date: string; total: number; graphql: number }> }>(
      `query($from: DateTime!, $to: DateTime!) { refusalsDaily(from: $from, to: $to) { date total graphql } }`,
      { from: `${today}T00:00:00Z`, to: new Date().toISOString() },
    );
    expect(refusalsDaily[0].graphql).toBeGreaterThanOrEqual(3);
    const page = await signInStaff(browser);
    await page.goto(`${base()}/admin/`);
    const panel = page.getByTestId('panel-declined');
    await panel.locator('[data-testid=chart] svg').first().waitFor();
    const cells = await panel.getByRole('row').filter({ hasText: today }).getByRole('cell').allTextContents();
    expect(cells[0]).toBe(today);
    expect(Number(cells[3].replace(/,/g, ''))).toBeGreaterThanOrEqual(refusalsDaily[0].total);
    await page.context().close();
  });

  it('shows ADMIN the audit chain as verified on the audit log page', async () => {
    const page = await signInStaff(browser);
    await page.goto(`${base()}/admin/auditLog`);
    await page.getByTestId('audit-chain').getByText('Audit chain verified').waitFor();
    const { auditChain } = await gql<{ auditChain: { headHash: string } }>('{ auditChain { headHash } }');
    await page.getByTestId('audit-chain').getByText(auditChain.headHash.slice(0, 16), { exact: false }).waitFor();
    await page.context().close();
  });
});

describe('alerts and webhooks on the Credits page', () => {
  it('sets low-balance thresholds in credits, exactly, and in percent, and refuses a bad amount', async () => {
    const account = await customer(50_000_000n, 'threshold');
    const page = await openCreditsPage(browser, account.key);
    const field = page.getByRole('textbox', { name: 'Low-balance threshold (credits or %)' });
    await field.fill('12.3456');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await page.getByText('At most three decimals').waitFor();
    await field.fill('1,234.567');
    await page.getByText('= 1234567 millicredits').waitFor();
    await page.getByRole('button', { name: 'Add threshold' }).click();
    await page.getByRole('textbox', { name: 'Threshold 2 (credits or %)' }).fill('20%');
    await page.getByText('20 % of your last purchase').waitFor();
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await page.getByText(/^Saved: 1,234\.567 credits, /).waitFor();
    const { account: a } = await gql<{
      account: { lowBalanceAlerts: { thresholdMillicredits: string; percent: number | null; custom: boolean }[] };
    }>(`query($id: ID!) { account(id: $id) { lowBalanceAlerts { thresholdMillicredits percent custom } } }`, { id: account.id });
    // No purchase yet: 20 % of it is 0 credits.
    expect(a.lowBalanceAlerts).toEqual([
      { thresholdMillicredits: '1234567', percent: null, custom: true },
      { thresholdMillicredits: '0', percent: 20, custom: true },
    ]);
    await page.getByRole('button', { name: 'Use the default' }).click();
    await page.getByText(/^Back to the default/).waitFor();
    await page.context().close();
  });

  it("adds the account's own endpoint (secret once), rotates its secret and deletes it after confirmation", async () => {
    const account = await customer(1_000_000n, 'ownhooks');
    const page = await openCreditsPage(browser, account.key);
    const errors = watchErrors(page);
    await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(`${sink.url}/own`);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    const endpoint = page.getByTestId('webhook-endpoint').filter({ hasText: `${sink.url}/own` });
    await endpoint.getByText('Enabled').waitFor();

    await endpoint.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
    await page.getByText('Secret rotated.').waitFor();
    expect(await page.getByTestId('webhook-secret').textContent()).not.toBe(secret);

    await endpoint.getByRole('button', { name: 'Disable' }).click();
    await endpoint.getByText('Disabled').waitFor();
    await endpoint.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Endpoint deleted.').waitFor();
    await page.getByText('No endpoints yet.').waitFor();
    const { webhookEndpoints } = await gql<{ webhookEndpoints: unknown[] }>(`query($a: ID!) { webhookEndpoints(accountId: $a) { id } }`, {
      a: account.id,
    });
    expect(webhookEndpoints).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
