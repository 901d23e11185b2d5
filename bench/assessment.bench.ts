/**
 * Assessment figures (issue #6 point 9): any subtree × period figure read from the rollups
 * — `countsOf` and the indicators, exactly what `GET /api/assessment/figures` computes after
 * its access check — over N generated cases (gen-cases.ts, three years of history, loaded with
 * the rollup trigger off, then `assessment_rebuild()`, timed). BENCH_DATABASES=postgres skips PGlite.
 *
 * N: 10,000,000 on PostgreSQL with `--full` (1,000,000 in the short profile); PGlite 100,000
 * (1,000,000 with `--full`). Target: p95 ≤ 50 ms at 10,000,000 on PostgreSQL.
 * Also: the rebuild's time, and what the trigger adds to one case change (an UPDATE that
 * moves a case's counts, with the trigger on and off). Checks one figure against a count of
 * the raw cases.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/server/platform/db/database.js';
import { localDateOf, addDays } from '../src/server/platform/time/zoned.js';
import { countsOf } from '../src/server/modules/assessment/figures.js';
import { DEFAULT_BASIC_WEIGHT, figuresOf } from '../src/server/modules/assessment/indicators.js';
import type { SubjectKind } from '../src/server/modules/assessment/assessment.tables.js';
import { generateCases } from './gen-cases.js';
import { onEachDatabase, type BenchDatabase } from './targets.js';
import { benchLine, median, percentile, type Profile } from './lib.js';

const ZONE = 'Asia/Shanghai';

interface Subject {
  kind: SubjectKind;
  ref: number;
  label: string;
}

async function subjects(db: Db): Promise<Subject[]> {
  const nodes = await queryRows<{ id: number; level: string }>(
    db,
    sql`(SELECT id, level FROM admin_nodes WHERE code = 'BENCH')
        UNION ALL (SELECT id, level FROM admin_nodes WHERE level = 'street' AND code LIKE 'BENCH%' ORDER BY id LIMIT 5)
        UNION ALL (SELECT id, level FROM admin_nodes WHERE level = 'community' AND code LIKE 'BENCH%' ORDER BY id LIMIT 10)
        UNION ALL (SELECT id, level FROM admin_nodes WHERE level = 'grid' AND code LIKE 'BENCH%' ORDER BY id LIMIT 10)`,
  );
  const units = await queryRows<{ id: number }>(db, sql`SELECT id FROM organizations WHERE code LIKE 'BENCH%' ORDER BY id LIMIT 20`);
  return [...nodes.map((n) => ({ kind: 'area' as const, ref: Number(n.id), label: n.level })), ...units.map((u) => ({ kind: 'org' as const, ref: Number(u.id), label: 'unit' }))];
}

/** Periods ending at random days of the three years: a month, a quarter, a year, all three years. */
function periodOf(i: number, today: string): { from: string; to: string } {
  const spans = [30, 91, 365, 1095];
  const span = spans[i % spans.length]!;
  const end = addDays(today, -((i * 7919) % Math.max(1, 1095 - span)));
  return { from: addDays(end, -(span - 1)), to: end };
}

async function figureLatency(db: Db, all: readonly Subject[], today: string, runs: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = -20; i < runs; i++) {
    const s = all[(i + 20) % all.length]!;
    const started = performance.now();
    figuresOf(await countsOf(db, s.kind, s.ref, periodOf(i + 20, today)), { basicWeight: DEFAULT_BASIC_WEIGHT });
    if (i >= 0) ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b);
}

/** Milliseconds per UPDATE that moves a case's counts (sign time back and forth), one statement a transaction. */
async function changeCost(db: Db, ids: readonly number[], rounds: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    const id = ids[i % ids.length]!;
    await db.execute(sql`UPDATE cases SET signed_at = signed_at + CASE WHEN ${i % 2 === 0} THEN interval '2 hours' ELSE interval '-2 hours' END WHERE id = ${id}`);
  }
  return (performance.now() - started) / rounds;
}

async function measure(target: BenchDatabase, n: number, profile: Profile, out: (line: string) => void): Promise<void> {
  const db = target.database.db;
  // The cases go in with the rollup trigger off; the rebuild below computes their rollups, timed once.
  const world = await generateCases(target.database, n, new Date());
  out(`assessment on ${target.label}: generated ${n.toLocaleString('en')} cases in ${world.seconds.toFixed(1)} s`);
  const t0 = performance.now();
  await db.execute(sql`SELECT assessment_rebuild()`);
  const rebuild = (performance.now() - t0) / 1000;
  await db.execute(sql`VACUUM ANALYZE assessment_daily`);
  const [rows] = await queryRows<{ n: number; mb: number }>(db, sql`SELECT count(*)::int AS n, round(pg_total_relation_size('assessment_daily') / 1048576.0, 1)::float AS mb FROM assessment_daily`);
  out(`  assessment_rebuild(): ${rebuild.toFixed(1)} s → ${rows!.n.toLocaleString('en')} rollup rows (${rows!.mb} MB with index)`);
  out(benchLine(`assessment.${target.label}.rebuild`, Number(rebuild.toFixed(1)), 's'));

  // One figure against the raw cases: cases raised in the last year under the district, not merged.
  const today = localDateOf(new Date(), ZONE);
  const year = { from: addDays(today, -364), to: today };
  const [district] = await queryRows<{ id: number; path: string }>(db, sql`SELECT id, path FROM admin_nodes WHERE code = 'BENCH'`);
  const kept = (await countsOf(db, 'area', Number(district!.id), year)).received;
  const [raw] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM cases WHERE area_path LIKE ${`${district!.path}%`} AND state <> 'merged'
          AND assessment_day(submitted_at) BETWEEN ${year.from}::date AND ${year.to}::date`,
  );
  out(`  check: received in the last year under the district — rollups ${kept.toLocaleString('en')}, raw cases ${raw!.n.toLocaleString('en')}: ${kept === raw!.n ? 'equal' : 'DIFFERENT'}`);

  const all = await subjects(db);
  const runs = profile.full ? 1000 : 300;
  const lat = await figureLatency(db, all, today, runs);
  out(
    `  figures of a subtree or unit × period (${all.length} subjects: district, streets, communities, grids, units; 30/91/365/1095 days), ${runs} calls: ` +
      `p50 ${percentile(lat, 50).toFixed(2)} ms, p95 ${percentile(lat, 95).toFixed(2)} ms, p99 ${percentile(lat, 99).toFixed(2)} ms (target p95 ≤ 50 ms at 10M on PostgreSQL)`,
  );
  out(benchLine(`assessment.${target.label}.figures.p95`, Number(percentile(lat, 95).toFixed(3)), 'ms', 50));

  const ids = (await queryRows<{ id: number }>(db, sql`SELECT id FROM cases WHERE signed_at IS NOT NULL ORDER BY id LIMIT 500`)).map((r) => Number(r.id));
  const rounds = profile.full ? 2000 : 600;
  const costs: Array<[number, number]> = [];
  for (let r = 0; r < 3; r++) {
    const on = await changeCost(db, ids, rounds);
    await db.execute(sql`ALTER TABLE cases DISABLE TRIGGER cases_assessment_rollup`);
    const off = await changeCost(db, ids, rounds);
    await db.execute(sql`ALTER TABLE cases ENABLE TRIGGER cases_assessment_rollup`);
    costs.push([on, off]);
  }
  const on = median(costs.map((c) => c[0]));
  const off = median(costs.map((c) => c[1]));
  out(`  one case change that moves its counts: ${on.toFixed(3)} ms with the rollup trigger, ${off.toFixed(3)} ms without (+${(on - off).toFixed(3)} ms), median of 3 × ${rounds}`);
  out(benchLine(`assessment.${target.label}.trigger_overhead`, Number((on - off).toFixed(3)), 'ms'));
}

export async function assessmentBench(profile: Profile, out: (line: string) => void): Promise<void> {
  await onEachDatabase('assessment', out, (target) =>
    measure(target, target.label === 'postgres' ? (profile.full ? 10_000_000 : 1_000_000) : profile.full ? 1_000_000 : 100_000, profile, out),
  );
}
