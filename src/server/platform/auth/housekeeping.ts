/**
 * Periodic clean-up of expired sessions and stale sign-in counters. Idempotent, so every
 * app server may run it without coordination; scheduled as the auth module's job
 * `auth.housekeeping` (platform/jobs/scheduler.ts).
 */
import type { Db } from '../db/database.js';
import { purgeStaleAttempts } from './login-throttle.js';
import { purgeExpiredSessions } from './sessions.js';

export async function authHousekeeping(db: Db, now: Date): Promise<void> {
  await purgeExpiredSessions(db, now);
  await purgeStaleAttempts(db, now);
}
