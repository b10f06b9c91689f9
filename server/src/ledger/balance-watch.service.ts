import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';
import type { EventBus } from '../shared/events/bus.js';
import { fromPayload, type BalanceEventPayload } from '../shared/events/channels.js';
import type { BalanceSnapshot } from './ledger.types.js';

type Listener = (snapshot: BalanceSnapshot) => void;

/**
 * One account's live balance in this process, shared by every watcher of it here: one listener on
 * the account's events and one balance read, whatever the number of watchers.
 */
export class BalanceFeed {
  private readonly listeners = new Set<Listener>();

  constructor(
    readonly accountId: string,
    /** The newest balance known: read when the feed opened, then each newer event. */
    public latest: BalanceSnapshot,
  ) {}

  /** Calls `listener` with each newer balance, synchronously; returns the function that stops it. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Two movements may publish out of order: one older than the latest known is never passed on. */
  offer(snapshot: BalanceSnapshot): void {
    if (snapshot.updatedAt < this.latest.updatedAt) return;
    this.latest = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }
}

/**
 * What `balanceUpdated` subscribes to: a hold on the account's shared feed. Iterated, it yields the
 * current balance, then every change (one queue per iterator); graphql-ws instead shares one
 * execution per event among the feed's subscribers (graphql/ws-fanout.ts) and never iterates it.
 * `close` (or ending the iteration) lets the feed go; the last watcher's close stops its listener.
 */
export class BalanceWatch implements AsyncIterable<BalanceSnapshot> {
  private closed = false;

  constructor(
    readonly feed: BalanceFeed,
    private readonly release: () => void,
  ) {}

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.release();
  }

  [Symbol.asyncIterator](): AsyncIterator<BalanceSnapshot> {
    return new Repeater<BalanceSnapshot>(async (push, stop) => {
      void push(this.feed.latest);
      const off = this.feed.onChange((snapshot) => void push(snapshot));
      await stop;
      off();
      this.close();
    }, new SlidingBuffer(256))[Symbol.asyncIterator]();
  }
}

interface OpenFeed {
  holders: number;
  ready: Promise<BalanceFeed>;
  stopListening: () => void;
}

/**
 * Live views of balances: the current balance first (a live UI needs it, and its arrival tells the
 * client the subscription is registered), then every change, in order. The first watcher of an
 * account on this instance costs one balance read; the others join its feed and cost none.
 */
export class BalanceWatchService {
  private readonly feeds = new Map<string, OpenFeed>();

  constructor(
    private readonly events: Pick<EventBus, 'onBalanceOf'>,
    private readonly readBalance: (accountId: string) => Promise<BalanceSnapshot>,
  ) {}

  async watch(accountId: string): Promise<BalanceWatch> {
    const open = this.feeds.get(accountId) ?? this.open(accountId);
    open.holders += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      open.holders -= 1;
      if (open.holders === 0 && this.feeds.get(accountId) === open) {
        this.feeds.delete(accountId);
        open.stopListening();
      }
    };
    try {
      return new BalanceWatch(await open.ready, release);
    } catch (err) {
      release();
      throw err;
    }
  }

  /** Whether this instance holds a feed of the account (one watcher or more). */
  watching(accountId: string): boolean {
    return this.feeds.has(accountId);
  }

  /** Listens before reading the balance, so no change can fall between the two. */
  private open(accountId: string): OpenFeed {
    let feed: BalanceFeed | undefined;
    let early: BalanceEventPayload | undefined;
    const stopListening = this.events.onBalanceOf(accountId, (payload) => {
      if (feed) feed.offer(fromPayload(payload));
      else if (!early || payload.updatedAt >= early.updatedAt) early = payload;
    });
    const ready = this.readBalance(accountId).then(
      (current) => {
        feed = new BalanceFeed(accountId, current);
        if (early) feed.offer(fromPayload(early));
        return feed;
      },
      (err: unknown) => {
        if (this.feeds.get(accountId) === open) this.feeds.delete(accountId);
        stopListening();
        throw err;
      },
    );
    const open: OpenFeed = { holders: 0, ready, stopListening };
    this.feeds.set(accountId, open);
    return open;
  }
}
