/**
 * Signed-in callers remembered for a moment by each server: the session and the actor
 * that every API request of a signed-in user needs (two database calls). A page load makes
 * several requests in a row and an intake desk many per second, so a short memory saves
 * most of those calls.
 *
 * - Entries live `ttlMs` on the monotonic clock (`GONGZHI_SESSION_CACHE_MS`, 2 s by
 *   default; 0 turns the cache off). The session's own expiry is checked on every hit
 *   against the app's clock.
 * - On this server every change that could alter a session or an actor — sign-out,
 *   password change, any organization command (accounts, roles, posts, people, nodes) —
 *   clears the cache once its transaction has ended (`forgetAll`).
 * - A change made on another server is seen here within `ttlMs`: a signed-out or
 *   deactivated account may act for at most that long on a server that just saw it.
 */
import type { Actor } from '../access/actor.js';
import type { SessionRecord } from './sessions.js';

interface Entry {
  session: SessionRecord;
  actor: Actor;
  storedAt: number;
}

/** Bounds memory under a flood of distinct sessions; the cache starts afresh past it. */
const MAX_ENTRIES = 50_000;

export class SessionCache {
  private entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly monotonic: () => number = () => performance.now(),
  ) {}

  /** The remembered caller of session `id`, if fresh and the session has not expired at `now`. */
  get(id: string, now: Date): { session: SessionRecord; actor: Actor } | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (this.monotonic() - entry.storedAt >= this.ttlMs || entry.session.expiresAt <= now) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }

  /** A token for `put`: a load that started before a `forgetAll` must not be stored. */
  begin(): number {
    return this.generation;
  }

  put(started: number, session: SessionRecord, actor: Actor): void {
    if (this.ttlMs <= 0 || started !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(session.id, { session, actor, storedAt: this.monotonic() });
  }

  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }
}
