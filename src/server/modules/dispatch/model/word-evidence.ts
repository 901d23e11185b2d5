/**
 * The words that drove a suggestion, for the dispatcher to see why: each word of the
 * message scores what its own feature and the character n-grams inside it add to a label
 * against the average label (value × (the label's weight − the mean of the labels'
 * weights)); an n-gram inside several words of the message is shared among them, and one
 * across a word boundary (华苑 in 景蓉 / 华苑) shows nowhere. Words of one character,
 * digits and single letters are not shown.
 */
import type { FeatureSpace, SparseVector } from './features.js';
import type { LinearScorer } from './learner.js';

const SHOWN = /^(?=.*(?:\p{Script=Han}|\p{L}{2}))[^0]+$/u;

/**
 * The words of a message with their contributions to `labels` (the suggestions to explain):
 * `words` are the message's distinct words, `x` its vector, `means` each feature's mean
 * weight over all labels.
 */
export function wordEvidence(words: readonly string[], x: SparseVector, space: FeatureSpace, scorer: LinearScorer, means: Float32Array, labels: readonly number[], ngramSizes: ReadonlyArray<1 | 2>): Array<{ word: string; scores: number[] }> {
  const k = scorer.classes;
  const w = scorer.weights;
  const value = new Map<number, number>();
  for (let j = 0; j < x.ids.length; j++) value.set(x.ids[j]!, x.values[j]!);
  const add = (id: number, factor: number, into: number[]) => {
    const v = value.get(id)! * factor;
    for (let i = 0; i < labels.length; i++) into[i]! += v * (w[id * k + labels[i]!]! - means[id]!);
  };
  const shown: string[] = [];
  const inside: number[][] = [];
  const sharedBy = new Map<number, number>();
  for (const word of words) {
    if (word.length < 2 || !SHOWN.test(word)) continue;
    // the word's n-grams (one with a character that is not Chinese is in no vocabulary: the look-up misses)
    const codes = Array.from(word, (ch) => ch.codePointAt(0)!);
    const ids: number[] = [];
    const take = (id: number) => {
      if (id >= 0 && value.has(id) && !ids.includes(id)) ids.push(id);
    };
    for (let i = 0; i < codes.length; i++) {
      if (ngramSizes.includes(1)) take(space.gramFeature(codes[i]!, -1));
      if (ngramSizes.includes(2) && i > 0) take(space.gramFeature(codes[i - 1]!, codes[i]!));
    }
    for (const id of ids) sharedBy.set(id, (sharedBy.get(id) ?? 0) + 1);
    shown.push(word);
    inside.push(ids);
  }
  return shown.map((word, i) => {
    const scores = labels.map(() => 0);
    const own = space.wordFeature(word);
    if (own >= 0 && value.has(own)) add(own, 1, scores);
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
