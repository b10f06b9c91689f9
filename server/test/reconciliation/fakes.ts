import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, unknown>;

async function listen(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The Stripe list endpoints reconciliation reads (charges, refunds), driven by the real SDK. */
export class FakeStripeLedger {
  charges: Obj[] = [];
  refunds: Obj[] = [];
  requests: { path: string; query: Record<string, string> }[] = [];
  url = '';
  private handle?: { url: string; close(): Promise<void> };

  charge(id: string, amountCents: number, paymentIntent: string | null, opts: { refunded?: number; created?: Date; metadata?: Obj } = {}) {
    const c = {
      id,
      object: 'charge',
      amount: amountCents,
      amount_refunded: opts.refunded ?? 0,
      currency: 'usd',
      paid: true,
      status: 'succeeded',
      payment_intent: paymentIntent,
      metadata: opts.metadata ?? {},
      created: Math.floor((opts.created ?? new Date()).getTime() / 1000),
    };
    this.charges.push(c);
    return c;
  }

  async start() {
    this.handle = await listen((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const query = Object.fromEntries(url.searchParams);
      this.requests.push({ path: url.pathname, query });
      const gte = Number(query['created[gte]'] ?? 0);
      const lt = Number(query['created[lt]'] ?? Number.MAX_SAFE_INTEGER);
      const inRange = (o: Obj) => (o.created as number) >= gte && (o.created as number) < lt;
      const list = url.pathname === '/v1/charges' ? this.charges : url.pathname === '/v1/refunds' ? this.refunds : null;
      res.setHeader('content-type', 'application/json');
      if (!list || req.method !== 'GET') {
        res.writeHead(404).end(JSON.stringify({ error: { message: 'not faked', type: 'invalid_request_error' } }));
        return;
      }
      res.end(JSON.stringify({ object: 'list', url: url.pathname, has_more: false, data: list.filter(inRange) }));
    });
    this.url = this.handle.url;
    return this;
  }

  close() {
    return this.handle?.close();
  }
}

/** OpenAI's organization usage API (completions, grouped by model), with an optional delay. */
export class FakeOpenAiUsage {
  results: { model: string; input_tokens: number; input_cached_tokens: number; output_tokens: number; num_model_requests: number }[] = [];
  delayMs = 0;
  authorizations: string[] = [];
  url = '';
  private handle?: { url: string; close(): Promise<void> };

  async start() {
    this.handle = await listen((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      this.authorizations.push(String(req.headers.authorization));
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        if (url.pathname !== '/v1/organization/usage/completions') {
          res.writeHead(404).end('{}');
          return;
        }
        const start = Number(url.searchParams.get('start_time'));
        res.end(
          JSON.stringify({
            object: 'page',
            data: [
              {
                object: 'bucket',
                start_time: start,
                end_time: start + 86_400,
                results: this.results.map((r) => ({ object: 'organization.usage.completions.result', ...r })),
              },
            ],
            has_more: false,
            next_page: null,
          }),
        );
      }, this.delayMs);
    });
    this.url = this.handle.url;
    return this;
  }

  close() {
    return this.handle?.close();
  }
}
