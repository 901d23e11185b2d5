/**
 * Simulated time for the demo cases: each case's story is a list of steps with delays,
 * placed on the clock before anything runs (staff steps in office hours, the whole story
 * before now), then every step of every story runs in time order with its actor and its
 * time, between runs of the deadline sweeper.
 */
import type { Actor } from '../../../platform/access/actor.js';
import type { CommandContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { addDays, localDateOf, startOfLocalDate } from '../../../platform/time/zoned.js';
import { sweepDeadlines } from '../case-sweeper.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** The demo logins that act on cases (org/demo-logins.ts). */
export type Who = 'dispatcher' | 'deptstaff' | 'gridworker' | 'cadre' | 'resident' | 'partymember';
export const acting: readonly Who[] = ['dispatcher', 'deptstaff', 'gridworker', 'cadre', 'resident', 'partymember'];

export type Run = (ctx: CommandContext, live: { id: number }) => Promise<unknown>;

export interface Op {
  delay: number;
  /** 0–1, where in the first hours of the working day a step pushed there lands. */
  jitter: number;
  /** Staff steps happen between 08:30 and 17:45 local time. */
  office: boolean;
  /** Some time between the previous step and the end ("me too" while the case is open). */
  floating: boolean;
  who: Who | null;
  run: Run;
  at: number;
}

export type Start = { hoursAgo: number } | { daysAgo: number; clock: number } | { after: Script; op: number; delay: number };

/** One case's story: its steps with their delays, placed on the clock before anything runs. */
export class Script {
  readonly ops: Op[] = [];
  readonly live = { id: 0 };

  constructor(
    private readonly rand: () => number,
    readonly start: Start,
  ) {}

  /** Adds a step `minMin`–`maxMin` minutes after the previous one. */
  then(minMin: number, maxMin: number, who: Who | null, run: Run, office = true): this {
    this.ops.push({ delay: (minMin + this.rand() * (maxMin - minMin)) * MIN, jitter: this.rand(), office, floating: false, who, run, at: 0 });
    return this;
  }

  /** Adds a step at some time between the previous one and the end. */
  sometime(who: Who, run: Run): this {
    this.ops.push({ delay: 0, jitter: this.rand(), office: false, floating: true, who, run, at: 0 });
    return this;
  }

  /** Sets every step's time, moving the whole story earlier until its last step is before `end`. */
  place(end: number, zone: string): void {
    let t0 = this.firstTime(end, zone);
    // Office hours can push a step past the end however little the start moves: move by at
    // least an hour (a whole day for day-anchored stories, keeping their time of day).
    for (let i = 0; i < 200; i++) {
      const last = this.layout(t0, end, zone);
      if (last < end) return;
      t0 -= 'daysAgo' in this.start ? Math.ceil((last - end) / DAY) * DAY : Math.max(last - end + 10 * MIN, HOUR);
    }
    throw new Error('demo cases: a story does not fit before now');
  }

  private firstTime(end: number, zone: string): number {
    if ('hoursAgo' in this.start) return end - this.start.hoursAgo * HOUR;
    if ('after' in this.start) return this.start.after.ops[this.start.op]!.at + this.start.delay;
    const day = localDateOf(new Date(end - this.start.daysAgo * DAY), zone);
    return startOfLocalDate(day, zone).getTime() + this.start.clock * 1000;
  }

  private layout(t0: number, end: number, zone: string): number {
    let t = t0;
    let prev = -Infinity;
    for (const op of this.ops) {
      if (op.floating) {
        op.at = t + (0.1 + 0.8 * op.jitter) * Math.max(0, end - t);
        continue;
      }
      t += op.delay;
      if (op.office) t = officeTime(t, op.jitter, zone);
      t = Math.max(t, prev + MIN);
      op.at = prev = t;
    }
    return t;
  }
}

/** The same instant if within office hours (08:30–17:45), else the next morning between 08:30 and 11:30. */
function officeTime(t: number, jitter: number, zone: string): number {
  const day = localDateOf(new Date(t), zone);
  const midnight = startOfLocalDate(day, zone).getTime();
  const hours = (t - midnight) / HOUR;
  const morning = (d: string) => startOfLocalDate(d, zone).getTime() + 8.5 * HOUR + jitter * 180 * MIN;
  if (hours < 8.5) return morning(day);
  if (hours > 17.75) return morning(addDays(day, 1));
  return t;
}

/**
 * Sweeps at 21:00 local time of every simulated day (late enough to 催办 the deadlines
 * that end at midnight), and once at the end.
 */
function sweepTimes(from: number, end: number, zone: string): number[] {
  const out: number[] = [];
  for (let day = localDateOf(new Date(from), zone); ; day = addDays(day, 1)) {
    const midnight = startOfLocalDate(day, zone).getTime();
    if (midnight > end) break;
    const at = midnight + 21 * HOUR;
    if (at > from && at < end) out.push(at);
  }
  out.push(end);
  return out;
}

/** Runs every step of every story and the sweeps in time order, each with its actor and its time. */
export async function runScripts(ctx: CommandContext, actors: Record<Who, Actor>, scripts: readonly Script[], zone: string): Promise<void> {
  const steps: Array<{ at: number; seq: number; go: () => Promise<unknown> }> = [];
  let seq = 0;
  for (const script of scripts) {
    for (const op of script.ops) {
      const actor = op.who ? actors[op.who] : null;
      steps.push({ at: op.at, seq: seq++, go: () => op.run({ ...ctx, actor, now: new Date(op.at) }, script.live) });
    }
  }
  const first = Math.min(...steps.map((s) => s.at));
  // The sweeper opens its own (here: nested, savepoint) transactions on the handle it is given.
  const sweeper = ctx.tx as unknown as Db;
  for (const at of sweepTimes(first, ctx.now.getTime(), zone)) steps.push({ at, seq: seq++, go: () => sweepDeadlines(sweeper, new Date(at)) });
  steps.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const step of steps) await step.go();
}
