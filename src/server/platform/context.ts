/**
 * What every command receives: the open transaction, who is acting, and the request's
 * identity and time (one injectable clock, so tests control time).
 */
import type { Tx } from './db/database.js';
import type { Actor } from './access/actor.js';

export interface CommandContext {
  tx: Tx;
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
  now: Date;
  /** The deployment's time zone (deadlines, day numbers); Asia/Shanghai when absent. */
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
