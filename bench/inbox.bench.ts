/**
 * Inbox latency on a large history (issue #3): the handler's 待办 ('to_handle') and the
 * dispatcher's 待派 ('to_dispatch') exactly as `GET /api/cases` runs them — `listCases`
 * from case.queries.ts with a real actor (the caller's units, the page of 50, the total,
 * and the presenter's look-ups) — over N generated cases (gen-cases.ts).
 *
 * N: 1,000,000 on PostgreSQL; on PGlite 100,000 in the short profile and 1,000,000 with
 * `--full`. Targets at 1,000,000: p95 ≤ 10 ms on PostgreSQL, ≤ 30 ms on PGlite.
 * BENCH_VERBOSE=1 prints EXPLAIN (ANALYZE, BUFFERS) of each inbox's statements on `cases`.
 */
import { loadActorFromOrg } from '../src/server/modules/org/org.actor.js';
import { listCases } from '../src/server/modules/cases/case.queries.js';
import { CaseListQuery } from '../src/server/modules/cases/case.schema.js';
import type { Actor } from '../src/server/platform/access/actor.js';
import type { Database } from '../src/server/platform/db/database.js';
import { generateCases } from './gen-cases.js';
import { onEachDatabase, type BenchDatabase } from './targets.js';
import { benchLine, percentile, type Profile } from './lib.js';

interface Captured {
  text: string;
  params: unknown[];
}

interface QueryClient {
  query: (...args: unknown[]) => Promise<unknown>;
}

/** The driver client under Drizzle (PGlite instance or pg Pool), whose `query` sees every statement. */
function clientOf(database: Database): QueryClient {
  return (database.db as unknown as { session: { client: QueryClient } }).session.client;
}

/** Runs `fn` and returns the statements it sent, with their parameters. */
async function capture(database: Database, fn: () => Promise<unknown>): Promise<Captured[]> {
  const client = clientOf(database);
  const original = client.query;
  const seen: Captured[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') seen.push({ text: first, params: Array.isArray(second) ? second : [] });
    else if (first && typeof first === 'object' && 'text' in first) {
      seen.push({ text: String((first as { text: unknown }).text), params: Array.isArray(second) ? second : ((first as { values?: unknown[] }).values ?? []) });
    }
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    client.query = original;
  }
  return seen;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement, through the same driver. */
async function explain(database: Database, q: Captured): Promise<string> {
  const text = `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`;
  const client = clientOf(database);
  const result = (database.kind === 'pglite' ? await client.query(text, q.params) : await client.query({ text, values: q.params })) as { rows: Array<Record<string, unknown>> };
  return result.rows.map((r) => String(r['QUERY PLAN'])).join('\n');
}

async function actorOf(database: Database, userId: number, name: string): Promise<Actor> {
  return { userId, displayName: name, ...(await loadActorFromOrg(database.db, userId)) };
}

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  total: number;
}

/** `runs` calls of the inbox after 20 warm-up calls; milliseconds per call. */
async function latency(database: Database, actor: Actor, box: 'to_handle' | 'to_dispatch', runs: number): Promise<Latency> {
  const query = CaseListQuery.parse({ box, limit: 50 });
  const call = () => listCases({ db: database.db, actor }, query);
  let total = 0;
  for (let i = 0; i < 20; i++) total = (await call()).total;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await call();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), total };
}


/** Generates `n` cases into `target` and measures the inboxes. */
export async function measureInbox(target: BenchDatabase, n: number, profile: Profile, out: (line: string) => void): Promise<void> {
  const world = await generateCases(target.database, n);
  out(`inbox on ${target.label}: generated ${n.toLocaleString('en')} cases (200 units, 1,000 grids) in ${world.seconds.toFixed(1)} s`);
  const limit = target.label === 'postgres' ? 10 : 30;
  const runs = profile.full ? 1000 : 200;
  const inboxes: Array<{ name: string; userId: number; box: 'to_handle' | 'to_dispatch'; who: string }> = [
    { name: 'to_handle', userId: world.handlerUserId, box: 'to_handle', who: 'handler of the busiest unit' },
    { name: 'to_handle_median_unit', userId: world.medianHandlerUserId, box: 'to_handle', who: 'handler of a median unit' },
    { name: 'to_dispatch', userId: world.dispatcherUserId, box: 'to_dispatch', who: 'district dispatcher' },
  ];
  for (const inbox of inboxes) {
    const actor = await actorOf(target.database, inbox.userId, inbox.who);
    const l = await latency(target.database, actor, inbox.box, runs);
    const scale = n === 1_000_000 ? `target p95 <= ${limit} ms at 1,000,000` : `target p95 <= ${limit} ms applies at 1,000,000 (run --full)`;
    out(
      `inbox ${inbox.name} on ${target.label} (${inbox.who}, ${l.total} cases in the box of ${n.toLocaleString('en')}): ` +
        `p50 ${l.p50.toFixed(2)} ms, p95 ${l.p95.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms over ${runs} calls of listCases (limit 50, page + total + presenter), one client; ${scale}`,
    );
    out(benchLine(`inbox.${target.label}.${inbox.name}.p95`, Number(l.p95.toFixed(3)), 'ms', limit));
    if (process.env.BENCH_VERBOSE) {
      const query = CaseListQuery.parse({ box: inbox.box, limit: 50 });
      const statements = await capture(target.database, () => listCases({ db: target.database.db, actor }, query));
      for (const q of statements.filter((s) => /from "cases"/i.test(s.text))) out(`${q.text}\n  params ${JSON.stringify(q.params)}\n${await explain(target.database, q)}`);
    }
  }
}

/** The inbox benchmark on PGlite, and on PostgreSQL when DATABASE_URL is set (see bench/README.md). */
export async function inboxBench(profile: Profile, out: (line: string) => void): Promise<void> {
  await onEachDatabase('inbox', out, (target) => measureInbox(target, target.label === 'pglite' && !profile.full ? 100_000 : 1_000_000, profile, out));
}
