/**
 * 疑似重复 (issue #4 point 4): open cases near the same place whose words resemble a
 * matter's, shown to a resident before submitting ("已有类似诉求，我也遇到") and to the
 * dispatcher beside a case (merge instead of handling it twice).
 *
 * Near: the same community or village (the place's ancestor at that level; the place
 * itself when it is above one). Candidates: the open cases there from the last 60 days
 * that share at least one of the matter's telling words, best ts_rank first (the case
 * index answers "open, in this area"; their search entries give the words). Each is then
 * scored by the cosine of the two word sets, title words counting double.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db/database.js';
import { underAny } from '../../../platform/db/like.js';
import type { Segmenter } from '../../../platform/text/segmenter.js';
import { openStates } from '../case.workflow.js';
import { cases } from '../cases.tables.js';
import { segmenterFor } from './case-search.js';

/** A case this similar or more is shown (cosine of the word sets, 0..1); tuned on the real messages (similar-cases.test.ts). */
export const MIN_SIMILARITY = 0.35;
const RECENT_DAYS = 60;
const CANDIDATES = 30;
/** The matter's words asked of the index: the title's first, then the description's. */
const PROBE_WORDS = 16;

/** Words every matter has, which say nothing about which matter it is. */
const GENERIC = new Set(
  '问题 反映 希望 相关 部门 领导 您好 你好 请问 我们 你们 他们 这个 那个 没有 进行 现在 已经 一个 可以 为什么 怎么 什么 市民 居民 群众 解决 情况 请求 要求 投诉 建议 咨询 谢谢 感谢 处理 尽快 严重 存在 关于 目前 由于 因为 所以 但是 而且 还是 如果 时候 这里 那里 这样 一直 非常 很多 多次 今年 去年 本人 我家 政府 有关 工作 方面 影响 导致 出现 发现 经常 不能 不是 就是 没人 无人 每天 长期'.split(' '),
);

export interface SimilarProbe {
  title: string;
  description: string;
  /** Where the matter is (a node id); the search covers its community or village. */
  nodeId: number;
  /** A case not to return (the one being looked at). */
  excludeId?: number;
}

export interface SimilarCase {
  id: number;
  score: number;
}

/** Weighted words of a text: the title's count double; one- character and generic words are left out. */
export function telling(seg: Segmenter, title: string, description: string): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (text: string, w: number) => {
    for (const word of seg.queryTokens(text)) {
      if ([...word].length < 2 || GENERIC.has(word) || /^\d+$/.test(word)) continue;
      weights.set(word, Math.max(weights.get(word) ?? 0, w));
    }
  };
  add(title, 2);
  add(description, 1);
  return weights;
}

/** Cosine of two weighted word sets. */
export function similarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [word, w] of a) dot += w * (b.get(word) ?? 0);
  if (dot === 0) return 0;
  const norm = (m: ReadonlyMap<string, number>) => Math.sqrt([...m.values()].reduce((s, w) => s + w * w, 0));
  return dot / (norm(a) * norm(b));
}

/** The path prefix of "near": the community or village above (or at) the node, else the node. */
async function nearPath(ex: Executor, nodeId: number): Promise<string | undefined> {
  const [row] = await queryRows<{ path: string }>(
    ex,
    sql`SELECT coalesce(
              (SELECT a.path FROM admin_nodes a WHERE a.level IN ('community', 'village') AND n.path LIKE a.path || '%' ORDER BY length(a.path) DESC LIMIT 1),
              n.path) AS path
          FROM admin_nodes n WHERE n.id = ${nodeId}`,
  );
  return row?.path;
}

/**
 * Open cases near the probe's place, within `visible` (a filter on `cases`: what the caller
 * may see), most similar first, at most `limit`, each at least `MIN_SIMILARITY`.
 */
export async function similarOpenCases(ex: Executor, probe: SimilarProbe, visible: SQL | undefined, limit = 5): Promise<SimilarCase[]> {
  const seg = await segmenterFor(ex);
  const words = telling(seg, probe.title, probe.description);
  const path = await nearPath(ex, probe.nodeId);
  if (words.size === 0 || !path) return [];
  const asked = [...words.keys()].slice(0, PROBE_WORDS);
  const anyWord = sql.join(
    asked.map((w) => sql`plainto_tsquery('simple', ${w})`),
    sql` || `,
  );
  const rows = await queryRows<{ id: number; title: string; description: string }>(
    ex,
    sql`SELECT cases.id, cases.title, cases.description
          FROM cases JOIN case_search s ON s.case_id = cases.id
         WHERE cases.state = ANY(${sql.param([...openStates])}::text[]) AND ${underAny(cases.areaPath, [path])}
           AND cases.submitted_at > now() - make_interval(days => ${RECENT_DAYS}) AND cases.id <> ${probe.excludeId ?? 0}
           AND s.vector @@ (${anyWord}) ${visible ? sql`AND ${visible}` : sql``}
         ORDER BY ts_rank(s.vector, ${anyWord}) DESC, cases.id DESC LIMIT ${CANDIDATES}`,
  );
  return rows
    .map((r) => ({ id: Number(r.id), score: similarity(words, telling(seg, r.title, r.description)) }))
    .filter((c) => c.score >= MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, limit);
}
