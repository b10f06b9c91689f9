import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export const WEBHOOK_SECRET = 'whsec_test_creditmeter_billing';

type Obj = Record<string, any>;

export interface RecordedRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  idempotencyKey: string | null;
}

/**
 * A local fake of the few Stripe endpoints billing calls, driven by the real `stripe` SDK
 * (STRIPE_API_BASE points at it). Tests steer it: pay a session, decline the next intent.
 */
export class FakeStripe {
  readonly requests: RecordedRequest[] = [];
  readonly sessions = new Map<string, Obj>();
  readonly intents = new Map<string, Obj>();
  readonly invoices = new Map<string, Obj>();
  readonly refunds = new Map<string, Obj>();
  private readonly byIdempotencyKey = new Map<string, { status: number; body: Obj }>();
  private seq = 0;
  /** Tax Stripe Tax adds to an invoice created with automatic tax (auto-recharge), in cents. */
  invoiceTax = 0;
  /** What the next off-session payment intent does. */
  intentOutcome: 'succeeded' | 'card_declined' = 'succeeded';
  private server!: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const params = Object.fromEntries(new URLSearchParams(req.method === 'GET' ? url.search : body));
        const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
        this.requests.push({ method: req.method ?? 'GET', path: url.pathname, params, idempotencyKey });
        const replay = idempotencyKey && req.method === 'POST' ? this.byIdempotencyKey.get(`${url.pathname}:${idempotencyKey}`) : undefined;
        const { status, body: out } = replay ?? this.route(req.method ?? 'GET', url.pathname, params);
        if (idempotencyKey && req.method === 'POST' && !replay)
          this.byIdempotencyKey.set(`${url.pathname}:${idempotencyKey}`, { status, body: out });
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${++this.seq}` });
        res.end(JSON.stringify(out));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private id(prefix: string) {
    return `${prefix}_fake${++this.seq}${Math.random().toString(36).slice(2, 8)}`;
  }

  private metadata(params: Record<string, string>, prefix: string): Obj {
    const out: Obj = {};
    for (const [k, v] of Object.entries(params)) {
      const m = new RegExp(`^${prefix.replace(/[[\]]/g, '\\$&')}\\[([^\\]]+)\\]$`).exec(k);
      if (m) out[m[1]] = v;
    }
    return out;
  }

  private route(method: string, path: string, p: Record<string, string>): { status: number; body: Obj } {
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const amount = Number(p['line_items[0][price_data][unit_amount]']);
      const id = this.id('cs_test');
      const session: Obj = {
        id,
        object: 'checkout.session',
        mode: p.mode,
        url: `https://checkout.stripe.test/c/pay/${id}`,
        client_reference_id: p.client_reference_id ?? null,
        metadata: this.metadata(p, 'metadata'),
        amount_subtotal: amount,
        amount_total: amount,
        total_details: { amount_discount: 0 },
        currency: p['line_items[0][price_data][currency]'] ?? 'usd',
        payment_status: 'unpaid',
        status: 'open',
        customer: p.customer ?? null,
        payment_intent: null,
        invoice: null,
        invoice_creation: { enabled: p['invoice_creation[enabled]'] === 'true' },
        automatic_tax: { enabled: p['automatic_tax[enabled]'] === 'true', status: null },
      };
      this.sessions.set(id, session);
      return { status: 200, body: session };
    }
    if (method === 'GET' && (m = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path))) {
      const session = this.sessions.get(m[1]);
      return session ? { status: 200, body: session } : this.notFound('checkout.session', m[1]);
    }
    if (method === 'GET' && (m = /^\/v1\/payment_intents\/([^/]+)$/.exec(path))) {
      const intent = this.intents.get(m[1]);
      if (!intent) return this.notFound('payment_intent', m[1]);
      const expand = Object.values(p).includes('latest_charge');
      return { status: 200, body: expand ? intent : { ...intent, latest_charge: intent.latest_charge?.id ?? null } };
    }
    if (method === 'GET' && (m = /^\/v1\/invoices\/([^/]+)$/.exec(path))) {
      const invoice = this.invoices.get(m[1]);
      return invoice ? { status: 200, body: invoice } : this.notFound('invoice', m[1]);
    }
    if (method === 'POST' && path === '/v1/refunds') return this.refund(p);
    if (method === 'POST' && path === '/v1/invoices') {
      const id = this.id('in');
      const invoice: Obj = {
        id,
        object: 'invoice',
        status: 'draft',
        customer: p.customer,
        currency: p.currency,
        collection_method: p.collection_method,
        auto_advance: p.auto_advance === 'true',
        automatic_tax: { enabled: p['automatic_tax[enabled]'] === 'true' },
        metadata: this.metadata(p, 'metadata'),
        subtotal: 0,
        total: 0,
        total_taxes: [],
        amount_paid: 0,
        hosted_invoice_url: null,
        invoice_pdf: null,
        payments: [],
      };
      this.invoices.set(id, invoice);
      return { status: 200, body: invoice };
    }
    if (method === 'POST' && path === '/v1/invoiceitems') {
      const invoice = this.invoices.get(p.invoice);
      if (!invoice) return this.notFound('invoice', p.invoice);
      if (invoice.status !== 'draft') return this.invalid('invoice_not_editable', `Invoice ${invoice.id} is not a draft.`);
      invoice.subtotal += Number(p.amount);
      invoice.lines = [...(invoice.lines ?? []), { amount: Number(p.amount), tax_behavior: p.tax_behavior ?? null }];
      return { status: 200, body: { id: this.id('ii'), object: 'invoiceitem', invoice: invoice.id, amount: Number(p.amount) } };
    }
    if (method === 'POST' && (m = /^\/v1\/invoices\/([^/]+)\/finalize$/.exec(path))) {
      const invoice = this.invoices.get(m[1]);
      if (!invoice) return this.notFound('invoice', m[1]);
      const tax = invoice.automatic_tax.enabled ? this.invoiceTax : 0;
      Object.assign(invoice, {
        status: 'open',
        auto_advance: p.auto_advance === 'true',
        total_taxes: tax ? [{ amount: tax, tax_behavior: 'exclusive' }] : [],
        total: invoice.subtotal + tax,
        hosted_invoice_url: `https://invoice.stripe.test/i/${invoice.id}`,
        invoice_pdf: `https://pay.stripe.test/invoice/${invoice.id}/pdf`,
      });
      return { status: 200, body: invoice };
    }
    if (method === 'POST' && (m = /^\/v1\/invoices\/([^/]+)\/attach_payment$/.exec(path))) {
      const invoice = this.invoices.get(m[1]);
      const intent = this.intents.get(p.payment_intent);
      if (!invoice || !intent) return this.notFound(invoice ? 'payment_intent' : 'invoice', invoice ? p.payment_intent : m[1]);
      if (invoice.status !== 'open') return this.invalid('invoice_not_open', `Invoice ${invoice.id} is ${invoice.status}.`);
      invoice.payments.push({ payment_intent: intent.id });
      if (intent.status === 'succeeded') Object.assign(invoice, { amount_paid: intent.amount_received, status: 'paid' });
      return { status: 200, body: invoice };
    }
    if (method === 'POST' && path === '/v1/payment_intents') {
      const id = this.id('pi');
      const intent: Obj = {
        id,
        object: 'payment_intent',
        amount: Number(p.amount),
        amount_received: 0,
        currency: p.currency,
        customer: p.customer,
        payment_method: p.payment_method,
        metadata: this.metadata(p, 'metadata'),
        status: 'requires_payment_method',
        latest_charge: null,
      };
      if (this.intentOutcome === 'card_declined') {
        this.intents.set(id, intent);
        return {
          status: 402,
          body: {
            error: {
              type: 'card_error',
              code: 'card_declined',
              decline_code: 'insufficient_funds',
              message: 'Your card has insufficient funds.',
              payment_intent: intent,
            },
          },
        };
      }
      Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: this.charge(id, intent.amount) });
      this.intents.set(id, intent);
      return { status: 200, body: { ...intent, latest_charge: intent.latest_charge.id } };
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `fake stripe: no route ${method} ${path}` } } };
  }

  private notFound(kind: string, id: string) {
    return {
      status: 404,
      body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${kind}: '${id}'` } },
    };
  }

  private charge(paymentIntentId: string, amount: number): Obj {
    const id = this.id('ch');
    return {
      id,
      object: 'charge',
      amount,
      amount_refunded: 0,
      payment_intent: paymentIntentId,
      receipt_url: `https://pay.stripe.test/receipts/${id}`,
    };
  }

  /** Stripe's refund API: refunds part or all of the intent's charge (Stripe's refusals for too much or nothing left). */
  private refund(p: Record<string, string>): { status: number; body: Obj } {
    const intent = this.intents.get(p.payment_intent);
    if (!intent?.latest_charge) return this.notFound('payment_intent', p.payment_intent);
    const charge = intent.latest_charge;
    const left = charge.amount - charge.amount_refunded;
    const amount = p.amount === undefined ? left : Number(p.amount);
    if (left <= 0) return this.invalid('charge_already_refunded', `Charge ${charge.id} has already been refunded.`);
    if (amount > left)
      return this.invalid(
        'amount_too_large',
        `Refund amount ($${amount / 100}) is greater than unrefunded amount on charge ($${left / 100})`,
      );
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    const refund = {
      id: this.id('re'),
      object: 'refund',
      amount,
      charge: charge.id,
      payment_intent: intent.id,
      currency: intent.currency,
      reason: p.reason ?? null,
      metadata: this.metadata(p, 'metadata'),
      status: 'succeeded',
    };
    this.refunds.set(refund.id, refund);
    return { status: 200, body: refund };
  }

  private invalid(code: string, message: string) {
    return { status: 400, body: { error: { type: 'invalid_request_error', code, message } } };
  }

  /** The `charge.refunded` event Stripe sends for the intent's charge as it stands now. */
  chargeRefundedEvent(paymentIntentId: string): Obj {
    return event('charge.refunded', { ...this.intents.get(paymentIntentId)!.latest_charge });
  }

  /**
   * The customer pays the session (card saved): Stripe's state after Checkout completes. `tax`
   * comes on top of the discounted subtotal (automatic tax); with invoice creation on, the
   * session's invoice is created and paid, with its hosted page and PDF.
   */
  paySession(sessionId: string, opts: { amountTotal?: number; discount?: number; tax?: number; paymentStatus?: string } = {}): Obj {
    const session = this.sessions.get(sessionId)!;
    const piId = this.id('pi');
    const customer = session.customer ?? this.id('cus');
    const tax = opts.tax ?? 0;
    const total = opts.amountTotal ?? session.amount_subtotal - (opts.discount ?? 0) + tax;
    let invoice: string | null = null;
    if (session.invoice_creation?.enabled) {
      invoice = this.id('in');
      this.invoices.set(invoice, {
        id: invoice,
        object: 'invoice',
        status: 'paid',
        customer,
        currency: session.currency,
        subtotal: session.amount_subtotal,
        total,
        amount_paid: total,
        total_taxes: tax ? [{ amount: tax, tax_behavior: 'exclusive' }] : [],
        hosted_invoice_url: `https://invoice.stripe.test/i/${invoice}`,
        invoice_pdf: `https://pay.stripe.test/invoice/${invoice}/pdf`,
        metadata: session.metadata,
      });
    }
    this.intents.set(piId, {
      id: piId,
      object: 'payment_intent',
      amount: total,
      amount_received: total,
      currency: session.currency,
      customer,
      payment_method: this.id('pm'),
      metadata: session.metadata,
      status: 'succeeded',
      latest_charge: this.charge(piId, total),
    });
    Object.assign(session, {
      payment_status: opts.paymentStatus ?? 'paid',
      status: 'complete',
      amount_total: total,
      total_details: { amount_discount: opts.discount ?? 0, amount_tax: tax },
      payment_intent: piId,
      customer,
      invoice,
    });
    return session;
  }

  /** Requests to a path (e.g. '/v1/payment_intents'). */
  calls(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }
}

let eventSeq = 0;
export function event(type: string, object: Obj, id = `evt_fake_${Date.now().toString(36)}_${++eventSeq}`): Obj {
  return {
    id,
    object: 'event',
    api_version: '2026-10-28',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object: { ...object } },
  };
}

export function chargeRefunded(fake: FakeStripe, paymentIntentId: string, amountRefunded: number): Obj {
  const intent = fake.intents.get(paymentIntentId)!;
  const charge = { ...intent.latest_charge, amount_refunded: amountRefunded, refunded: amountRefunded >= intent.latest_charge.amount };
  return event('charge.refunded', charge);
}

/** Delivers a webhook signed with the real SDK (or with `signature` as given: forged, missing). */
export async function deliver(
  appUrl: string,
  payload: Obj | string,
  opts: { secret?: string; signature?: string | null } = {},
): Promise<Response> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature =
    opts.signature === undefined
      ? Stripe.webhooks.generateTestHeaderString({ payload: body, secret: opts.secret ?? WEBHOOK_SECRET })
      : opts.signature;
  return fetch(`${appUrl}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'stripe-signature': signature }) },
    body,
  });
}
