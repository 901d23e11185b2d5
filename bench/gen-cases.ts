/**
 * The case generator: `generateCases` fills a benchmark database (bench/targets.ts) fast with SQL (`INSERT … SELECT … FROM
 * generate_series`): a district of 10 streets, 100 communities and 1,000 grids, about 200
 * units, and N cases spread like a real 12345 history — most closed, a few per cent open,
 * open ones recent, the busiest units taking far more cases than the quiet ones — with the
 * real messages' titles and texts, so rows have their real width.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../src/server/platform/db/database.js';
import { demoMessages, localize } from '../src/server/modules/cases/demo/demo-messages.js';
import { intakeWords, mergePendingSearchWords, segmenterFor } from '../src/server/modules/cases/search/case-search.js';
import { readShippedJsonl } from '../src/server/platform/data/shipped.js';


export interface GeneratedWorld {
  districtPath: string;
  /** The unit with the most cases, and an account whose person holds a post in it (dept_staff). */
  busiestUnitId: number;
  handlerUserId: number;
  /** A median unit and its handler. */
  medianUnitId: number;
  medianHandlerUserId: number;
  /** An account holding `dispatcher` at the district. */
  dispatcherUserId: number;
  cases: number;
  seconds: number;
}

const UNITS = 200;
const GRIDS = 1000;

async function run(db: Db, query: ReturnType<typeof sql>): Promise<void> {
  await db.execute(query);
}

/** The tree: one district, 10 streets × 10 communities × 10 grids, with materialized paths. */
async function tree(db: Db): Promise<string> {
  await run(db, sql`INSERT INTO admin_nodes (level, kind, code, name, path) VALUES ('district', '区', 'BENCH', '基准区', '/')`);
  await run(db, sql`UPDATE admin_nodes SET path = '/' || id || '/' WHERE code = 'BENCH'`);
  const levels = [
    { level: 'street', kind: '街道', parent: 'district', per: 10, name: '街道' },
    { level: 'community', kind: '社区', parent: 'street', per: 10, name: '社区' },
    { level: 'grid', kind: '网格', parent: 'community', per: 10, name: '网格' },
  ];
  for (const l of levels) {
    await run(
      db,
      sql`INSERT INTO admin_nodes (parent_id, level, kind, code, name, path)
          SELECT p.id, ${l.level}, ${l.kind}, p.code || '-' || s, ${l.name} || s, p.path || 'new' || s || '/'
            FROM admin_nodes p, generate_series(1, ${l.per}) s
           WHERE p.level = ${l.parent} AND p.code LIKE 'BENCH%'`,
    );
    await run(db, sql`UPDATE admin_nodes n SET path = p.path || n.id || '/' FROM admin_nodes p WHERE p.id = n.parent_id AND n.level = ${l.level} AND n.code LIKE 'BENCH%'`);
  }
  const [d] = await queryRows<{ path: string }>(db, sql`SELECT path FROM admin_nodes WHERE code = 'BENCH'`);
  return d!.path;
}

/** About 200 units: 40 district departments, 10 street offices, 100 residents' committees, 50 social organizations. */
async function units(db: Db): Promise<void> {
  await run(db, sql`INSERT INTO organizations (node_id, kind, code, name) SELECT id, 'department', 'BENCH-B-' || s, '部门' || s FROM admin_nodes, generate_series(1, 40) s WHERE code = 'BENCH'`);
  await run(db, sql`INSERT INTO organizations (node_id, kind, code, name) SELECT id, 'department', code || '-ZF', name || '办事处' FROM admin_nodes WHERE level = 'street' AND code LIKE 'BENCH%'`);
  await run(db, sql`INSERT INTO organizations (node_id, kind, code, name) SELECT id, 'committee', code || '-JW', name || '居委会' FROM admin_nodes WHERE level = 'community' AND code LIKE 'BENCH%'`);
  await run(
    db,
    sql`INSERT INTO organizations (node_id, kind, code, name, charter_node_id)
        SELECT id, 'social', code || '-S', name || '志愿服务队', id FROM admin_nodes WHERE level = 'community' AND code LIKE 'BENCH%' AND right(code, 1) IN ('1', '6')`,
  );
}

/** An account with a role at the district; with `unitId`, its person holds a post there. */
async function account(db: Db, username: string, role: string, districtPath: string, unitId?: number): Promise<number> {
  const [u] = await queryRows<{ id: number }>(db, sql`INSERT INTO users (username, display_name, password_hash, kind) VALUES (${username}, ${username}, 'x', 'staff') RETURNING id`);
  await run(db, sql`INSERT INTO role_assignments (user_id, role, node_id) SELECT ${u!.id}, ${role}, id FROM admin_nodes WHERE path = ${districtPath}`);
  if (unitId !== undefined) {
    const [p] = await queryRows<{ id: number }>(db, sql`INSERT INTO people (node_id, name, user_id) SELECT id, ${username}, ${u!.id} FROM admin_nodes WHERE path = ${districtPath} RETURNING id`);
    await run(db, sql`INSERT INTO posts (org_id, title, person_id) VALUES (${unitId}, '科员', ${p!.id})`);
  }
  return u!.id;
}

export interface GenerateOptions {
  /** Every shipped real message as a text (7,142), instead of 100 of the demo's. */
  allTexts?: boolean;
  /** Fill `case_search` too, with the words intake would index (the deployment's segmenter). */
  search?: boolean;
  /**
   * Compute the assessment rollups (assessment_rebuild()) after the load. The cases go in with
   * the rollup trigger off either way — a per-row trigger would make the load many times
   * slower — so without this the rollups of the generated cases stay empty.
   */
  rollups?: boolean;
}

interface Message {
  title: string;
  body: string;
}

/** The shipped real messages (replies and votes files), their places made the demo district's. */
function allMessages(): Message[] {
  return [...readShippedJsonl<Message>('messages-with-replies'), ...readShippedJsonl<Message>('messages-with-votes')].map((m) => ({
    title: localize(m.title).slice(0, 100),
    body: localize(m.body).slice(0, 5000),
  }));
}

/**
 * The texts cases are drawn from, in `bench_texts` — real titles and bodies, so rows have
 * their real width — and with `search`, the search vector of each, cut once per text.
 */
async function texts(db: Db, options: GenerateOptions): Promise<number> {
  await run(db, sql`CREATE TEMP TABLE bench_texts (i int PRIMARY KEY, title text NOT NULL, body text NOT NULL, vector tsvector) ON COMMIT DROP`);
  const picked: Message[] = options.allTexts ? allMessages() : demoMessages().filter((_, i) => i % 7 === 0).slice(0, 100);
  const seg = options.search ? await segmenterFor(db) : undefined;
  for (let from = 0; from < picked.length; from += 500) {
    const chunk = picked.slice(from, from + 500);
    const words = chunk.map((m) => (seg ? intakeWords(seg, { title: m.title, description: m.body, address: null }) : { title: '', body: '' }));
    await run(
      db,
      sql`INSERT INTO bench_texts
          SELECT ${from} + o - 1, t, b, CASE WHEN ${seg !== undefined} THEN setweight(to_tsvector('simple', wt), 'A') || setweight(to_tsvector('simple', wb), 'B') END
            FROM unnest(${sql.param(chunk.map((m) => m.title))}::text[], ${sql.param(chunk.map((m) => m.body))}::text[],
                        ${sql.param(words.map((w) => w.title))}::text[], ${sql.param(words.map((w) => w.body))}::text[]) WITH ORDINALITY AS x(t, b, wt, wb, o)`,
    );
  }
  return picked.length;
}

/**
 * The search entries of the generated cases: each case's text's vector. The GIN index is
 * dropped and built again afterwards, as migration 0013 defines it (on `case_words`: a
 * search asks for that expression) — building it at once is many times faster than
 * inserting a million entries into it.
 */
async function searchEntries(db: Db, textCount: number): Promise<void> {
  await run(db, sql`DROP INDEX case_search_vector_idx`);
  await run(
    db,
    sql`INSERT INTO case_search (case_id, vector)
        SELECT c.id, x.vector FROM cases c JOIN bench_texts x ON x.i = ${textOf(sql`substr(c.number, 2)::bigint`, textCount)}
         WHERE c.number LIKE 'B%'`,
  );
  await run(db, sql`CREATE INDEX case_search_vector_idx ON case_search USING gin (case_words(vector, case_id))`);
}

/** The text of case `s`: a fixed scatter of the case number over the texts, so `searchEntries` finds it again. */
function textOf(s: ReturnType<typeof sql>, textCount: number): ReturnType<typeof sql> {
  return sql`((${s} * 2654435761) % ${textCount})::int`;
}

/**
 * One batch of cases ids `from`..`to`. States (cumulative): 92.4 % closed, 0.5 % refused,
 * 0.5 % merged, then open: 0.4 % submitted, 0.2 % accepted, 0.8 % dispatched, 0.05 %
 * objected, 0.6 % signed, 2.5 % in progress, 0.8 % replied, 0.4 % verified, 0.25 % rated.
 * Unit: `floor(200 · r²)` (the busiest units take ~7 % of all cases, a median one ~0.35 %).
 */
async function batch(db: Db, from: number, to: number, now: Date, textCount: number): Promise<void> {
  await run(
    db,
    sql`WITH r AS (
          SELECT s, floor(random() * ${GRIDS})::int AS gi, floor(power(random(), 2) * ${UNITS})::int AS ui, random() AS rs, random() AS rt,
                 ${textOf(sql`s`, textCount)} AS ti, floor(random() * 3000)::int AS ci
            FROM generate_series(${from}::int, ${to}::int) s
        ), st AS (
          SELECT r.*, CASE
              WHEN rs < 0.924 THEN 'closed' WHEN rs < 0.929 THEN 'refused' WHEN rs < 0.934 THEN 'merged'
              WHEN rs < 0.938 THEN 'submitted' WHEN rs < 0.940 THEN 'accepted' WHEN rs < 0.948 THEN 'dispatched'
              WHEN rs < 0.9485 THEN 'objected' WHEN rs < 0.9545 THEN 'signed' WHEN rs < 0.9795 THEN 'in_progress'
              WHEN rs < 0.9875 THEN 'replied' WHEN rs < 0.9915 THEN 'verified' ELSE 'rated' END AS state
            FROM r
        ), t AS (
          SELECT st.*,
                 -- open cases are recent (30 days), the rest spread over three years
                 ${now}::timestamptz - CASE WHEN state IN ('closed', 'refused', 'merged') THEN rt * interval '1095 days' ELSE rt * interval '30 days' END AS at,
                 state NOT IN ('submitted', 'accepted', 'refused') AS led
            FROM st
        )
        INSERT INTO cases (number, tracking_hash, type, title, description, category_id, node_id, area_path, channel, urgency, is_public, state,
                           lead_org_id, dispatch_mode, rating, step, step_due_at, feedback_due_at, overdue,
                           submitted_at, dispatched_at, replied_at, closed_at, updated_at,
                           taken_at, intake_late, sign_due_at, signed_at, rated_at, resolved, verified_at, return_count)
        SELECT 'B' || lpad(t.s::text, 10, '0'), md5('bench' || t.s), (ARRAY['complaint', 'help', 'enquiry', 'report', 'suggestion'])[1 + t.s % 5],
               x.title, x.body, c.id, g.id, g.path, (ARRAY['hotline', 'hotline', 'web', 'api', 'patrol'])[1 + t.s % 5], 'general', t.s % 10 <> 0, t.state,
               CASE WHEN t.led THEN u.id END, CASE WHEN t.led THEN 'direct' END,
               CASE WHEN t.state IN ('closed', 'rated') THEN (ARRAY['satisfied', 'satisfied', 'satisfied', 'basic', 'dissatisfied'])[1 + t.s % 5] END,
               CASE WHEN t.state IN ('submitted', 'accepted', 'objected') THEN 'dispatch' WHEN t.state = 'dispatched' THEN 'sign'
                    WHEN t.state IN ('signed', 'in_progress') THEN 'feedback' END,
               CASE WHEN t.state IN ('submitted', 'accepted', 'objected') THEN t.at + interval '24 hours' WHEN t.state = 'dispatched' THEN t.at + interval '26 hours'
                    WHEN t.state IN ('signed', 'in_progress') THEN t.at + interval '9 days' END,
               CASE WHEN t.led THEN t.at + interval '9 days' END,
               t.state IN ('submitted', 'accepted', 'objected', 'dispatched', 'signed', 'in_progress') AND t.at + interval '9 days' < ${now}::timestamptz,
               t.at, CASE WHEN t.led THEN t.at + interval '2 hours' END,
               CASE WHEN t.state IN ('replied', 'verified', 'rated', 'closed') THEN t.at + interval '4 days' END,
               CASE WHEN t.state IN ('closed', 'refused', 'merged') THEN t.at + interval '6 days' END,
               t.at + interval '6 days',
               -- what assessment reads (a few per cent late, returned or not resolved)
               CASE WHEN t.state <> 'submitted' THEN t.at + interval '30 minutes' END, t.s % 31 = 0,
               CASE WHEN t.led THEN t.at + interval '4 hours' END,
               CASE WHEN t.state NOT IN ('submitted', 'accepted', 'refused', 'merged', 'dispatched', 'objected') THEN t.at + CASE WHEN t.s % 13 = 0 THEN interval '5 hours' ELSE interval '3 hours' END END,
               CASE WHEN t.state IN ('closed', 'rated') THEN t.at + interval '6 days' END,
               CASE WHEN t.state IN ('closed', 'rated') THEN t.s % 5 <> 4 AND t.s % 7 <> 0 END,
               CASE WHEN t.state IN ('closed', 'verified', 'rated') AND t.led THEN t.at + interval '5 days' END,
               (t.s % 17 = 0)::int
          FROM t
          JOIN bench_grids g ON g.i = t.gi
          JOIN bench_units u ON u.i = t.ui % (SELECT count(*) FROM bench_units) -- 170 units: the ranks past them wrap onto the busiest
          JOIN bench_categories c ON c.i = t.ci % (SELECT count(*) FROM bench_categories)
          JOIN bench_texts x ON x.i = t.ti`,
  );
}

/**
 * Generates `n` cases (and their district, units, a handler and a dispatcher) in batches of
 * 100,000, then VACUUM ANALYZE. The generation is one transaction (its temporary tables
 * live on one connection).
 */
export async function generateCases(database: Database, n: number, now = new Date(), options: GenerateOptions = {}): Promise<GeneratedWorld> {
  const started = performance.now();
  const world = await database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const districtPath = await tree(db);
    await units(db);
    const textCount = await texts(db, options);
    await run(db, sql`SELECT setseed(0.42)`);
    await run(db, sql`CREATE TEMP TABLE bench_grids ON COMMIT DROP AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id, path FROM admin_nodes WHERE level = 'grid' AND code LIKE 'BENCH%'`);
    await run(db, sql`CREATE TEMP TABLE bench_units ON COMMIT DROP AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id FROM organizations WHERE code LIKE 'BENCH%'`);
    await run(db, sql`CREATE TEMP TABLE bench_categories ON COMMIT DROP AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id FROM case_categories WHERE level = 3`);
    await run(db, sql`ALTER TABLE cases DISABLE TRIGGER cases_assessment_rollup`);
    for (let from = 1; from <= n; from += 100_000) await batch(db, from, Math.min(n, from + 99_999), now, textCount);
    await run(db, sql`ALTER TABLE cases ENABLE TRIGGER cases_assessment_rollup`);
    if (options.rollups) await run(db, sql`SELECT assessment_rebuild()`);
    if (options.search) await searchEntries(db, textCount);
    const ranked = await queryRows<{ id: number; n: number }>(db, sql`SELECT lead_org_id AS id, count(*)::int AS n FROM cases WHERE lead_org_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC`);
    const busiestUnitId = ranked[0]!.id;
    const medianUnitId = ranked[Math.floor(ranked.length / 2)]!.id;
    return {
      districtPath,
      busiestUnitId,
      handlerUserId: await account(db, 'bench-handler', 'dept_staff', districtPath, busiestUnitId),
      medianUnitId,
      medianHandlerUserId: await account(db, 'bench-handler-median', 'dept_staff', districtPath, medianUnitId),
      dispatcherUserId: await account(db, 'bench-dispatcher', 'dispatcher', districtPath),
    };
  });
  // As autovacuum leaves a table in steady state: statistics, and the visibility map that
  // lets counts read the index alone.
  await run(database.db, sql`VACUUM ANALYZE cases`);
  if (options.search) {
    await mergePendingSearchWords(database.db);
    await run(database.db, sql`VACUUM ANALYZE case_search`);
  }
  if (options.rollups) await run(database.db, sql`VACUUM ANALYZE assessment_daily`);
  await run(database.db, sql`ANALYZE`);
  return { ...world, cases: n, seconds: (performance.now() - started) / 1000 };
}
