import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import { loadConfig } from '../../config.js';
import type { Db } from '../db/database.js';
import { defineModule } from '../module.js';
import { createScheduler, scheduleModuleJobs, type Scheduler } from './scheduler.js';

function logSpy() {
  return { error: vi.fn(), debug: vi.fn() };
}

let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  vi.useRealTimers();
});

describe('scheduler', () => {
  it('runs a task at start and every interval, never overlapping itself', async () => {
    vi.useFakeTimers();
    const log = logSpy();
    scheduler = createScheduler(log);
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const release: Array<() => void> = [];
    scheduler.every('slow', 1000, async () => {
      runs++;
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((r) => release.push(r));
      running--;
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    // Three more ticks while the first run is still going: all skipped.
    await vi.advanceTimersByTimeAsync(3500);
    expect(runs).toBe(1);
    expect(log.debug).toHaveBeenCalledWith({ job: 'slow' }, expect.stringContaining('skipped'));
    release.shift()!();
    await vi.advanceTimersByTimeAsync(500); // the next tick (at 4000) starts a new run
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
    release.shift()!();
    await vi.advanceTimersByTimeAsync(0);
  });

  it('logs a failing run and keeps the schedule', async () => {
    vi.useFakeTimers();
    const log = logSpy();
    scheduler = createScheduler(log);
    let runs = 0;
    scheduler.every('flaky', 100, async () => {
      runs++;
      throw new Error('boom');
    });
    scheduler.every('sync-throw', 100, () => {
      throw new Error('sync boom');
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(250);
    expect(runs).toBe(3);
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ job: 'flaky', err: expect.any(Error) }), 'job failed');
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ job: 'sync-throw' }), 'job failed');
    expect(log.error.mock.calls.filter((c) => (c[0] as { job: string }).job === 'sync-throw')).toHaveLength(3);
  });

  it('runs nothing until started, and stop() waits for a run in progress', async () => {
    const log = logSpy();
    scheduler = createScheduler(log);
    let finished = false;
    let runs = 0;
    scheduler.every('job', 60_000, async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 30));
      finished = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(0);
    scheduler.start();
    await new Promise((r) => setTimeout(r, 5));
    expect(runs).toBe(1);
    await scheduler.stop();
    expect(finished).toBe(true);
    expect(() => scheduler!.every('job', 10, async () => undefined)).toThrow(/already scheduled/);
  });

  it('registers the jobs of module manifests with their interval and context', async () => {
    const log = { ...logSpy(), child: vi.fn(() => log) } as unknown as FastifyBaseLogger;
    const seen: Array<{ now: Date; config: Config }> = [];
    const m = defineModule({
      name: 'probe',
      jobs: [
        { name: 'probe.fixed', everyMs: 1000, run: async (ctx) => seen.push(ctx) },
        { name: 'probe.configured', everyMs: (c) => c.outboxIntervalMs, run: async () => undefined },
      ],
    });
    scheduler = createScheduler(log);
    const config = loadConfig({ GONGZHI_OUTBOX_INTERVAL_MS: '1234' });
    const now = new Date('2030-01-01T00:00:00Z');
    scheduleModuleJobs(scheduler, [m], { db: {} as Db, clock: () => now, log, config });
    expect(scheduler.names()).toEqual(['probe.fixed', 'probe.configured']);
    await scheduler.runNow('probe.fixed');
    expect(seen).toEqual([expect.objectContaining({ now, config })]);
  });
});
