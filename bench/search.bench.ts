/**
 * Search on the real messages (issue #4): recall of the full-text search against a plain
 * substring scan, and its latency.
 *
 * The 7,142 shipped messages (replies and votes files) become cases of one district in a
 * fresh database, indexed by `reindexCaseSearch` with the words intake would index (the
 * deployment's segmenter, the same weights). Queries are multi-character Chinese words and two-word phrases drawn from
 * the messages themselves (seeded). For each, the cases whose title or description
 * contains the query as typed (`strpos`) are the truth; recall is the share of them the
 * search finds (over all query × case pairs). Latency: `searchCases` as
 * `GET /api/cases/search` runs it, by a district dispatcher, page of 20.
 */
import { sql } from 'drizzle-orm';
import { searchCases } from '../src/server/modules/cases/case.queries.js';
import { CaseSearchQuery } from '../src/server/modules/cases/case.schema.js';
import { matchesTerms, mergePendingSearchWords, queryTerms, reindexCaseSearch } from '../src/server/modules/cases/search/case-search.js';
import { loadActorFromOrg } from '../src/server/modules/org/org.actor.js';
import { readShippedJsonl } from '../src/server/platform/data/shipped.js';
import { queryRows, type Db } from '../src/server/platform/db/database.js';
import { Segmenter } from '../src/server/platform/text/segmenter.js';
import { generateCases } from './gen-cases.js';
import { onEachDatabase, type BenchDatabase } from './targets.js';
import { benchLine, type Profile } from './lib.js';

interface Message {
  title: string;
  body: string;
}

const HAN = /^\p{Script=Han}+$/u;

function messages(): Message[] {
  return [...readShippedJsonl<Message>('messages-with-replies'), ...readShippedJsonl<Message>('messages-with-votes')].map((m) => ({ title: m.title.slice(0, 200), body: m.body.slice(0, 5000) }));
}

/** A district with an account holding `dispatcher` there; the messages as its cases, indexed. */
async function load(db: Db, docs: readonly Message[]): Promise<{ dispatcherUserId: number }> {
  const [node] = await queryRows<{ id: number }>(db, sql`INSERT INTO admin_nodes (level, kind, code, name, path) VALUES ('district', '区', 'SEARCH', '检索区', '/') RETURNING id`);
  const path = `/${node!.id}/`;
  await db.execute(sql`UPDATE admin_nodes SET path = ${path} WHERE id = ${node!.id}`);
  for (let from = 0; from < docs.length; from += 500) {
    const chunk = docs.slice(from, from + 500);
    await db.execute(
      sql`INSERT INTO cases (number, tracking_hash, type, title, description, node_id, area_path, channel, urgency, state, submitted_at, updated_at)
          SELECT 'S' || lpad((${from} + o)::text, 8, '0'), md5('search' || (${from} + o)), 'complaint', t, d, ${node!.id}, ${path}, 'web', 'general', 'submitted', now(), now()
            FROM unnest(${sql.param(chunk.map((m) => m.title))}::text[], ${sql.param(chunk.map((m) => m.body))}::text[]) WITH ORDINALITY AS x(t, d, o)`,
    );
  }
  await reindexCaseSearch(db); // the words intake would have indexed: the same segmenter and weights
  await mergePendingSearchWords(db); // as the `cases.search-merge` job does every 5 s
  await db.execute(sql`ANALYZE`);
  const [u] = await queryRows<{ id: number }>(db, sql`INSERT INTO users (username, display_name, password_hash, kind) VALUES ('search-dispatcher', '检索', 'x', 'staff') RETURNING id`);
  await db.execute(sql`INSERT INTO role_assignments (user_id, role, node_id) VALUES (${u!.id}, 'dispatcher', ${node!.id})`);
  return { dispatcherUserId: u!.id };
}

/** Seeded queries: single words and two adjacent words, multi-character Han only. */
function sampleQueries(docs: readonly Message[], n: number): string[] {
  const seg = Segmenter.create();
  let seed = 20261129;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = new Set<string>();
  while (out.size < n) {
    const d = docs[Math.floor(rnd() * docs.length)]!;
    const words = seg.words(`${d.title}。${d.body}`);
    const i = Math.floor(rnd() * words.length);
    const q = out.size % 3 === 2 ? `${words[i]}${words[i + 1] ?? ''}` : words[i]!;
    if (q && q.length >= 2 && q.length <= 8 && HAN.test(q)) out.add(q);
  }
  return [...out];
}

async function measure(target: BenchDatabase, profile: Profile, out: (line: string) => void): Promise<void> {
  const { db } = target.database;
  const docs = messages();
  const started = performance.now();
  const { dispatcherUserId } = await load(db, docs);
  out(`search on ${target.label}: ${docs.length} real messages loaded and indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const queries = sampleQueries(docs, profile.full ? 600 : 200);
  let truth = 0;
  let found = 0;
  let extra = 0;
  for (const q of queries) {
    const terms = await queryTerms(db, q);
    const bySubstring = new Set((await queryRows<{ id: number }>(db, sql`SELECT id FROM cases WHERE strpos(title || E'\n' || description, ${q}) > 0`)).map((r) => r.id));
    const bySearch = new Set((await queryRows<{ id: number }>(db, sql`SELECT id FROM cases WHERE ${matchesTerms(terms)}`)).map((r) => r.id));
    truth += bySubstring.size;
    for (const id of bySearch) if (bySubstring.has(id)) found++;
    extra += bySearch.size - [...bySearch].filter((id) => bySubstring.has(id)).length;
  }
  const recall = found / truth;
  out(
    `search recall on ${target.label}: ${recall.toFixed(4)} (target >= 0.95) over ${queries.length} queries, ${truth} query-case pairs found by a substring scan; ` +
      `the search also matched ${extra} pairs where the words appear apart`,
  );
  out(benchLine(`search.${target.label}.recall`, Number(recall.toFixed(4)), 'ratio', 0.95));
  await latency(target, dispatcherUserId, queries, docs.length, out);
}

/** p50 and p95 of `searchCases` as `GET /api/cases/search` runs it, by a district dispatcher, page of 20. */
async function latency(target: BenchDatabase, dispatcherUserId: number, queries: readonly string[], cases: number, out: (line: string) => void): Promise<void> {
  const { db } = target.database;
  const actor = { userId: dispatcherUserId, displayName: '检索', ...(await loadActorFromOrg(db, dispatcherUserId)) };
  const times: number[] = [];
  for (const [i, q] of queries.entries()) {
    const t = performance.now();
    await searchCases({ db, actor }, CaseSearchQuery.parse({ q, limit: 20 }));
    if (i >= 10) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const p = (x: number) => times[Math.min(times.length - 1, Math.ceil((x / 100) * times.length) - 1)]!;
  out(`search latency on ${target.label} (${cases} cases): p50 ${p(50).toFixed(2)} ms, p95 ${p(95).toFixed(2)} ms over ${times.length} queries, page of 20 with total and excerpts, one client`);
  out(benchLine(`search.${target.label}.p95_${cases}`, Number(p(95).toFixed(3)), 'ms', limitAt(target, cases)));
}

/** The limits: ≤ 100 ms at 100,000 cases on PGlite, ≤ 50 ms at 1,000,000 on PostgreSQL. */
function limitAt(target: BenchDatabase, cases: number): number | undefined {
  if (target.label === 'pglite' && cases === 100_000) return 100;
  if (target.label === 'postgres' && cases === 1_000_000) return 50;
  return undefined;
}

/**
 * Latency on generated volume (gen-cases.ts with every real message as a text, indexed as
 * intake would): 100,000 cases on PGlite, 1,000,000 on PostgreSQL.
 */
async function atScale(target: BenchDatabase, profile: Profile, out: (line: string) => void): Promise<void> {
  const n = target.label === 'postgres' ? 1_000_000 : 100_000;
  const world = await generateCases(target.database, n, new Date(), { allTexts: true, search: true });
  out(`search on ${target.label}: ${n} generated cases with search entries in ${world.seconds.toFixed(1)} s`);
  await latency(target, world.dispatcherUserId, sampleQueries(messages(), profile.full ? 600 : 200), n, out);
}

/** The search benchmark on PGlite, and on PostgreSQL when DATABASE_URL is set. */
export async function searchBench(profile: Profile, out: (line: string) => void): Promise<void> {
  await onEachDatabase('search', out, (target) => measure(target, profile, out));
  await onEachDatabase('search at scale', out, (target) => atScale(target, profile, out));
}
