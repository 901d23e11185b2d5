/**
 * What every command receives: where to run its statements, who is acting, and the
 * request's identity and time (one injectable clock, so tests control time).
 */
import type { Executor } from './db/database.js';
import type { Actor } from './access/actor.js';

export interface CommandContext {
  /**
   * The open transaction; or the database itself for a command whose only write is one
   * statement, atomic by itself (`runSingleWrite`).
   */
  tx: Executor;
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
