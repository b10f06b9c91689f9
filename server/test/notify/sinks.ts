import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  body: { id: string; type: string; created: number; data: Record<string, unknown> };
  receivedAt: number;
}

/**
 * A webhook receiver on a random loopback port. `answers` scripts the status of each request in
 * turn (then 200); `next(n)` resolves when the n-th request overall has arrived (a signal, no sleep).
 */
export class WebhookSink {
  readonly received: Received[] = [];
  answers: number[] = [];
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      this.received.push({ headers: req.headers, rawBody, body: JSON.parse(rawBody), receivedAt: performance.now() });
      const status = this.answers.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver is down');
      this.notify();
    });
  });
  private waiters: { count: number; resolve: () => void }[] = [];
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
    return this;
  }

  /** Resolves once `count` requests have arrived in total. */
  next(count = this.received.length + 1): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private notify() {
    this.waiters = this.waiters.filter((w) => {
      if (this.received.length < w.count) return true;
      w.resolve();
      return false;
    });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface Mail {
  to: string[];
  raw: string;
  /** The message with quoted-printable soft breaks and escapes undone. */
  text: string;
}

const unquote = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** An SMTP server in-process (no TLS, no auth) that keeps every message. */
export class SmtpSink {
  readonly mails: Mail[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  private server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        this.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: unquote(raw) });
        this.waiters = this.waiters.filter((w) => (this.mails.length >= w.count ? (w.resolve(), false) : true));
        callback();
      });
    },
  });
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
    return this;
  }

  next(count = this.mails.length + 1): Promise<void> {
    if (this.mails.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface SlowCall {
  path: string;
  arrivedAt: number;
  /** When the connection closed (the sender gave up or finished); null while open. */
  closedAt: number | null;
  bytesSent: number;
}

/**
 * A misbehaving receiver on a random loopback port: each request is answered 200 at once, then
 * `/drip/…` sends one byte every `dripEveryMs`, forever, and `/flood/…` sends 16 KiB chunks as
 * fast as the socket takes them, forever. It keeps every call (arrival, close) and the most
 * calls it ever had open at once, per path and in total; `next(n)` waits for the n-th call.
 */
export class SlowSink {
  readonly calls: SlowCall[] = [];
  readonly maxOpen = new Map<string, number>();
  maxOpenTotal = 0;
  private open = new Map<string, number>();
  private openTotal = 0;
  private waiters: { count: number; resolve: () => void }[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '';
      const call: SlowCall = { path, arrivedAt: performance.now(), closedAt: null, bytesSent: 0 };
      this.calls.push(call);
      this.count(path, 1);
      res.once('close', () => {
        call.closedAt = performance.now();
        this.count(path, -1);
        clearInterval(timer);
        this.timers.delete(timer);
      });
      res.writeHead(200, { 'content-type': 'text/plain' });
      const write = (chunk: string) => {
        call.bytesSent += chunk.length;
        return res.write(chunk);
      };
      let timer: NodeJS.Timeout;
      if (path.startsWith('/flood')) {
        const chunk = 'x'.repeat(16 * 1024);
        const pump = () => {
          while (!res.destroyed && write(chunk));
        };
        res.on('drain', pump);
        timer = setInterval(pump, 50); // the sink never ends the answer
        pump();
      } else {
        write('.');
        timer = setInterval(() => write('.'), this.dripEveryMs);
      }
      this.timers.add(timer);
      this.waiters = this.waiters.filter((w) => (this.calls.length >= w.count ? (w.resolve(), false) : true));
    });
  });
  url = '';

  constructor(private readonly dripEveryMs = 1000) {}

  private count(path: string, delta: number) {
    const n = (this.open.get(path) ?? 0) + delta;
    this.open.set(path, n);
    this.openTotal += delta;
    this.maxOpen.set(path, Math.max(this.maxOpen.get(path) ?? 0, n));
    this.maxOpenTotal = Math.max(this.maxOpenTotal, this.openTotal);
  }

  /** Forgets the maxima seen so far (what is open now counts again). */
  resetMaxima() {
    this.maxOpen.clear();
    for (const [path, n] of this.open) this.maxOpen.set(path, n);
    this.maxOpenTotal = this.openTotal;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  next(count = this.calls.length + 1): Promise<void> {
    if (this.calls.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
