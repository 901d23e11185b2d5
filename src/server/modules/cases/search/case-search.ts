/**
 * Full-text search over cases (issue #4): the words of each case — title, description and
 * address at intake (`case_intake`), replies as they are given — are kept in `case_search`
 * as a GIN-indexed tsvector; a query is cut by the same segmenter and must match all its
 * words. The segmenter knows this deployment's words: place and unit names and the
 * category catalogue.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db/database.js';
import { handleCache } from '../../../platform/db/handle-cache.js';
import { Segmenter, type QueryTerm } from '../../../platform/text/segmenter.js';
import { placeAndUnitNames } from '../../org/org.exports.js';
import { listCategories } from '../catalogue/catalogue.queries.js';
import { cases, searchTerms } from '../cases.tables.js';

/** Place and unit names, category names (暴露垃圾, 共享单车乱停放 …) and the admins' search terms. */
async function vocabulary(ex: Executor): Promise<string[]> {
  // One after another: `ex` may be a transaction, whose one connection takes one query at a time.
  const places = await placeAndUnitNames(ex);
  const categories = await listCategories(ex, { activeOnly: false });
  const terms = await ex.select({ word: searchTerms.word }).from(searchTerms);
  return [...places, ...categories.map((c) => c.name), ...terms.map((t) => t.word)];
}

/** Rebuilt at most every ten minutes: names change rarely, and a build takes a fraction of a second. */
const segmenters = handleCache(async (ex: Executor) => Segmenter.create((await vocabulary(ex)).map((word) => ({ word }))), 10 * 60_000);

export function segmenterFor(ex: Executor): Promise<Segmenter> {
  return segmenters.get(ex);
}

/** Rebuilds the segmenter on next use: call once a change to the search dictionary has committed. */
export function forgetSegmenter(ex: Executor): void {
  segmenters.invalidate(ex);
}

/** The words intake indexes: the title's, and the description's with the address. */
export function intakeWords(seg: Segmenter, c: { title: string; description: string; address: string | null }): { title: string; body: string } {
  return { title: seg.indexTokens(c.title).join(' '), body: seg.indexTokens(`${c.description}\n${c.address ?? ''}`).join(' ') };
}

/** Adds a reply's words to a case's search entry (weight C). */
export async function indexReply(ex: Executor, caseId: number, message: string): Promise<void> {
  const words = (await segmenterFor(ex)).indexTokens(message).join(' ');
  await ex.execute(sql`UPDATE case_search SET vector = vector || setweight(to_tsvector('simple', ${words}), 'C') WHERE case_id = ${caseId}`);
}

/** The query's terms, or none when it has no word (punctuation only). */
export async function queryTerms(ex: Executor, q: string): Promise<QueryTerm[]> {
  const terms = (await segmenterFor(ex)).queryTerms(q);
  // A one-character word inside a longer query is often not a word of its own in the index
  // (乱停放 → 乱 / 停放, while the text was cut 共享单车乱停放): the longer words decide.
  const long = terms.filter((t) => [...t.word].length > 1);
  return long.length > 0 ? long : terms;
}

/** The tsquery of the terms: each term's word, or all of its parts. */
function tsquery(terms: readonly QueryTerm[]): SQL {
  const one = (t: QueryTerm) =>
    t.parts.length > 0 ? sql`(plainto_tsquery('simple', ${t.word}) || plainto_tsquery('simple', ${t.parts.join(' ')}))` : sql`plainto_tsquery('simple', ${t.word})`;
  return sql.join(terms.map(one), sql` && `);
}

/**
 * "The entry's words match `query`", as the GIN index is built (migration 0013): on the
 * words plus the id block lexemes. Written any other way, the index would not be used.
 */
function indexed(query: SQL): SQL {
  return sql`case_words(s.vector, s.case_id) @@ (${query})`;
}

/** The filter "the case's words hold every term" (a semi-join the GIN index answers). */
export function matchesTerms(terms: readonly QueryTerm[]): SQL {
  return sql`${cases.id} IN (SELECT s.case_id FROM case_search s WHERE ${indexed(tsquery(terms))})`;
}

/** The newest this many matches are ranked best match first; older ones follow, newest first. */
export const RANKED_MATCHES = 200;
/** Blocks of case ids the index knows each entry's place in: `case_words` in migration 0013 says the same. */
const BLOCKS = [
  { size: 1000, mark: '~' },
  { size: 16_000, mark: '~~' },
  { size: 256_000, mark: '~~~' },
  { size: 4_096_000, mark: '~~~~' },
] as const;
export interface Matches {
  /** The newest matches up to the one asked for: the first `RANKED_MATCHES` best first, then newest first. */
  ids: number[];
  /** How many cases match: exact when `exact`, else estimated from the density of matches among the newest cases. */
  total: number;
  exact: boolean;
}

/**
 * The newest `wanted` cases within `where` (on `cases`) that hold every term. The index
 * knows each entry's blocks of ids (migration 0013): the first look asks for the words in
 * the two newest blocks of 1,000 ids, the next ones in the two newest of a larger size,
 * the last in all. So a search reads the rows of the newest matches only — not the third
 * of a million rows a common word matches at 1,000,000 cases, nor every row newest first
 * until enough match (the planner's choice for a rare word it thought common: 92,000 rows,
 * 2 s on PGlite). Two blocks a look, not more: each one more slows the index scan.
 */
export async function newestMatches(ex: Executor, terms: readonly QueryTerm[], where: SQL | undefined, wanted: number): Promise<Matches> {
  const want = Math.max(wanted, RANKED_MATCHES);
  const [top] = await queryRows<{ max: number | null }>(ex, sql`SELECT max(id) AS max FROM cases`);
  const maxId = Number(top?.max ?? 0);
  for (let level = 0; ; ) {
    const all = level >= BLOCKS.length || 2 * BLOCKS[level]!.size > maxId;
    const rows = await windowMatches(ex, terms, where, all ? [] : newestBlocks(maxId, level), want);
    if (rows.length >= want) return { ids: ranked(rows, terms), total: estimate(rows, maxId), exact: false };
    if (all) return { ids: ranked(rows, terms), total: rows.length, exact: true };
    level = nextLevel(maxId, level, rows.length, want);
  }
}

/** The lexemes of the two newest blocks of ids of size `BLOCKS[level]` (the newest one partly filled). */
export function newestBlocks(maxId: number, level: number): string[] {
  const block = BLOCKS[level]!;
  const last = Math.floor(maxId / block.size);
  return (last > 0 ? [last - 1, last] : [last]).map((k) => `${block.mark}${k}`);
}

/** How many ids the two newest blocks of `BLOCKS[level]` hold. */
function span(maxId: number, level: number): number {
  const size = BLOCKS[level]!.size;
  return maxId - Math.max(0, (Math.floor(maxId / size) - 1) * size) + 1;
}

/**
 * The next larger block size; or, when the matches found say the wanted ones lie further
 * back, one large enough for them at that density (with a margin): a rare word skips looks.
 */
function nextLevel(maxId: number, level: number, found: number, want: number): number {
  const needed = found > 0 ? ((span(maxId, level) * want) / found) * 1.25 : 0;
  let next = level + 1;
  while (next < BLOCKS.length && span(maxId, next) < needed) next++;
  return next;
}

interface Match {
  id: number;
  title: string;
}

/**
 * Matches in `blocks` (all when empty), newest first, at most `limit`, with their titles.
 * Each hit, newest first, is checked against `where` by its own look-up of `cases` (the
 * OFFSET 0 keeps the planner from turning it into a join), stopping at `limit`: a join
 * would read all of `cases` when the planner overestimates the hits.
 */
async function windowMatches(ex: Executor, terms: readonly QueryTerm[], where: SQL | undefined, blocks: readonly string[], limit: number): Promise<Match[]> {
  // Block lexemes ('~12', '~~0' …: marks and whole numbers we made), quoted as tsquery input wants.
  const inBlocks = blocks.length > 0 ? sql` && ${blocks.map((b) => `'${b}'`).join(' | ')}::tsquery` : sql``;
  const rows = await queryRows<Match>(
    ex,
    sql`WITH hit AS MATERIALIZED (SELECT s.case_id FROM case_search s WHERE ${indexed(sql`${tsquery(terms)}${inBlocks}`)})
        SELECT c.id, c.title FROM (SELECT case_id FROM hit ORDER BY case_id DESC) h
         CROSS JOIN LATERAL (SELECT cases.id, cases.title FROM cases WHERE cases.id = h.case_id ${where ? sql`AND ${where}` : sql``} OFFSET 0) c
         LIMIT ${limit}`,
  );
  return rows.map((r) => ({ id: Number(r.id), title: r.title }));
}

/**
 * Ids in result order: the newest `RANKED_MATCHES` best first — the more of the terms
 * their title holds, the better; newest first among equals — then the rest as they came.
 * (Not ts_rank: it reads each match's whole vector, 0.1 ms a case, 20 ms a search.)
 */
function ranked(rows: readonly Match[], terms: readonly QueryTerm[]): number[] {
  const scored = rows.slice(0, RANKED_MATCHES).map((r) => ({ id: r.id, score: titleScore(r.title, terms) }));
  scored.sort((a, b) => b.score - a.score || b.id - a.id);
  return [...scored.map((r) => r.id), ...rows.slice(RANKED_MATCHES).map((r) => r.id)];
}

/** How many terms a title holds (a term: its word, or all of its parts). */
export function titleScore(title: string, terms: readonly QueryTerm[]): number {
  const t = title.toLowerCase();
  return terms.filter((term) => t.includes(term.word) || (term.parts.length > 0 && term.parts.every((p) => t.includes(p)))).length;
}

/** All matches, from the density of the ones found among the newest ids (ids run from 1 to `maxId`). */
function estimate(rows: readonly Match[], maxId: number): number {
  const span = maxId - rows.at(-1)!.id + 1;
  return Math.round((rows.length / span) * maxId);
}

/**
 * Merges the search index's pending list (the words intake added since the last merge) into
 * the index proper: a search scans that list entry by entry, so a long one slows every
 * search (23 ms at 7,000 cases on PGlite against 1 ms merged). Run every few seconds
 * (`cases.search-merge`); on PostgreSQL autovacuum does it too, PGlite has none.
 */
export async function mergePendingSearchWords(ex: Executor): Promise<void> {
  await ex.execute(sql`SELECT gin_clean_pending_list('case_search_vector_idx'::regclass)`);
}

/**
 * Cuts every case's words again — title, description, address and replies — with the
 * current dictionary, and rewrites its search entry (creating missing ones): after the
 * search dictionary changed, or to repair the index. Batches of `batch` cases, each its
 * own statement, so running servers are not held up. Returns how many cases were indexed.
 */
export async function reindexCaseSearch(db: Executor, batch = 500): Promise<number> {
  const seg = await segmenterFor(db);
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = await queryRows<{ id: number; title: string; description: string; address: string | null; replies: string | null }>(
      db,
      sql`SELECT c.id, c.title, c.description, c.address,
                 (SELECT string_agg(e.message, E'\n' ORDER BY e.id) FROM case_events e WHERE e.case_id = c.id AND e.event IN ('reply', 'answer_now')) AS replies
            FROM cases c WHERE c.id > ${after} ORDER BY c.id LIMIT ${batch}`,
    );
    if (rows.length === 0) return done;
    const words = rows.map((r) => ({ ...intakeWords(seg, r), replies: seg.indexTokens(r.replies ?? '').join(' ') }));
    await db.execute(
      sql`INSERT INTO case_search (case_id, vector)
          SELECT id, setweight(to_tsvector('simple', t), 'A') || setweight(to_tsvector('simple', b), 'B') || setweight(to_tsvector('simple', r), 'C')
            FROM unnest(${sql.param(rows.map((r) => r.id))}::bigint[], ${sql.param(words.map((w) => w.title))}::text[],
                        ${sql.param(words.map((w) => w.body))}::text[], ${sql.param(words.map((w) => w.replies))}::text[]) AS x(id, t, b, r)
          ON CONFLICT (case_id) DO UPDATE SET vector = EXCLUDED.vector`,
    );
    done += rows.length;
    after = rows.at(-1)!.id;
  }
}
