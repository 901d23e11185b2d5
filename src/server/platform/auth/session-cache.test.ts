import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { SessionCache } from './session-cache.js';
import type { SessionRecord } from './sessions.js';

const now = new Date('2026-11-29T10:00:00Z');
const session = (id: string, expiresAt = new Date('2026-11-29T22:00:00Z')): SessionRecord => ({
  id,
  userId: 1,
  csrfToken: 'c',
  expiresAt,
  user: { id: 1, displayName: '张三', kind: 'staff', mustChangePassword: false, username: 'zs', phone: null },
});
const actor: Actor = { userId: 1, personId: null, displayName: '张三', grants: [], unitIds: [] };

function cacheAt(ttlMs: number) {
  const clock = { t: 0 };
  return { cache: new SessionCache(ttlMs, () => clock.t), clock };
}

describe('session cache', () => {
  it('remembers a caller for the cache time only', () => {
    const { cache, clock } = cacheAt(2000);
    cache.put(cache.begin(), session('a'), actor);
    clock.t = 1999;
    expect(cache.get('a', now)?.actor).toBe(actor);
    clock.t = 2000;
    expect(cache.get('a', now)).toBeUndefined();
  });

  it('never returns a session past its own expiry', () => {
    const { cache } = cacheAt(2000);
    cache.put(cache.begin(), session('a', new Date(now.getTime() + 1)), actor);
    expect(cache.get('a', now)).toBeDefined();
    expect(cache.get('a', new Date(now.getTime() + 1))).toBeUndefined();
  });

  it('drops everything on forgetAll, and a load begun before it is not stored', () => {
    const { cache } = cacheAt(2000);
    cache.put(cache.begin(), session('a'), actor);
    const started = cache.begin();
    cache.forgetAll();
    expect(cache.get('a', now)).toBeUndefined();
    cache.put(started, session('b'), actor);
    expect(cache.get('b', now)).toBeUndefined();
  });

  it('stores nothing when turned off', () => {
    const { cache } = cacheAt(0);
    cache.put(cache.begin(), session('a'), actor);
    expect(cache.get('a', now)).toBeUndefined();
  });
});
