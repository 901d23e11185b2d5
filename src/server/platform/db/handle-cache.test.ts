import { describe, expect, it } from 'vitest';
import type { Executor } from './database.js';
import { handleCache } from './handle-cache.js';

// Stand-ins for a database handle and its transactions: Drizzle shares `dialect` between them.
const dialect = {};
const db = { dialect } as unknown as Executor;
const tx = { dialect } as unknown as Executor;
const otherDb = { dialect: {} } as unknown as Executor;

describe('reference-data cache', () => {
  it('keeps one value per database handle, shared with its transactions, for the TTL', async () => {
    let now = 0;
    let loads = 0;
    const cache = handleCache(async () => ++loads, 1000, () => now);
    expect(await cache.get(db)).toBe(1);
    expect(await cache.get(tx)).toBe(1);
    expect(await cache.get(otherDb)).toBe(2);
    now = 999;
    expect(await cache.get(db)).toBe(1);
    now = 1000;
    expect(await cache.get(db)).toBe(3);
  });

  it('drops the value when invalidated, and never stores a load that started before', async () => {
    let value = 'old';
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let slow = true;
    const cache = handleCache(async () => {
      const seen = value;
      if (slow) await gate;
      return seen;
    });
    const inFlight = cache.get(db);
    value = 'new';
    cache.invalidate(tx);
    slow = false;
    release();
    expect(await inFlight).toBe('old');
    expect(await cache.get(db)).toBe('new');
  });

  it('reads around the cache in a transaction that changed the data', async () => {
    let value = 1;
    const cache = handleCache(async () => value);
    expect(await cache.get(db)).toBe(1);
    const changing = { dialect } as unknown as Executor;
    cache.markChanged(changing);
    value = 2; // the transaction's own, uncommitted write
    expect(await cache.get(changing)).toBe(2);
    expect(cache.changedIn(changing)).toBe(true);
    expect(cache.changedIn(tx)).toBe(false);
  });
});
