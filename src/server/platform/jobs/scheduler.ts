/**
 * The one in-process scheduler of periodic tasks (outbox delivery, session clean-up,
 * deadline sweeps). Not a queue: exactly-once work comes from the database (unique keys,
 * `FOR UPDATE SKIP LOCKED`), so every app server may run every task. Within one process a
 * task never overlaps itself: a tick that finds the previous run still going is skipped.
 * Started by `gongzhi serve` only; tests start one only when they test it.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Clock } from '../context.js';
import type { Db } from '../db/database.js';
import type { ModuleManifest } from '../module.js';

export type Task = () => Promise<unknown>;

interface Entry {
  name: string;
  everyMs: number;
  task: Task;
  timer: ReturnType<typeof setInterval> | undefined;
  running: Promise<void> | undefined;
}

/** The subset of a pino/Fastify logger the scheduler writes to. */
export type SchedulerLog = Pick<FastifyBaseLogger, 'error' | 'debug'>;

export interface Scheduler {
  /** Registers `task` to run every `ms` milliseconds (also right at start). Names are unique. */
  every(name: string, ms: number, task: Task): void;
  /** Starts every registered task (and any registered later). Idempotent. */
  start(): void;
  /** Runs one task now unless it is already running; resolves when that run ends (tests, admin). */
  runNow(name: string): Promise<void>;
  /** Stops the timers and waits for runs in progress, so the database can be closed after. */
  stop(): Promise<void>;
  /** Names of the registered tasks. */
  names(): string[];
}

/** Creates a scheduler; errors of a run are logged, never thrown into the timer. */
export function createScheduler(log: SchedulerLog): Scheduler {
  const entries = new Map<string, Entry>();
  let started = false;

  const tick = (e: Entry): Promise<void> => {
    if (e.running) {
      log.debug({ job: e.name }, 'job still running; tick skipped');
      return e.running;
    }
    const run = (async () => {
      try {
        await Promise.resolve(); // `e.running` is set before the task can finish, even a synchronous one
        await e.task();
      } catch (err) {
        log.error({ err, job: e.name }, 'job failed');
      } finally {
        e.running = undefined;
      }
    })();
    e.running = run;
    return run;
  };

  const arm = (e: Entry) => {
    void tick(e);
    e.timer = setInterval(() => void tick(e), e.everyMs);
    e.timer.unref();
  };

  return {
    every(name, ms, task) {
      if (entries.has(name)) throw new Error(`job ${name} is already scheduled`);
      if (!Number.isFinite(ms) || ms <= 0) throw new Error(`job ${name}: interval must be a positive number of ms`);
      const e: Entry = { name, everyMs: ms, task, timer: undefined, running: undefined };
      entries.set(name, e);
      if (started) arm(e);
    },
    start() {
      if (started) return;
      started = true;
      for (const e of entries.values()) arm(e);
    },
    runNow(name) {
      const e = entries.get(name);
      if (!e) throw new Error(`no job ${name}`);
      return tick(e);
    },
    async stop() {
      started = false;
      for (const e of entries.values()) {
        if (e.timer) clearInterval(e.timer);
        e.timer = undefined;
      }
      await Promise.all([...entries.values()].map((e) => e.running));
    },
    names: () => [...entries.keys()],
  };
}

/** What module jobs are run with. */
export interface JobDeps {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  config: Config;
}

/** Registers every manifest's `jobs` on the scheduler; each run gets the time of its start. */
export function scheduleModuleJobs(scheduler: Scheduler, manifests: readonly ModuleManifest[], deps: JobDeps): void {
  for (const m of manifests) {
    for (const job of m.jobs ?? []) {
      const ms = typeof job.everyMs === 'function' ? job.everyMs(deps.config) : job.everyMs;
      const log = deps.log.child({ job: job.name });
      scheduler.every(job.name, ms, () => job.run({ db: deps.db, now: deps.clock(), log, config: deps.config }));
    }
  }
}
