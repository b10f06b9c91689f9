/**
 * A small read-through cache for data that changes rarely and is read on every request (API keys,
 * the active rate card). Changes invalidate it at once (on every instance, through pub/sub); the
 * TTL is only the backstop for a lost invalidation (e.g. while Redis is down).
 */
export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();
  private readonly loading = new Map<K, Promise<V>>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  async get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && performance.now() - hit.at < this.ttlMs) return hit.value;
    const inFlight = this.loading.get(key);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const promise = load().finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    const value = await promise;
    // A load that raced with an invalidation may hold the old value: use it once, keep it not.
    if (generation === this.generation && this.ttlMs > 0) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
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
