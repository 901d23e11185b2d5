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
  /** Character n-gram lengths taken from runs of Chinese characters: 1 and/or 2. */
  charNgrams: Array<1 | 2>;
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

/**
 * Ids by a pair of integers (a character and the next, or -1): open addressing over typed
 * arrays, several times faster than a Map when it holds hundreds of thousands of n-grams.
 */
class PairTable {
  private keysA = new Int32Array(1 << 16);
  private keysB = new Int32Array(1 << 16);
  private values = new Int32Array(1 << 16).fill(-1);
  private size = 0;

  private slot(a: number, b: number): number {
    const mask = this.values.length - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b)) & mask;
    while (this.values[i] !== -1 && (this.keysA[i] !== a || this.keysB[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  /** The id of (a, b), or -1. */
  get(a: number, b: number): number {
    return this.values[this.slot(a, b)]!;
  }

  set(a: number, b: number, id: number): void {
    if ((this.size + 1) * 2 > this.values.length) this.grow();
    const i = this.slot(a, b);
    if (this.values[i] === -1) this.size++;
    this.keysA[i] = a;
    this.keysB[i] = b;
    this.values[i] = id;
  }

  private grow(): void {
    const [a, b, v] = [this.keysA, this.keysB, this.values];
    this.keysA = new Int32Array(a.length * 2);
    this.keysB = new Int32Array(a.length * 2);
    this.values = new Int32Array(a.length * 2).fill(-1);
    this.size = 0;
    for (let i = 0; i < v.length; i++) if (v[i] !== -1) this.set(a[i]!, b[i]!, v[i]!);
  }
}

/** Terms of a message with their (title-weighted) counts (n-grams as strings: `NGRAM_MARK` and the characters). */
export function messageTerms(seg: Segmenter, title: string, body: string, options: TermOptions): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (term: string, weight: number) => terms.set(term, (terms.get(term) ?? 0) + weight);
  walkMessage(seg, title, body, options, add, (a, b, weight) => add(NGRAM_MARK + String.fromCodePoint(a) + (b < 0 ? '' : String.fromCodePoint(b)), weight));
  return terms;
}

/**
 * Reads a message's terms as `messageTerms` does, without making a string of each n-gram:
 * `word` gets each word, `gram` each n-gram as code points (`b` -1 for a single character),
 * both with their weight. (A map of hundreds of thousands of n-gram strings, each a new
 * string to hash, was most of training's time; the code points go to a `PairTable`.)
 */
export function walkMessage(seg: Segmenter, title: string, body: string, options: TermOptions, word: (w: string, weight: number) => void, gram: (a: number, b: number, weight: number) => void): void {
  const t = normalizeText(title);
  const b = normalizeText(body);
  for (const w of seg.words(t)) if (!w.startsWith(NGRAM_MARK)) word(w, options.titleWeight);
  for (const w of seg.words(b)) if (!w.startsWith(NGRAM_MARK)) word(w, 1);
  const unigrams = options.charNgrams.includes(1);
  const bigrams = options.charNgrams.includes(2);
  if (!unigrams && !bigrams) return;
  for (const [text, weight] of [[t, options.titleWeight], [b, 1]] as const) {
    for (const run of text.match(HAN_RUN) ?? []) {
      let previous = -1;
      for (let i = 0; i < run.length; i++) {
        const code = run.codePointAt(i)!;
        if (code > 0xffff) i++; // a character outside the BMP takes two code units
        if (unigrams) gram(code, -1, weight);
        if (bigrams && previous >= 0) gram(previous, code, weight);
        previous = code;
      }
    }
  }
}

/** The code points of an n-gram term (the second -1 for a single character). */
function gramCodes(term: string): [number, number] {
  const [a, b] = Array.from(term.slice(NGRAM_MARK.length), (ch) => ch.codePointAt(0)!);
  return [a!, b ?? -1];
}

/** Terms of a text as ids of a `TermDictionary`, with their counts. */
export interface Bag {
  ids: Int32Array;
  counts: Float64Array;
}

/** Gives each term seen an id, so that texts cut once are counted and mapped as numbers (training). */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  private readonly grams = new PairTable();
  readonly terms: string[] = [];

  /** Counts by id while a bag is built (zero between calls). */
  private scratch = new Float64Array(1 << 16);

  /** The bag of a message's terms: the counts `messageTerms` gives, counted by id as the text is read. */
  bagOf(seg: Segmenter, title: string, body: string, options: TermOptions): Bag {
    const touched: number[] = [];
    const add = (id: number, weight: number) => {
      if (this.scratch[id] === 0) touched.push(id);
      this.scratch[id]! += weight;
    };
    walkMessage(
      seg,
      title,
      body,
      options,
      (w, weight) => add(this.idOf(w), weight),
      (a, b, weight) => add(this.gramId(a, b), weight),
    );
    const counts = Float64Array.from(touched, (id) => this.scratch[id]!);
    for (const id of touched) this.scratch[id] = 0;
    return { ids: Int32Array.from(touched), counts };
  }

  /** The id of the n-gram of code point `a` (and `b`, for a bigram; -1 for none). */
  private gramId(a: number, b: number): number {
    let id = this.grams.get(a, b);
    if (id < 0) {
      // n-grams start with NGRAM_MARK, words never do: they need no place in the words' map
      id = this.newId(NGRAM_MARK + String.fromCodePoint(a) + (b < 0 ? '' : String.fromCodePoint(b)));
      this.grams.set(a, b, id);
    }
    return id;
  }

  /** The bag of term counts. */
  bag(counts: ReadonlyMap<string, number>): Bag {
    const ids = new Int32Array(counts.size);
    const values = new Float64Array(counts.size);
    let i = 0;
    for (const [term, count] of counts) {
      ids[i] = term.startsWith(NGRAM_MARK) ? this.gramId(...gramCodes(term)) : this.idOf(term);
      values[i++] = count;
    }
    return { ids, counts: values };
  }

  private idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.newId(term);
      this.ids.set(term, id);
    }
    return id;
  }

  private newId(term: string): number {
    const id = this.terms.length;
    this.terms.push(term);
    if (id >= this.scratch.length) {
      const grown = new Float64Array(this.scratch.length * 2);
      grown.set(this.scratch);
      this.scratch = grown;
    }
    return id;
  }
}

/** A vocabulary with inverse document frequencies; turns term counts into unit-length vectors. */
export class FeatureSpace {
  /** Word → feature id and n-gram (code points) → feature id, built on first use (training maps bags by id and needs neither). */
  private index: { words: Map<string, number>; grams: PairTable } | undefined;
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
    const id = term.startsWith(NGRAM_MARK) ? this.gramFeature(...gramCodes(term)) : this.termIndex().words.get(term);
    return id === undefined || id < 0 ? undefined : id;
  }

  /** The feature of a word, or -1. */
  wordFeature(word: string): number {
    return this.termIndex().words.get(word) ?? -1;
  }

  /** The feature of the n-gram of code points `a` and `b` (-1: one character), or -1. */
  gramFeature(a: number, b: number): number {
    return this.termIndex().grams.get(a, b);
  }

  private termIndex(): { words: Map<string, number>; grams: PairTable } {
    if (!this.index) {
      const words = new Map<string, number>();
      const grams = new PairTable();
      this.terms.forEach((t, id) => {
        if (t.startsWith(NGRAM_MARK)) grams.set(...gramCodes(t), id);
        else words.set(t, id);
      });
      this.index = { words, grams };
    }
    return this.index;
  }

  /** (1 + log count) × idf over the known terms, scaled to unit length. */
  vector(counts: ReadonlyMap<string, number>): SparseVector {
    const ids: number[] = [];
    for (const [term, count] of counts) {
      const id = this.idOf(term);
      if (id !== undefined && count > 0) {
        ids.push(id);
        this.scratch[id] = count;
      }
    }
    return this.build(Int32Array.from(ids));
  }

  /**
   * The vector of a message (the same as `vector(messageTerms(…))`, without strings for its
   * n-grams), and its distinct words when `withWords` (to explain a suggestion).
   */
  encode(seg: Segmenter, title: string, body: string, options: TermOptions, withWords = false): { vector: SparseVector; words: string[] } {
    const index = this.termIndex();
    const touched: number[] = [];
    const words = new Set<string>();
    const add = (id: number, weight: number) => {
      if (id < 0) return;
      if (this.scratch[id] === 0) touched.push(id);
      this.scratch[id]! += weight;
    };
    walkMessage(
      seg,
      title,
      body,
      options,
      (w, weight) => {
        if (withWords) words.add(w);
        add(index.words.get(w) ?? -1, weight);
      },
      (a, b, weight) => add(index.grams.get(a, b), weight),
    );
    return { vector: this.build(Int32Array.from(touched)), words: [...words] };
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
