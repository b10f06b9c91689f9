export interface GroupCommitOptions {
  /** How long the first waiting item may wait for company (ms). */
  windowMs: number;
  /** Items per call at most. */
  maxBatch: number;
  /** Calls in flight at most (each holds one database connection). */
  maxInFlight: number;
}

export interface Batchable {
  /** Every account the item writes (locked by the call). */
  accounts: readonly string[];
  /** Items with the same key never share a call: the later one waits for the earlier's commit. */
  dedupeKey: string;
}

interface Waiting<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit (TigerBeetle's batching): concurrent items are coalesced for at most `windowMs`
 * (or `maxBatch` items) into one call of `run`, which answers each item on its own. Rules:
 * - an account is in at most one call in flight, so one account's items land in arrival order
 *   (and a hot account's backlog becomes one large call instead of a queue of lock waiters);
 * - two items with the same dedupe key never share a call (the second sees the first committed);
 * - callers hear their result only when `run` resolves, i.e. after its commit.
 */
export class GroupCommit<I extends Batchable, O> {
  private queue: Waiting<I, O>[] = [];
  private readonly busy = new Set<string>();
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;
  private idle: (() => void)[] = [];
  /** Calls made and items carried so far (items / calls = the average batch). */
  readonly stats = { calls: 0, items: 0 };

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly opts: GroupCommitOptions,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Enqueues all items together (in order), so they share as few calls as the rules allow. */
  submitAll(items: readonly I[]): Promise<O[]> {
    const results = items.map((item) => new Promise<O>((resolve, reject) => this.queue.push({ item, resolve, reject })));
    this.schedule();
    return Promise.all(results);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once nothing is queued or in flight (shutdown: every submitted item has its answer). */
  async drained(): Promise<void> {
    while (this.queue.length || this.inFlight) {
      await new Promise<void>((resolve) => this.idle.push(resolve));
    }
  }

  private schedule(): void {
    if (this.queue.length >= this.opts.maxBatch) {
      this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.opts.windowMs);
    }
  }

  private flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight < this.opts.maxInFlight && this.queue.length) {
      const batch = this.take();
      if (!batch.length) break;
      this.dispatch(batch);
    }
  }

  /** Picks the next call's items in arrival order, leaving behind whatever must wait. */
  private take(): Waiting<I, O>[] {
    const batch: Waiting<I, O>[] = [];
    const rest: Waiting<I, O>[] = [];
    const closed = new Set<string>();
    const keys = new Set<string>();
    for (const w of this.queue) {
      const { accounts, dedupeKey } = w.item;
      const blocked = batch.length >= this.opts.maxBatch || keys.has(dedupeKey) || accounts.some((a) => this.busy.has(a) || closed.has(a));
      if (blocked) {
        // Everything later for these accounts waits too, or it would overtake this item.
        for (const a of accounts) closed.add(a);
        rest.push(w);
        continue;
      }
      keys.add(dedupeKey);
      batch.push(w);
    }
    this.queue = rest;
    return batch;
  }

  private dispatch(batch: Waiting<I, O>[]): void {
    const accounts = new Set(batch.flatMap((w) => w.item.accounts));
    for (const a of accounts) this.busy.add(a);
    this.inFlight += 1;
    this.stats.calls += 1;
    this.stats.items += batch.length;
    this.run(batch.map((w) => w.item))
      .then(
        (results) => batch.forEach((w, i) => w.resolve(results[i])),
        (err) => batch.forEach((w) => w.reject(err)),
      )
      .finally(() => {
        for (const a of accounts) this.busy.delete(a);
        this.inFlight -= 1;
        if (this.queue.length) this.flush();
        else if (!this.inFlight) for (const wake of this.idle.splice(0)) wake();
      });
  }
}
