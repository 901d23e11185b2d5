/**
 * The features of a message for the dispatch model: jieba words of the title and the body
 * (title words counted `titleWeight` times, since a title names the matter in a few words)
 * and the single characters and character bigrams of each run of Chinese characters (they
 * catch what segmentation splits differently from one text to the next: 社保局 / 社保 / 保局;
 * measured on the shipped messages, characters and bigrams together beat bigrams alone).
 * Digits are folded to "0" first, so that place codes (A2区, K7县) and dates become one term
 * each.
 *
 * A `FeatureSpace` turns those terms into sparse vectors: a vocabulary fixed at training time
 * (terms seen in at least `minDf` texts, labelled or not), inverse document frequencies, a
 * sublinear term frequency, and unit length — so that long and short messages weigh alike.
 */
import type { Segmenter } from '../../../platform/text/segmenter.js';

/** How a text becomes terms. Part of a trained model: classification must cut alike. */
export interface TermOptions {
  /** How many times a title's term counts against a body's once. */
  titleWeight: number;
  /** Character n-gram lengths taken from runs of Chinese characters (e.g. [2]). */
  charNgrams: number[];
}

export const DEFAULT_TERM_OPTIONS: TermOptions = { titleWeight: 2, charNgrams: [1, 2] };

/** Marks a character n-gram term, so that it never meets a word of the same letters. */
export const NGRAM_MARK = '~';

/** A sparse vector: ascending feature ids and their values. */
export interface SparseVector {
  ids: Int32Array;
  values: Float64Array;
}

const HAN_RUN = /\p{Script=Han}+/gu;
const DIGITS = /[0-9０-９]+/gu;

/** Excel's escape of a carriage return, left in texts exported from spreadsheets. */
const EXCEL_CR = /_x000d_/giu;

/** The text as the model reads it: NFKC (full-width letters and digits to ASCII), digits as 0, lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(EXCEL_CR, ' ').replace(DIGITS, '0').toLowerCase();
}

function addNgrams(text: string, sizes: readonly number[], weight: number, into: Map<string, number>): void {
  const longest = Math.max(0, ...sizes);
  for (const run of text.match(HAN_RUN) ?? []) {
    const recent: string[] = []; // the last `longest` characters of the run
    for (const ch of run) {
      recent.push(ch);
      if (recent.length > longest) recent.shift();
      for (const n of sizes) {
        if (n > recent.length) continue;
        let term = NGRAM_MARK;
        for (let j = recent.length - n; j < recent.length; j++) term += recent[j]!;
        into.set(term, (into.get(term) ?? 0) + weight);
      }
    }
  }
}

/** The distinct character n-gram terms (marked) of a text, e.g. of one word. */
export function ngramTerms(text: string, sizes: readonly number[]): string[] {
  const into = new Map<string, number>();
  addNgrams(text, sizes, 1, into);
  return [...into.keys()];
}

/** Terms of a message with their (title-weighted) counts. */
export function messageTerms(seg: Segmenter, title: string, body: string, options: TermOptions): Map<string, number> {
  const terms = new Map<string, number>();
  const t = normalizeText(title);
  const b = normalizeText(body);
  for (const w of seg.words(t)) terms.set(w, (terms.get(w) ?? 0) + options.titleWeight);
  for (const w of seg.words(b)) terms.set(w, (terms.get(w) ?? 0) + 1);
  if (options.charNgrams.length > 0) {
    addNgrams(t, options.charNgrams, options.titleWeight, terms);
    addNgrams(b, options.charNgrams, 1, terms);
  }
  return terms;
}

/** Terms of a text as ids of a `TermDictionary`, with their counts. */
export interface Bag {
  ids: Int32Array;
  counts: Float64Array;
}

/** Gives each term seen an id, so that texts cut once are counted and mapped as numbers (training). */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];

  bag(counts: ReadonlyMap<string, number>): Bag {
    const ids = new Int32Array(counts.size);
    const values = new Float64Array(counts.size);
    let i = 0;
    for (const [term, count] of counts) {
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.ids.set(term, id);
        this.terms.push(term);
      }
      ids[i] = id;
      values[i++] = count;
    }
    return { ids, counts: values };
  }
}

/** A vocabulary with inverse document frequencies; turns term counts into unit-length vectors. */
export class FeatureSpace {
  private readonly index: Map<string, number>;
  /** Scratch values by feature id while a vector is built (zero between calls). */
  private readonly scratch: Float64Array;

  constructor(
    /** Feature id → term. */
    readonly terms: readonly string[],
    /** Feature id → inverse document frequency (single precision, as stored). */
    readonly idf: Float32Array,
    /** Training only: dictionary id → feature id (-1: not in the vocabulary). */
    private readonly fromDictionary?: Int32Array,
  ) {
    this.index = new Map(terms.map((t, i) => [t, i]));
    this.scratch = new Float64Array(terms.length);
  }

  /**
   * Terms in at least `minDf` of the texts, ordered by term so that the ids do not depend on
   * the order texts were cut. (The keyword priors are not among the texts: their short lists
   * of names would make a category's words look common, and a name no message uses is of
   * no help.)
   */
  static fit(bags: readonly Bag[], dictionary: TermDictionary, minDf: number): FeatureSpace {
    const df = new Int32Array(dictionary.terms.length);
    for (const bag of bags) for (const id of bag.ids) df[id]!++;
    const kept: number[] = [];
    df.forEach((d, id) => {
      if (d >= Math.max(1, minDf)) kept.push(id);
    });
    const terms = dictionary.terms;
    kept.sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
    const n = bags.length;
    const idf = Float32Array.from(kept, (id) => Math.log((n + 1) / (df[id]! + 1)) + 1);
    const fromDictionary = new Int32Array(terms.length).fill(-1);
    kept.forEach((id, f) => (fromDictionary[id] = f));
    return new FeatureSpace(
      kept.map((id) => terms[id]!),
      idf,
      fromDictionary,
    );
  }

  get size(): number {
    return this.terms.length;
  }

  idOf(term: string): number | undefined {
    return this.index.get(term);
  }

  /** (1 + log count) × idf over the known terms, scaled to unit length. */
  vector(counts: ReadonlyMap<string, number>): SparseVector {
    const ids: number[] = [];
    for (const [term, count] of counts) {
      const id = this.index.get(term);
      if (id !== undefined && count > 0) {
        ids.push(id);
        this.scratch[id] = count;
      }
    }
    return this.build(Int32Array.from(ids));
  }

  /** The vector of a bag of the dictionary the space was fitted with (same values as `vector`). */
  vectorOfBag(bag: Bag): SparseVector {
    if (!this.fromDictionary) throw new Error('this feature space was not fitted on a dictionary');
    const ids: number[] = [];
    for (let i = 0; i < bag.ids.length; i++) {
      const id = bag.ids[i]! < this.fromDictionary.length ? this.fromDictionary[bag.ids[i]!]! : -1;
      if (id >= 0 && bag.counts[i]! > 0) {
        ids.push(id);
        this.scratch[id] = bag.counts[i]!;
      }
    }
    return this.build(Int32Array.from(ids));
  }

  /** From the ids whose counts are in `scratch`: sorted, weighted, normalized; clears `scratch`. */
  private build(ids: Int32Array): SparseVector {
    ids.sort();
    const values = new Float64Array(ids.length);
    let norm = 0;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      const v = (1 + Math.log(this.scratch[id]!)) * this.idf[id]!;
      this.scratch[id] = 0;
      values[j] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < values.length; j++) values[j]! /= norm;
    return { ids, values };
  }
}
