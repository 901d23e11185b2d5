/**
 * Clustering of unit-length sparse vectors (topic-vectors.ts) that scales to 50,000 cases:
 *
 * 1. **Leader pass.** Cases in a fixed order; each joins the cluster whose centroid (the sum
 *    of its members' vectors) is most similar to it, when the cosine reaches `joinThreshold`,
 *    else starts a cluster. Similarities to every cluster sharing a word are accumulated
 *    at once through an inverted index (word → clusters holding it, with the centroid's
 *    weight), so a case costs the length of its words' posting lists, not the number of clusters.
 * 2. **Merge.** Clusters of two or more, largest first, absorb the clusters whose centroid
 *    is within `mergeThreshold` of theirs (one topic seeded twice by the order of arrival).
 * 3. **Refine.** Rounds of reassignment against the centroids (as in k-means): each case
 *    moves to its most similar cluster, its own cluster counted without it; a case that is
 *    no longer within `joinThreshold` of any cluster leaves and stands alone. This fixes
 *    what the order of the first pass decided and keeps clusters coherent.
 *
 * Everything is in a fixed order with ties broken by index: the same input gives the same clusters.
 */
import type { DocVectors } from './topic-vectors.js';

export interface ClusteringOptions {
  /** Cosine to a cluster's centroid at which a case belongs to it (default 0.3). */
  joinThreshold: number;
  /** Cosine between two centroids at which the clusters are one (default 0.5). */
  mergeThreshold: number;
  /** Reassignment rounds after the merge (default 1: on the real messages a second round changed 1 % of the clusters). */
  refineRounds: number;
}

export const DEFAULT_CLUSTERING_OPTIONS: ClusteringOptions = { joinThreshold: 0.3, mergeThreshold: 0.5, refineRounds: 1 };

/**
 * Centroids with an inverted index: `postCluster[t][k]` is a cluster whose centroid has
 * word t with weight `postWeight[t][k]`; `slots[c]` maps the cluster's words to k.
 */
class CentroidIndex {
  private readonly postCluster: Array<number[] | undefined>;
  private readonly postWeight: Array<number[] | undefined>;
  private readonly slots: Array<Map<number, number>> = [];
  readonly norm2: number[] = [];
  /** 1 / √norm2: cosine = dot · invNorm. */
  readonly invNorm: number[] = [];
  readonly size: number[] = [];
  readonly alive: boolean[] = [];
  /** After `dots`: the clusters met, and the dot product with each (`acc[c]`); `clear()` resets. */
  readonly touched: number[] = [];
  acc: Float64Array;

  constructor(private readonly v: DocVectors) {
    this.postCluster = new Array<number[] | undefined>(v.vocabulary.length);
    this.postWeight = new Array<number[] | undefined>(v.vocabulary.length);
    this.acc = new Float64Array(1024);
  }

  get count(): number {
    return this.size.length;
  }

  /** A new cluster holding case `doc`. */
  open(doc: number): number {
    const c = this.size.length;
    this.slots.push(new Map());
    this.norm2.push(0);
    this.invNorm.push(0);
    this.size.push(0);
    this.alive.push(true);
    if (c >= this.acc.length) {
      const acc = new Float64Array(this.acc.length * 2);
      acc.set(this.acc);
      this.acc = acc;
    }
    this.add(c, doc, 0);
    return c;
  }

  /** Adds case `doc` to cluster c; `dot` is the case's dot product with the centroid before. */
  add(c: number, doc: number, dot: number): void {
    const { start, term, weight } = this.v;
    const slots = this.slots[c]!;
    let self = 0;
    for (let a = start[doc]!; a < start[doc + 1]!; a++) {
      const t = term[a]!;
      const w = weight[a]!;
      self += w * w;
      const k = slots.get(t);
      if (k === undefined) this.post(t, c, w, slots);
      else this.postWeight[t]![k]! += w;
    }
    this.norm2[c]! += 2 * dot + self;
    this.invNorm[c] = this.norm2[c]! > 0 ? 1 / Math.sqrt(this.norm2[c]!) : 0;
    this.size[c]!++;
  }

  private post(t: number, c: number, w: number, slots: Map<number, number>): void {
    let pc = this.postCluster[t];
    if (pc === undefined) {
      pc = this.postCluster[t] = [];
      this.postWeight[t] = [];
    }
    slots.set(t, pc.length);
    pc.push(c);
    this.postWeight[t]!.push(w);
  }

  /** Dot products of case `doc` with every centroid sharing a word, into `touched` and `acc`. */
  dots(doc: number): void {
    const { start, term, weight } = this.v;
    for (let a = start[doc]!; a < start[doc + 1]!; a++) this.accumulate(term[a]!, weight[a]!, -1);
  }

  /** Dot products of cluster a's centroid with every other centroid sharing a word. */
  centroidDots(a: number): void {
    for (const [t, k] of this.slots[a]!) this.accumulate(t, this.postWeight[t]![k]!, a);
  }

  private accumulate(t: number, w: number, skip: number): void {
    const pc = this.postCluster[t];
    if (pc === undefined) return;
    const pw = this.postWeight[t]!;
    const acc = this.acc;
    const touched = this.touched;
    for (let k = 0; k < pc.length; k++) {
      const c = pc[k]!;
      const x = pw[k]!;
      if (c === skip || x === 0) continue;
      if (acc[c] === 0) touched.push(c);
      acc[c]! += w * x;
    }
  }

  /** Ready for the next `dots`. */
  clear(): void {
    for (const c of this.touched) this.acc[c] = 0;
    this.touched.length = 0;
  }

  /** Cluster b's members' weights added to cluster a; b is closed. */
  absorb(a: number, b: number): void {
    const sa = this.slots[a]!;
    let dot = 0;
    for (const [t, k] of this.slots[b]!) {
      const pw = this.postWeight[t]!;
      const wb = pw[k]!;
      const j = sa.get(t);
      if (j === undefined) this.post(t, a, wb, sa);
      else {
        dot += pw[j]! * wb;
        pw[j]! += wb;
      }
      pw[k] = 0;
    }
    this.slots[b]!.clear();
    this.norm2[a]! += 2 * dot + this.norm2[b]!;
    this.invNorm[a] = 1 / Math.sqrt(this.norm2[a]!);
    this.size[a]! += this.size[b]!;
    this.alive[b] = false;
    this.size[b] = 0;
  }

  /** Dot product of case `doc` with cluster c's centroid. */
  dotWith(c: number, doc: number): number {
    const { start, term, weight } = this.v;
    const slots = this.slots[c]!;
    let dot = 0;
    for (let a = start[doc]!; a < start[doc + 1]!; a++) {
      const k = slots.get(term[a]!);
      if (k !== undefined) dot += weight[a]! * this.postWeight[term[a]!]![k]!;
    }
    return dot;
  }
}

/** The centroids of an assignment, renumbered in order of first member; `clusterOf` maps cases to them. */
function centroidsOf(v: DocVectors, assignment: Int32Array): { index: CentroidIndex; clusterOf: Int32Array } {
  const index = new CentroidIndex(v);
  const renumber = new Map<number, number>();
  const clusterOf = new Int32Array(v.n);
  for (let d = 0; d < v.n; d++) {
    const old = assignment[d]!;
    let c = renumber.get(old);
    if (c === undefined) {
      c = index.open(d);
      renumber.set(old, c);
    } else index.add(c, d, index.dotWith(c, d));
    clusterOf[d] = c;
  }
  return { index, clusterOf };
}

/**
 * Cluster of each case (cluster numbers are arbitrary; every case has one, alone if need be).
 * `order`: the order of the leader pass (e.g. by time of arrival).
 */
export function clusterVectors(v: DocVectors, order: readonly number[], options: Partial<ClusteringOptions> = {}): Int32Array {
  const o = { ...DEFAULT_CLUSTERING_OPTIONS, ...options };
  let assignment = new Int32Array(v.n);

  // 1. Leader pass.
  const index = new CentroidIndex(v);
  for (const d of order) {
    index.dots(d);
    let best = -1;
    let bestSim = 0;
    for (const c of index.touched) {
      const sim = index.acc[c]! * index.invNorm[c]!;
      if (sim > bestSim || (sim === bestSim && c < best)) {
        best = c;
        bestSim = sim;
      }
    }
    const bestDot = best >= 0 ? index.acc[best]! : 0;
    index.clear();
    if (best >= 0 && bestSim >= o.joinThreshold) {
      index.add(best, d, bestDot);
      assignment[d] = best;
    } else assignment[d] = index.open(d);
  }

  // 2. Merge: largest clusters first absorb the clusters whose centroid is close to theirs.
  const bySize = [...Array(index.count).keys()].filter((c) => index.size[c]! >= 2).sort((a, b) => index.size[b]! - index.size[a]! || a - b);
  const mergedInto = Int32Array.from({ length: index.count }, (_, c) => c);
  for (const a of bySize) {
    if (!index.alive[a]) continue;
    index.centroidDots(a);
    const absorbed = index.touched.filter((b) => index.alive[b] && index.size[b]! >= 2 && index.acc[b]! * index.invNorm[a]! * index.invNorm[b]! >= o.mergeThreshold);
    index.clear();
    for (const b of absorbed.sort((x, y) => x - y)) {
      index.absorb(a, b);
      mergedInto[b] = a;
    }
  }
  for (let d = 0; d < v.n; d++) {
    let c = assignment[d]!;
    while (mergedInto[c] !== c) c = mergedInto[c]!;
    assignment[d] = c;
  }

  // 3. Refine: reassign every case against the centroids of the previous round.
  for (let round = 0; round < o.refineRounds; round++) {
    const { index: idx, clusterOf } = centroidsOf(v, assignment);
    const next = new Int32Array(v.n);
    let alone = idx.count;
    let moved = 0;
    for (const d of order) {
      const own = clusterOf[d]!;
      idx.dots(d);
      let best = -1;
      let bestSim = -1;
      for (const c of idx.touched) {
        const dot = idx.acc[c]!;
        let sim: number;
        if (c === own) {
          // The centroid without this case (whose vector has length 1).
          const rest = idx.norm2[c]! - 2 * dot + 1;
          sim = rest > 1e-9 ? (dot - 1) / Math.sqrt(rest) : 0;
        } else sim = dot * idx.invNorm[c]!;
        if (sim > bestSim || (sim === bestSim && c < best)) {
          best = c;
          bestSim = sim;
        }
      }
      idx.clear();
      const target = bestSim >= o.joinThreshold ? best : idx.size[own] === 1 ? own : alone++;
      if (target !== own) moved++;
      next[d] = target;
    }
    assignment = next;
    if (moved === 0) break;
  }
  return assignment;
}
