/** A fixed TTL (ms), or one read at each lookup (e.g. short only while invalidations can be lost). */
export type CacheTtl = number | (() => number);

/**
 * A small read-through cache for data that changes rarely and is read on every request (API keys,
 * the active rate card). Changes invalidate it at once (on every instance, through pub/sub); the
 * TTL is only the backstop for a lost invalidation (e.g. while Redis is down). When full, the
 * oldest entries go first (clearing it all would make every request of a large key set miss).
 */
export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();
  private readonly loading = new Map<K, Promise<V>>();
  private generation = 0;
  private readonly ttl: () => number;

  constructor(
    ttl: CacheTtl,
    private readonly maxEntries = 100_000,
  ) {
    this.ttl = typeof ttl === 'number' ? () => ttl : ttl;
  }

  async get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && performance.now() - hit.at < this.ttl()) return hit.value;
    const inFlight = this.loading.get(key);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const promise = load().finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    const value = await promise;
    // A load that raced with an invalidation may hold the old value: use it once, keep it not.
    if (generation === this.generation && this.ttl() > 0) {
      this.entries.delete(key);
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
      this.entries.set(key, { value, at: performance.now() });
    }
    return value;
  }

  forget(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.loading.clear();
  }
}
