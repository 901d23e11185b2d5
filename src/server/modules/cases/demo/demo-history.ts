/**
 * The demo district's history: the 4,326 real messages of the votes file
 * (assets/data/messages-with-votes.jsonl.gz) as past, closed cases, so hot issues,
 * 每月一题 and the dashboard show real content on first start (issue #4 point 8).
 *
 * Their year (2019) is moved onto the last twelve months, keeping each message's place in
 * it, so bursts stay bursts and recurring problems recur. The data's districts ("A3区")
 * become the demo's streets (the same district, the same street), each message one of that
 * street's grids. Category: the demo's title rules, where one applies; the unit that handled
 * it: the one intake would have routed it to (the dispatch model learns from both). Written in bulk
 * (not through intake: 4,326 intakes would take half a minute), with their search words,
 * and summed up in the seed's audit entry.
 */
import { sql } from 'drizzle-orm';
import { readShippedJsonl } from '../../../platform/data/shipped.js';
import { queryRows, type Executor } from '../../../platform/db/database.js';
import { intakeWords, segmenterFor } from '../search/case-search.js';
import { categoryPathOf, EXCLUDED, localize, typeOf } from './demo-messages.js';

interface VoteLine {
  id: string;
  title: string;
  submitted_at: string;
  body: string;
}

interface HistoryGrid {
  id: number;
  path: string;
  /** The grid's street, as an index into the demo's streets. */
  street: number;
}

const DAY = 86_400_000;
const CHUNK = 500;

/**
 * "2019/4/25 9:32:09", "2019-04-25 09:32:09", or a spreadsheet's day number (43699.5: days
 * since 1899-12-30, as 129 of the lines have it) → ms (as if UTC: only differences matter).
 */
function timeOf(s: string): number | undefined {
  if (/^\d{5}(\.\d+)?$/.test(s.trim())) return Date.UTC(1899, 11, 30) + Number(s) * DAY;
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(s.trim());
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 9), Number(m[5] ?? 0), Number(m[6] ?? 0)) : undefined;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Loads the history; returns how many cases it wrote. */
export async function seedCaseHistory(ex: Executor, grids: readonly HistoryGrid[], categories: ReadonlyMap<string, number>, now: Date): Promise<number> {
  const lines = readShippedJsonl<VoteLine>('messages-with-votes').filter((m) => !EXCLUDED.test(m.title) && m.body.length >= 20);
  const times = lines.map((m) => timeOf(m.submitted_at));
  // The year the messages span, without the few stray dates (2017, 2018) a spreadsheet left.
  const known = times.filter((t): t is number => t !== undefined).sort((a, b) => a - b);
  const [first, last] = [known[Math.floor(known.length * 0.005)]!, known[Math.ceil(known.length * 0.995) - 1]!];
  const end = now.getTime() - DAY;
  const span = 363 * DAY;
  const streets = Math.max(1, ...grids.map((g) => g.street + 1));
  const seg = await segmenterFor(ex);
  const rows = lines.flatMap((m, i) => {
    const t = times[i];
    if (t === undefined) return [];
    const at = new Date(end - span + ((Math.min(last, Math.max(first, t)) - first) / Math.max(1, last - first)) * span);
    const district = /A(\d{1,2}) ?[区县]/.exec(m.title + m.body)?.[1];
    const street = district !== undefined ? Number(district) % streets : hash(m.id) % streets;
    const inStreet = grids.filter((g) => g.street === street);
    const grid = (inStreet.length > 0 ? inStreet : grids)[hash(m.id) % (inStreet.length || grids.length)]!;
    const title = localize(m.title).slice(0, 100);
    const body = localize(m.body).slice(0, 5000);
    const words = intakeWords(seg, { title, description: body, address: null });
    const categoryPath = categoryPathOf(m.title);
    return [{ i, title, body, at, grid, type: typeOf(m.title), categoryId: categoryPath ? (categories.get(categoryPath) ?? null) : null, words }];
  });
  rows.sort((a, b) => a.at.getTime() - b.at.getTime()); // ids in time order, as intake gives them
  for (let from = 0; from < rows.length; from += CHUNK) await writeChunk(ex, rows.slice(from, from + CHUNK), now);
  return rows.length;
}

type HistoryRow = { i: number; title: string; body: string; at: Date; grid: HistoryGrid; type: string; categoryId: number | null; words: { title: string; body: string } };

interface Handling {
  intakeLate: boolean;
  signLate: boolean;
  /** Days from submission to the reply (the feedback deadline is 7 days). */
  replyDays: number;
  returned: boolean;
  rating: 'satisfied' | 'basic' | 'dissatisfied';
  resolved: boolean;
}

/**
 * How a past case went, for the assessment's figures: mostly on time and satisfied, less so
 * the higher the street's index, so that the demo's rankings and trends have something to show.
 */
function handlingOf(i: number, street: number): Handling {
  const roll = (k: string) => hash(`${i}:${k}`) % 100;
  const slack = 4 + street * 3;
  const late = roll('reply') < slack;
  const r = roll('rating');
  const rating = r < 70 - street * 4 ? 'satisfied' : r < 90 - street * 3 ? 'basic' : 'dissatisfied';
  return {
    intakeLate: roll('intake') < slack / 2,
    signLate: roll('sign') < slack,
    replyDays: late ? 8 + (roll('days') % 4) : 2 + (roll('days') % 5),
    returned: roll('verify') < slack,
    rating,
    resolved: rating === 'satisfied' || (rating === 'basic' && roll('resolved') < 70),
  };
}

/** One chunk of cases and their search entries, in one statement. Numbers: the day's, from 900001 on (intake counts from 1). */
async function writeChunk(ex: Executor, chunk: readonly HistoryRow[], now: Date): Promise<void> {
  const col = <T>(f: (r: HistoryRow) => T) => sql.param(chunk.map(f));
  const h = chunk.map((r) => handlingOf(r.i, r.grid.street));
  const how = <T>(f: (x: Handling) => T) => sql.param(h.map(f));
  await queryRows(
    ex,
    sql`WITH x AS (
          SELECT * FROM unnest(${col((r) => r.i)}::int[], ${col((r) => r.title)}::text[], ${col((r) => r.body)}::text[], ${col((r) => r.at.toISOString())}::timestamptz[],
                               ${col((r) => r.grid.id)}::bigint[], ${col((r) => r.grid.path)}::text[], ${col((r) => r.type)}::text[], ${col((r) => r.categoryId)}::bigint[],
                               ${col((r) => r.words.title)}::text[], ${col((r) => r.words.body)}::text[],
                               ${how((x) => x.intakeLate)}::boolean[], ${how((x) => x.signLate)}::boolean[], ${how((x) => x.replyDays)}::int[], ${how((x) => x.returned)}::boolean[],
                               ${how((x) => x.rating)}::text[], ${how((x) => x.resolved)}::boolean[])
                 AS x(i, title, body, at, node_id, path, type, category_id, wt, wb, intake_late, sign_late, reply_days, returned, rating, resolved)
        ), done AS (
          SELECT x.*, x.at + CASE WHEN x.intake_late THEN interval '4 hours' ELSE interval '1 hour' END AS dispatched,
                 least(x.at + make_interval(days => x.reply_days), ${now}::timestamptz) AS replied,
                 least(x.at + make_interval(days => x.reply_days + 1), ${now}::timestamptz) AS closed
            FROM x
        ), made AS (
          INSERT INTO cases (number, tracking_hash, type, title, description, category_id, node_id, area_path, channel, urgency, is_public, state, rating, resolved,
                             lead_org_id, dispatch_mode, dispatched_at, submitted_at, closed_at, updated_at,
                             taken_at, intake_late, sign_due_at, signed_at, feedback_due_at, replied_at, rated_at, verified_at, return_count)
          SELECT to_char(x.at, 'YYYYMMDD') || '-' || (900001 + x.i), md5('history' || x.i || random()), x.type, x.title, x.body, x.category_id, x.node_id, x.path, 'web', 'general', true, 'closed',
                 x.rating, x.resolved, route.org_id, route.mode, x.dispatched, x.at, x.closed, x.closed,
                 x.dispatched, x.intake_late,
                 x.dispatched + interval '2 hours', x.dispatched + CASE WHEN x.sign_late THEN interval '3 hours' ELSE interval '1 hour' END,
                 x.at + interval '7 days', x.replied, x.closed, x.closed, x.returned::int
            FROM done x LEFT JOIN case_categories cc ON cc.id = x.category_id
                   CROSS JOIN LATERAL case_route(cc.path, x.path) AS route
          RETURNING id, number
        )
        INSERT INTO case_search (case_id, vector)
        SELECT made.id, setweight(to_tsvector('simple', x.wt), 'A') || setweight(to_tsvector('simple', x.wb), 'B')
          FROM made JOIN x ON made.number = to_char(x.at, 'YYYYMMDD') || '-' || (900001 + x.i)
        RETURNING case_id`,
  );
}
