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
  const [places, categories, terms] = await Promise.all([placeAndUnitNames(ex), listCategories(ex, { activeOnly: false }), ex.select({ word: searchTerms.word }).from(searchTerms)]);
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

/** The filter "the case's words hold every term" (a semi-join the GIN index answers). */
export function matchesTerms(terms: readonly QueryTerm[]): SQL {
  return sql`${cases.id} IN (SELECT s.case_id FROM case_search s WHERE s.vector @@ (${tsquery(terms)}))`;
}

/** How well a case's words match the terms (PostgreSQL's ts_rank: title words weigh most). */
export function rankOf(terms: readonly QueryTerm[]): SQL {
  return sql`(SELECT ts_rank(s.vector, ${tsquery(terms)}) FROM case_search s WHERE s.case_id = cases.id)`;
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
