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
