/**
 * A small in-memory cache of reference data (the working-day calendar, deadline
 * overrides, categories, unit names), one entry per database handle, so that every case
 * action and page does not reload tables that change a few times a year.
 *
 * Correctness within one process: the commands that edit the data mark their transaction
 * (`markChanged`), which drops the entry at once and again after the commit (see
 * `runCatalogueCommand`), or invalidate it once they end (`runOrgCommand`), and a load
 * that started before a change is never stored. A
 * transaction that changed the data reads around the cache, so its own uncommitted rows
 * are never cached.
 *
 * Several servers: another server's edit is not seen here until the entry expires, so the
 * entries live only `ttlMs` (60 s by default). A minute's staleness of a calendar that
 * changes once a year is acceptable; a deadline computed in that minute uses the old day.
 */
import type { Executor } from './database.js';

/** Drizzle shares one dialect object between a database handle and all its transactions. */
function handleKey(ex: Executor): object {
  const dialect = (ex as unknown as { dialect?: unknown }).dialect;
  return typeof dialect === 'object' && dialect !== null ? dialect : ex;
}

interface Entry<T> {
  value: T;
  loadedAt: number;
}

export interface HandleCache<T> {
  /** The cached value for the handle of `ex`, loading it (with `ex`) when absent or expired. */
  get(ex: Executor): Promise<T>;
  /** Drops the entry of the handle of `ex` and makes in-flight loads discard their result. */
  invalidate(ex: Executor): void;
  /** Marks `tx` as having changed the data: it reads around the cache from now on. */
  markChanged(tx: Executor): void;
  /** Whether `tx` was marked (to invalidate once more after its commit). */
  changedIn(tx: Executor): boolean;
}

/** A cache of `load`'s result per database handle, kept at most `ttlMs`. */
export function handleCache<T>(load: (ex: Executor) => Promise<T>, ttlMs = 60_000, clock: () => number = Date.now): HandleCache<T> {
  const entries = new WeakMap<object, Entry<T>>();
  const generations = new WeakMap<object, number>();
  const changed = new WeakSet<object>();
  const generation = (key: object) => generations.get(key) ?? 0;

  const invalidate = (ex: Executor) => {
    const key = handleKey(ex);
    entries.delete(key);
    generations.set(key, generation(key) + 1);
  };

  return {
    async get(ex) {
      if (changed.has(ex)) return load(ex);
      const key = handleKey(ex);
      const entry = entries.get(key);
      if (entry && clock() - entry.loadedAt < ttlMs) return entry.value;
      const startedAt = generation(key);
      const loadedAt = clock();
      const value = await load(ex);
      if (generation(key) === startedAt) entries.set(key, { value, loadedAt });
      return value;
    },
    invalidate,
    markChanged(tx) {
      changed.add(tx);
      invalidate(tx);
    },
    changedIn: (tx) => changed.has(tx),
  };
}

/**
 * The entries of `ids` from a cached map of a whole (small) table; ids the cache lacks —
 * rows created since it was loaded — are read with `loadMissing`, so a new row is never
 * reported missing.
 */
export async function pickCached<V>(all: ReadonlyMap<number, V>, ids: Iterable<number>, loadMissing: (missing: number[]) => Promise<Iterable<readonly [number, V]>>): Promise<Map<number, V>> {
  const found = new Map<number, V>();
  const missing: number[] = [];
  for (const id of new Set(ids)) {
    const hit = all.get(id);
    if (hit === undefined) missing.push(id);
    else found.set(id, hit);
  }
  if (missing.length > 0) for (const [id, value] of await loadMissing(missing)) found.set(id, value);
  return found;
}
