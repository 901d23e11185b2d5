/**
 * Periodic clean-up of expired sessions and stale sign-in counters. Idempotent, so every
 * app server may run it without coordination.
 */
import type { Db } from '../db/database.js';
import type { Clock } from '../context.js';
import { purgeStaleAttempts } from './login-throttle.js';
import { purgeExpiredSessions } from './sessions.js';

export async function authHousekeeping(db: Db, now: Date): Promise<void> {
  await purgeExpiredSessions(db, now);
  await purgeStaleAttempts(db, now);
}

/** Runs the clean-up now and then every `intervalMs`; returns a stop function. */
export function scheduleAuthHousekeeping(db: Db, clock: Clock, onError: (err: unknown) => void, intervalMs = 3_600_000): () => void {
  const run = () => authHousekeeping(db, clock()).catch(onError);
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
