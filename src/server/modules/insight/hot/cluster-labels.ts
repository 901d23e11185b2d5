/**
 * A cluster's label: the 2–4 words most of its members share and few other cases use —
 * each word scored by the share of members having it, times its rarity in the whole set
 * (log N / df), up to three times as much for a word of every member's title (where the
 * problem is named).
 * A word is taken only if at least `minShare` of the members have it (the first word
 * as long as any two do), and not when it is part of a word already taken or holds one
 * (施工 after 施工噪音), so the label reads as a few distinct words: "噪音 / 施工 / 夜间".
 */
import { CATEGORY_PREFIX, type DocVectors } from './topic-vectors.js';

export interface ClusterLabel {
  /** The words, best first. */
  keywords: string[];
  /** Share of members having each keyword. */
  shares: number[];
  /** "噪音 / 施工 / 夜间" */
  label: string;
}

export interface LabelOptions {
  /** Most words in a label (default 4). */
  maxWords: number;
  /** Least share of members a second or later word must have (default 0.3). */
  minShare: number;
}

const DEFAULT_LABEL_OPTIONS: LabelOptions = { maxWords: 4, minShare: 0.3 };

/** Counting space for `labelOf`, one slot per term: make it once per run, not per cluster. */
export interface LabelScratch {
  inMembers: Int32Array;
  inTitles: Int32Array;
}

export function labelScratch(v: DocVectors): LabelScratch {
  return { inMembers: new Int32Array(v.vocabulary.length), inTitles: new Int32Array(v.vocabulary.length) };
}

/** Label of the cluster made of cases `members`. */
export function labelOf(v: DocVectors, members: readonly number[], options: Partial<LabelOptions> = {}, scratch: LabelScratch = labelScratch(v)): ClusterLabel {
  const o = { ...DEFAULT_LABEL_OPTIONS, ...options };
  const { inMembers, inTitles } = scratch;
  const met: number[] = [];
  for (const d of members) {
    for (let a = v.wordStart[d]!; a < v.wordStart[d + 1]!; a++) if (inMembers[v.words[a]!]!++ === 0) met.push(v.words[a]!);
    for (let a = v.titleStart[d]!; a < v.titleStart[d + 1]!; a++) inTitles[v.titleWords[a]!]!++;
  }
  const size = members.length;
  const candidates: Array<{ t: number; share: number; score: number }> = [];
  for (const t of met) {
    const count = inMembers[t]!;
    const inTitle = inTitles[t]!;
    inMembers[t] = 0;
    inTitles[t] = 0;
    if (count < 2 || v.vocabulary[t]!.startsWith(CATEGORY_PREFIX)) continue;
    const share = count / size;
    const rarity = Math.log((v.n + 1) / v.df[t]!);
    candidates.push({ t, share, score: share * rarity * (1 + 2 * (inTitle / size)) });
  }
  candidates.sort((a, b) => b.score - a.score || a.t - b.t);
  const keywords: string[] = [];
  const shares: number[] = [];
  for (const c of candidates) {
    if (keywords.length >= o.maxWords) break;
    if (keywords.length > 0 && c.share < o.minShare) continue;
    const w = v.vocabulary[c.t]!;
    if (keywords.some((k) => k.includes(w) || w.includes(k))) continue;
    keywords.push(w);
    shares.push(c.share);
  }
  return { keywords, shares, label: keywords.join(' / ') };
}
