import pg from 'pg';
import type { Logger } from 'pino';
import { swallowed } from '../../shared/errors.js';

/**
 * LISTENs for the outbox's commit-time NOTIFY and calls `onEvent` for each; a lost connection is
 * retried every `retryMs` (the worker polls meanwhile), and each (re)connection calls `onEvent`
 * once for anything committed while it was not listening.
 */
export class OutboxListener {
  private client: pg.Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly url: string,
    private readonly retryMs: number,
    private readonly log: Logger,
    private readonly onEvent: () => void,
  ) {}

  start(): void {
    this.running = true;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch((err: unknown) => swallowed(err, 'notify.listen-close', this.log));
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', (err) => {
      this.log.warn({ err: { message: err.message } }, 'outbox LISTEN connection lost; polling until it is back');
      this.retry(client);
    });
    client.on('notification', () => this.onEvent());
    try {
      await client.connect();
      await client.query('listen creditmeter_outbox');
      if (!this.running) return void (await this.close(client));
      this.client = client;
      this.onEvent(); // anything committed while we were not listening
    } catch (err) {
      // The worker polls meanwhile; logged and counted, then retried.
      swallowed(err, 'notify.listen', this.log);
      this.retry(client);
    }
  }

  private retry(client: pg.Client): void {
    if (this.client === client) this.client = null;
    void this.close(client);
    if (!this.running) return;
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
  }

  /** A connection being given up: its close may fail too, which changes nothing. */
  private close(client: pg.Client): Promise<void> {
    return client.end().catch((err: unknown) => swallowed(err, 'notify.listen-close', this.log));
  }
}
