/**
 * Hot issues (issue #4, DOMAIN.md §3): the cases of a time window grouped by the problem
 * they describe, each group with its places, its counts per week or month, its trend, a
 * representative case and a score to rank by. Pure: cases in, clusters out.
 *
 * The pipeline: topic words of each case (topic-words.ts: boilerplate, places and numbers
 * left out, and the cases' own places — `place.name`, `placeNames` — too, so that a problem
 * reported in ten grids is one issue with ten places, not ten issues); TF-IDF vectors with
 * the title weighted (topic-vectors.ts); leader clustering over an inverted index, merge,
 * reassignment (leader-clustering.ts); then per cluster a label (cluster-labels.ts), places,
 * counts per bucket and trend (time-buckets.ts), the member nearest the centroid, and a score.
 * Deterministic: the same cases in any order give the same issues.
 */
import { DEFAULT_TIME_ZONE } from '../../../platform/context.js';
import { labelOf, labelScratch, type LabelScratch } from './cluster-labels.js';
import { clusterVectors, type ClusteringOptions } from './leader-clustering.js';
import { bucketOf, timeBuckets, trendOf, type BucketUnit, type TimeBuckets, type Trend } from './time-buckets.js';
import { buildVectors, type DocVectors, type TopicWords, type VectorOptions, type WordCutter } from './topic-vectors.js';

export type ItemId = number | string;

/** A case, as the clustering sees it. */
export interface HotItem {
  id: ItemId;
  title: string;
  body: string;
  /** When it was submitted. */
  at: Date;
  /** The grid or community it belongs to. */
  place?: { id: ItemId; name: string } | null;
  categoryId?: number | null;
  /** How much it counts, e.g. 1 + likes ("我也遇到"); 1 when absent, and at least 1. */
  weight?: number;
  /** Its topic words cut beforehand (`topicWordsOf`), to skip cutting its texts: most of a run's time. */
  words?: TopicWords | null;
}

export interface HotIssueOptions extends Partial<VectorOptions>, Partial<ClusteringOptions> {
  /** Cuts texts into words: the platform's `Segmenter` (create it once, it takes a second). */
  segmenter: WordCutter;
  /** Window [from, to): cases outside are ignored. Default: from the first case to just after the last. */
  from?: Date;
  to?: Date;
  /** Trend buckets (default 'week'). */
  bucket?: BucketUnit;
  /** Zone of weeks and months (default Asia/Shanghai). */
  timeZone?: string;
  /** Smallest cluster reported (default 3). */
  minClusterSize?: number;
  /** Half-life of a case's contribution to the score, in days (default a quarter of the window). */
  halfLifeDays?: number;
  /** Place names of the deployment (grids, communities, streets) to keep out of topics, besides the cases' own. */
  placeNames?: readonly string[];
  /** Most clusters returned, best first (default all). */
  limit?: number;
}

export interface PlaceCount {
  id: ItemId;
  name: string;
  count: number;
}

export interface BucketCount {
  /** `YYYY-MM` or the week's Monday `YYYY-MM-DD`. */
  bucket: string;
  count: number;
}

export interface HotIssue {
  /** "噪音 / 施工 / 夜间" */
  label: string;
  /** The label's 2–4 words, best first, and the share of members having each. */
  keywords: string[];
  keywordShares: number[];
  /** The cases, the most typical first (for drill-down). */
  memberIds: ItemId[];
  size: number;
  /** Sum of the members' weights. */
  weightedSize: number;
  /** Members per place, most first (cases without a place are not counted). */
  places: PlaceCount[];
  /** Members per category, most first. */
  categories: Array<{ categoryId: number; count: number }>;
  /** Members per bucket over the whole window (sums to `size`). */
  series: BucketCount[];
  trend: Trend;
  /** The member nearest the centroid. */
  representativeId: ItemId;
  /** Mean cosine similarity of two members (0–1): how alike the cluster's cases are. */
  cohesion: number;
  firstAt: Date;
  lastAt: Date;
  /**
   * What hot issues are ranked by: Σ over members of (1 + ln weight) · ½^(age / half-life),
   * age counted back from the window's end, times (1 + ½ · growth clamped to 0–2 · min(1,
   * last bucket's cases / 5)).
   * Volume, support, recency and growth, in that order of importance.
   */
  score: number;
}

/** What a run computed, for callers that need more than the issues (每月一题, the benchmark). */
export interface HotIssueRun {
  issues: HotIssue[];
  buckets: TimeBuckets;
  /** Cases in the window. */
  considered: number;
  /** Cases in a reported cluster (all of them, `limit` aside). */
  clustered: number;
  /** Milliseconds spent cutting words and weighting them, clustering, and describing the clusters. */
  timings: { vectors: number; clustering: number; describing: number };
}

/** Hot issues of `items`, best first. */
export function clusterHotIssues(items: readonly HotItem[], options: HotIssueOptions): HotIssue[] {
  return runHotIssues(items, options).issues;
}

/** As `clusterHotIssues`, with the buckets and counts of the run. */
export function runHotIssues(items: readonly HotItem[], options: HotIssueOptions): HotIssueRun {
  const unit = options.bucket ?? 'week';
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const minSize = Math.max(2, options.minClusterSize ?? 3);
  const seen = new Set<ItemId>();
  for (const it of items) {
    if (seen.has(it.id)) throw new Error(`hot issues: case ${it.id} is listed twice`);
    seen.add(it.id);
  }

  let first = Infinity;
  let last = -Infinity;
  for (const it of items) {
    first = Math.min(first, it.at.getTime());
    last = Math.max(last, it.at.getTime());
  }
  const from = options.from?.getTime() ?? (items.length > 0 ? first : 0);
  const to = options.to?.getTime() ?? (items.length > 0 ? last + 1 : 1);
  // Arrival order, ties by id: the leader pass and every tie-break follow it.
  const inWindow = items
    .filter((it) => it.at.getTime() >= from && it.at.getTime() < to)
    .map((it) => ({ it, at: it.at.getTime() }))
    .sort((a, b) => a.at - b.at || compareIds(a.it.id, b.it.id))
    .map((x) => x.it);
  const timings = { vectors: 0, clustering: 0, describing: 0 };
  if (inWindow.length === 0) return { issues: [], buckets: timeBuckets(new Date(from), new Date(Math.max(to, from + 1)), unit, timeZone), considered: 0, clustered: 0, timings };
  const buckets = timeBuckets(new Date(from), new Date(to), unit, timeZone);

  let t = performance.now();
  const stops = placeStops(inWindow, options);
  const v = buildVectors(inWindow, options.segmenter, options, stops);
  timings.vectors = performance.now() - t;
  t = performance.now();
  const order = inWindow.map((_, i) => i);
  const assignment = clusterVectors(v, order, options);
  timings.clustering = performance.now() - t;
  t = performance.now();

  const groups = new Map<number, number[]>();
  for (let d = 0; d < v.n; d++) {
    const c = assignment[d]!;
    const g = groups.get(c);
    if (g) g.push(d);
    else groups.set(c, [d]);
  }
  const halfLifeMs = options.halfLifeDays !== undefined ? options.halfLifeDays * 86_400_000 : (to - from) / 4;
  const issues: HotIssue[] = [];
  let clustered = 0;
  const scratch = { centroid: new Float64Array(v.vocabulary.length), label: labelScratch(v) };
  for (const members of groups.values()) {
    if (members.length < minSize) continue;
    const issue = describe(v, members, inWindow, buckets, halfLifeMs, scratch);
    // A problem is named by two words its cases share at least; cases that share only one
    // (补贴 in "残疾人补贴" and "危房改造补贴") are not one problem.
    if (issue.keywords.length < 2) continue;
    issues.push(issue);
    clustered += members.length;
  }
  issues.sort((a, b) => b.score - a.score || b.size - a.size || compareIds(a.representativeId, b.representativeId));
  timings.describing = performance.now() - t;
  return { issues: options.limit === undefined ? issues : issues.slice(0, options.limit), buckets, considered: inWindow.length, clustered, timings };
}

function compareIds(a: ItemId, b: ItemId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The run's place names and their words, which must not make topics. */
function placeStops(items: readonly HotItem[], options: HotIssueOptions): Set<string> {
  const names = new Set<string>(options.placeNames ?? []);
  for (const it of items) if (it.place?.name) names.add(it.place.name);
  const stops = new Set<string>();
  for (const name of names) {
    const whole = name.trim().toLowerCase();
    if (whole.length >= 2) stops.add(whole);
    for (const w of options.segmenter.words(name)) if (w.length >= 2) stops.add(w);
  }
  return stops;
}

/** Everything reported about one cluster. */
function describe(v: DocVectors, members: number[], items: readonly HotItem[], buckets: TimeBuckets, halfLifeMs: number, scratch: { centroid: Float64Array; label: LabelScratch }): HotIssue {
  // Centroid (sum of member vectors, in a term-indexed scratch array) and each member's similarity to it.
  const { centroid } = scratch;
  const { start, term, weight } = v;
  const terms: number[] = [];
  for (const d of members)
    for (let a = start[d]!; a < start[d + 1]!; a++) {
      if (centroid[term[a]!] === 0) terms.push(term[a]!);
      centroid[term[a]!]! += weight[a]!;
    }
  let norm2 = 0;
  for (const t of terms) norm2 += centroid[t]! * centroid[t]!;
  const sims = new Float64Array(members.length);
  members.forEach((d, k) => {
    let dot = 0;
    for (let a = start[d]!; a < start[d + 1]!; a++) dot += weight[a]! * centroid[term[a]!]!;
    sims[k] = dot;
  });
  for (const t of terms) centroid[t] = 0;
  const typical = members.map((d, k) => ({ d, sim: sims[k]! })).sort((a, b) => b.sim - a.sim || a.d - b.d).map((x) => x.d);
  // Mean pairwise cosine: |Σ d|² = Σ |d|² + Σ_{i≠j} dᵢ·dⱼ, and every |d|² is 1.
  const n = members.length;
  const cohesion = n > 1 ? Math.max(0, (norm2 - n) / (n * (n - 1))) : 1;

  const counts = new Array<number>(buckets.keys.length).fill(0);
  const places = new Map<ItemId, PlaceCount>();
  const categories = new Map<number, number>();
  let weightedSize = 0;
  let heat = 0;
  let firstAt = Infinity;
  let lastAt = -Infinity;
  for (const d of members) {
    const it = items[d]!;
    const at = it.at.getTime();
    counts[bucketOf(buckets, at)]!++;
    const weight = Math.max(1, it.weight ?? 1);
    weightedSize += weight;
    heat += (1 + Math.log(weight)) * 0.5 ** ((buckets.end - at) / halfLifeMs);
    firstAt = Math.min(firstAt, at);
    lastAt = Math.max(lastAt, at);
    if (it.place) {
      const p = places.get(it.place.id);
      if (p) p.count++;
      else places.set(it.place.id, { id: it.place.id, name: it.place.name, count: 1 });
    }
    if (it.categoryId != null) categories.set(it.categoryId, (categories.get(it.categoryId) ?? 0) + 1);
  }
  const trend = trendOf(counts, buckets.lastShare);
  const label = labelOf(v, members, {}, scratch.label);
  return {
    label: label.label,
    keywords: label.keywords,
    keywordShares: label.shares.map((s) => Math.round(s * 1000) / 1000),
    memberIds: typical.map((d) => items[d]!.id),
    size: n,
    weightedSize,
    places: [...places.values()].sort((a, b) => b.count - a.count || compareIds(a.id, b.id)),
    categories: [...categories].map(([categoryId, count]) => ({ categoryId, count })).sort((a, b) => b.count - a.count || a.categoryId - b.categoryId),
    series: buckets.keys.map((bucket, i) => ({ bucket, count: counts[i]! })),
    trend,
    representativeId: items[typical[0]!]!.id,
    cohesion: Math.round(cohesion * 1000) / 1000,
    firstAt: new Date(firstAt),
    lastAt: new Date(lastAt),
    // Growth of a handful of cases is noise: it counts fully from 5 cases in the last bucket.
    score: heat * (1 + 0.5 * Math.min(2, Math.max(0, trend.growth)) * Math.min(1, trend.last / 5)),
  };
}
