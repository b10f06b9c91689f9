import { describe, expect, it } from 'vitest';
import { cacheTtl } from '../../src/shared/events/bus.js';
import { ExpiringCache } from '../../src/shared/cache.js';

const counting = () => {
  let loads = 0;
  return { load: (v: string) => async () => `${v}#${++loads}`, loads: () => loads };
};

describe('ExpiringCache', () => {
  it('when full, drops only the oldest entry (a large key set keeps its hits)', async () => {
    const cache = new ExpiringCache<string, string>(60_000, 3);
    const c = counting();
    for (const k of ['a', 'b', 'c']) await cache.get(k, c.load(k));
    await cache.get('d', c.load('d')); // evicts a
    expect(await cache.get('b', c.load('b'))).toBe('b#2');
    expect(await cache.get('c', c.load('c'))).toBe('c#3');
    expect(await cache.get('d', c.load('d'))).toBe('d#4');
    expect(await cache.get('a', c.load('a'))).toBe('a#5');
    expect(c.loads()).toBe(5);
  });

  it('reads its TTL at each lookup: an entry expires once the TTL drops below its age', async () => {
    let ttl = 60_000;
    const cache = new ExpiringCache<string, string>(() => ttl);
    const c = counting();
    await cache.get('k', c.load('k'));
    expect(await cache.get('k', c.load('k'))).toBe('k#1');
    ttl = 0;
    expect(await cache.get('k', c.load('k'))).toBe('k#2');
  });

  it('uses the long TTL while invalidations arrive and the backstop only while Redis is down', () => {
    let state: 'up' | 'down' | 'off' = 'off';
    const ttl = cacheTtl({ fanOut: () => state }, 5_000, 300_000);
    expect(ttl()).toBe(300_000);
    state = 'up';
    expect(ttl()).toBe(300_000);
    state = 'down';
    expect(ttl()).toBe(5_000);
  });
});
