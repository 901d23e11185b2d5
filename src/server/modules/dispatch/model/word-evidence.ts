/**
 * The words that drove a suggestion, for the dispatcher to see why: each word of the
 * message scores what its own feature and the character n-grams inside it add to a label
 * against the average label (value × (the label's weight − the mean of the labels'
 * weights)); an n-gram inside several words of the message is shared among them, and one
 * across a word boundary (华苑 in 景蓉 / 华苑) shows nowhere. Words of one character,
 * digits and single letters are not shown.
 */
import { NGRAM_MARK, ngramTerms, type FeatureSpace, type SparseVector, type TermOptions } from './features.js';
import type { LinearScorer } from './learner.js';

const SHOWN = /^(?=.*(?:\p{Script=Han}|\p{L}{2}))[^0]{2,}$/u;

export class WordEvidence {
  private readonly words: string[] = [];
  /** words[i]'s contribution to each label. */
  private readonly rows: Float64Array[] = [];

  constructor(terms: ReadonlyMap<string, number>, x: SparseVector, space: FeatureSpace, scorer: LinearScorer, options: TermOptions) {
    const k = scorer.classes;
    const w = scorer.weights;
    const byTerm = new Map<string, Float64Array>();
    for (let j = 0; j < x.ids.length; j++) {
      const f = x.ids[j]!;
      let mean = 0;
      for (let c = 0; c < k; c++) mean += w[f * k + c]!;
      mean /= k;
      const row = new Float64Array(k);
      for (let c = 0; c < k; c++) row[c] = x.values[j]! * (w[f * k + c]! - mean);
      byTerm.set(space.terms[f]!, row);
    }
    const words = [...terms.keys()].filter((t) => !t.startsWith(NGRAM_MARK) && [...t].length >= 2);
    const ngramsOf = words.map((word) => ngramTerms(word, options.charNgrams).filter((g) => byTerm.has(g)));
    const sharedBy = new Map<string, number>();
    for (const grams of ngramsOf) for (const g of grams) sharedBy.set(g, (sharedBy.get(g) ?? 0) + 1);
    words.forEach((word, i) => {
      if (!SHOWN.test(word)) return;
      const total = new Float64Array(k);
      const own = byTerm.get(word);
      if (own) for (let c = 0; c < k; c++) total[c]! += own[c]!;
      for (const g of ngramsOf[i]!) {
        const row = byTerm.get(g)!;
        const share = sharedBy.get(g)!;
        for (let c = 0; c < k; c++) total[c]! += row[c]! / share;
      }
      this.words.push(word);
      this.rows.push(total);
    });
  }

  /** Up to `n` words that raise `label` most, strongest first (a word inside one already listed is skipped). */
  top(label: number, n: number): string[] {
    const ranked = this.words
      .map((word, i) => ({ word, score: this.rows[i]![label]! }))
      .filter((e) => e.score > 0)
      .sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    const out: string[] = [];
    for (const { word } of ranked) {
      if (out.length >= n) break;
      if (out.some((t) => t.includes(word) || word.includes(t))) continue;
      out.push(word);
    }
    return out;
  }
}
