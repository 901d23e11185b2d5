/**
 * The words that drove a suggestion, for the dispatcher to see why: each word of the
 * message scores what its own feature and the character n-grams inside it add to a label
 * against the average label (value × (the label's weight − the mean of the labels'
 * weights)); an n-gram inside several words of the message is shared among them, and one
 * across a word boundary (华苑 in 景蓉 / 华苑) shows nowhere. Words of one character,
 * digits and single letters are not shown.
 */
import { NGRAM_MARK, type FeatureSpace, type SparseVector } from './features.js';
import type { LinearScorer } from './learner.js';

const SHOWN = /^(?=.*(?:\p{Script=Han}|\p{L}{2}))[^0]+$/u;

/**
 * The words of a message with their contributions to `labels` (the suggestions to explain):
 * `terms` are the message's terms as counted, `x` its vector, `means` each feature's mean
 * weight over all labels.
 */
export function wordEvidence(terms: ReadonlyMap<string, number>, x: SparseVector, space: FeatureSpace, scorer: LinearScorer, means: Float32Array, labels: readonly number[], ngramSizes: readonly number[]): Array<{ word: string; scores: number[] }> {
  const k = scorer.classes;
  const w = scorer.weights;
  const value = new Map<number, number>();
  for (let j = 0; j < x.ids.length; j++) value.set(x.ids[j]!, x.values[j]!);
  const add = (id: number, factor: number, into: number[]) => {
    const v = value.get(id)! * factor;
    for (let i = 0; i < labels.length; i++) into[i]! += v * (w[id * k + labels[i]!]! - means[id]!);
  };
  const words: string[] = [];
  const inside: number[][] = [];
  const sharedBy = new Map<number, number>();
  for (const term of terms.keys()) {
    if (term.startsWith(NGRAM_MARK) || term.length < 2 || !SHOWN.test(term)) continue;
    // n-grams of the word (one across a non-Chinese character is in no vocabulary: the look-up misses)
    const chars = Array.from(term);
    const ids: number[] = [];
    for (const n of ngramSizes) {
      for (let i = 0; i + n <= chars.length; i++) {
        let gram = NGRAM_MARK;
        for (let j = i; j < i + n; j++) gram += chars[j]!;
        const id = space.idOf(gram);
        if (id !== undefined && value.has(id) && !ids.includes(id)) ids.push(id);
      }
    }
    for (const id of ids) sharedBy.set(id, (sharedBy.get(id) ?? 0) + 1);
    words.push(term);
    inside.push(ids);
  }
  return words.map((word, i) => {
    const scores = labels.map(() => 0);
    const own = space.idOf(word);
    if (own !== undefined && value.has(own)) add(own, 1, scores);
    for (const id of inside[i]!) add(id, 1 / sharedBy.get(id)!, scores);
    return { word, scores };
  });
}

/** Up to `n` words that raise the `index`-th explained label most, strongest first (a word inside one already listed is skipped). */
export function topWords(evidence: ReadonlyArray<{ word: string; scores: number[] }>, index: number, n: number): string[] {
  const ranked = evidence
    .filter((e) => e.scores[index]! > 0)
    .sort((a, b) => b.scores[index]! - a.scores[index]! || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const out: string[] = [];
  for (const { word } of ranked) {
    if (out.length >= n) break;
    if (out.some((t) => t.includes(word) || word.includes(t))) continue;
    out.push(word);
  }
  return out;
}
