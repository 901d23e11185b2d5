/**
 * Benchmark helpers: timing loops, the machine's description, and the one
 * machine-readable line per figure: `BENCH <name> value=<n> unit=<u> [limit=<n> ratio=<r>]`.
 */
import { cpus, totalmem } from 'node:os';

export interface Profile {
  full: boolean;
  /** Seconds per measured run. */
  seconds: number;
  /** Measured runs per variant (the median is reported). */
  runs: number;
}

export function profileFrom(argv: string[]): Profile {
  const full = argv.includes('--full');
  return { full, seconds: full ? 10 : 3, runs: 3 };
}

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Runs `op` back to back for `seconds` and returns operations per second. */
export async function rate(op: (i: number) => Promise<unknown>, seconds: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  let n = 0;
  while (performance.now() < end) await op(n++);
  return n / ((performance.now() - start) / 1000);
}

/** The p-th percentile of values sorted ascending (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n >= 100 ? 1 : 3);
}

export function benchLine(name: string, value: number, unit: string, limit?: number): string {
  const tail = limit === undefined ? '' : ` limit=${fmt(limit)} ratio=${fmt(value / limit)}`;
  return `BENCH ${name} value=${fmt(value)} unit=${unit}${tail}`;
}

/**
 * Rates of an operation and of its limit (the bare baseline), warmed up, then measured in
 * alternating runs so drift on a busy machine hits both alike; medians, and the runs when
 * BENCH_VERBOSE is set.
 */
export async function compareRates(
  limit: (i: number) => Promise<unknown>,
  candidate: (i: number) => Promise<unknown>,
  profile: Profile,
  out: (line: string) => void,
): Promise<{ limit: number; candidate: number }> {
  await rate(limit, 0.5); // warm-up: JIT, plan caches, the catalogue caches
  await rate(candidate, 0.5);
  const limits: number[] = [];
  const candidates: number[] = [];
  for (let r = 0; r < profile.runs; r++) {
    limits.push(await rate(limit, profile.seconds));
    candidates.push(await rate(candidate, profile.seconds));
  }
  if (process.env.BENCH_VERBOSE) out(`runs: limit ${limits.map((x) => x.toFixed(0))} measured ${candidates.map((x) => x.toFixed(0))}`);
  return { limit: median(limits), candidate: median(candidates) };
}
