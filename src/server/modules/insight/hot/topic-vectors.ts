/**
 * Cases as TF-IDF vectors over their topic words: the title counts `titleWeight` times a
 * word of the body, term frequency is dampened (1 + ln tf), each vector keeps its
 * `maxTerms` heaviest words and has length 1, so that the dot product of two vectors is
 * their cosine similarity. Words found in one case only link nothing and are left out; a
 * word found in every case weighs nothing (ln N/df = 0), one in half of them little.
 *
 * Vectors are stored flat (CSR: `start`, `term`, `weight`) for speed at 50,000 cases.
 */
import { isTopicWord } from './topic-words.js';

/** A case's topic words, cut beforehand (`topicWordsOf`). */
export interface TopicWords {
  title: readonly string[];
  body: readonly string[];
}

/** What the vectors are made from. */
export interface TextItem {
  title: string;
  body: string;
  categoryId?: number | null;
  /** The case's topic words when cut beforehand: then its texts are not cut again. */
  words?: TopicWords | null;
}

/**
 * Cuts a text into words: the platform's `Segmenter`. `rawWords` (punctuation and case
 * kept) is used when present — words are cleaned here once per distinct word — else `words`.
 */
export interface WordCutter {
  words(text: string): string[];
  rawWords?(text: string): string[];
}

export interface VectorOptions {
  /** How many body words a title word is worth (default 3). */
  titleWeight: number;
  /**
   * Body characters read per case (default 200: the problem is stated at the start, the
   * rest is narrative; on the real messages 150, 200, 250, 300 and 600 characters gave the
   * same top clusters and the same cohesion within 2 %, and cutting words is most of the time).
   */
  maxBodyChars: number;
  /** Words kept per vector, the heaviest (default 24). */
  maxTerms: number;
  /**
   * How many body words the case's category is worth as a feature (default 1; 0 leaves it
   * out). It only nudges: categories are broad, and a case may be in the wrong one.
   */
  categoryWeight: number;
}

export const DEFAULT_VECTOR_OPTIONS: VectorOptions = { titleWeight: 3, maxBodyChars: 200, maxTerms: 24, categoryWeight: 1 };

/** Category features are vocabulary entries with this prefix (never a topic word, never a label). */
export const CATEGORY_PREFIX = '#category:';

export interface DocVectors {
  /** Number of cases. */
  n: number;
  /** Term id → word (category features start with `CATEGORY_PREFIX`). */
  vocabulary: string[];
  /** Term id → number of cases having the word. */
  df: Int32Array;
  /** Case i's weighted terms are `term[start[i]] … term[start[i + 1] - 1]` (their weights in `weight`). */
  start: Int32Array;
  term: Int32Array;
  weight: Float32Array;
  /** Case i's distinct topic words, all of them (for labels): `words[wordStart[i]] … `. */
  wordStart: Int32Array;
  words: Int32Array;
  /** Case i's distinct title words (a subset of its words). */
  titleStart: Int32Array;
  titleWords: Int32Array;
}

/**
 * The topic words of a case, as `buildVectors` would cut them: to cut each case once (at
 * intake, or in a cache by case) and pass them as `words`, since cutting is most of a run's
 * time. The run's own place names are still left out when the run uses them.
 */
export function topicWordsOf(cutter: WordCutter, title: string, body: string, maxBodyChars = DEFAULT_VECTOR_OPTIONS.maxBodyChars): TopicWords {
  const keep = (text: string) => cutter.words(text).filter((w) => isTopicWord(w));
  return { title: keep(title.slice(0, 200)), body: keep(body.slice(0, maxBodyChars)) };
}

/** The cases' TF-IDF vectors. `extraStops`: the run's own place names, cut into words. */
export function buildVectors(items: readonly TextItem[], cutter: WordCutter, options: Partial<VectorOptions> = {}, extraStops?: ReadonlySet<string>): DocVectors {
  const o = { ...DEFAULT_VECTOR_OPTIONS, ...options };
  const n = items.length;
  // Word as cut → term id, or -1 for a word that is not a topic word: decided once per
  // distinct word (lower-cased and trimmed, so 'KTV' and 'ktv' are one term).
  const ids = new Map<string, number>();
  const byWord = new Map<string, number>();
  const vocabulary: string[] = [];
  const idOf = (raw: string): number => {
    let id = ids.get(raw);
    if (id === undefined) {
      const w = raw.trim().toLowerCase();
      id = byWord.get(w);
      if (id === undefined) {
        id = isTopicWord(w, extraStops) ? vocabulary.push(w) - 1 : -1;
        byWord.set(w, id);
      }
      ids.set(raw, id);
    }
    return id;
  };
  const cut = cutter.rawWords ? cutter.rawWords.bind(cutter) : cutter.words.bind(cutter);

  // Term frequencies per case, flat: case i's are tfTerm/tfCount[tfStart[i] … tfStart[i + 1] - 1].
  let scratch = new Float64Array(1 << 14); // frequency by term id, zeroed after each case
  const touched: number[] = [];
  const bump = (id: number, by: number) => {
    if (id >= scratch.length) {
      const bigger = new Float64Array(Math.max(scratch.length * 2, id + 1));
      bigger.set(scratch);
      scratch = bigger;
    }
    if (scratch[id] === 0) touched.push(id);
    scratch[id]! += by;
  };
  const tfStart = new Int32Array(n + 1);
  const tfTerm: number[] = [];
  const tfCount: number[] = [];
  const wordStart = new Int32Array(n + 1);
  const titleStart = new Int32Array(n + 1);
  const allWords: number[] = [];
  const allTitle: number[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    for (const w of item.words?.title ?? cut(item.title.slice(0, 200))) {
      if (w.length < 2) continue; // one character: never a topic word (and half of all words)
      const id = idOf(w);
      if (id >= 0) bump(id, o.titleWeight);
    }
    for (const id of touched) allTitle.push(id);
    titleStart[i + 1] = allTitle.length;
    for (const w of item.words?.body ?? cut(item.body.slice(0, o.maxBodyChars))) {
      if (w.length < 2) continue;
      const id = idOf(w);
      if (id >= 0) bump(id, 1);
    }
    for (const id of touched) allWords.push(id);
    wordStart[i + 1] = allWords.length;
    if (o.categoryWeight > 0 && item.categoryId != null) {
      const word = `${CATEGORY_PREFIX}${item.categoryId}`;
      let id = byWord.get(word);
      if (id === undefined) {
        id = vocabulary.push(word) - 1;
        byWord.set(word, id);
      }
      bump(id, o.categoryWeight);
    }
    for (const id of touched) {
      tfTerm.push(id);
      tfCount.push(scratch[id]!);
      scratch[id] = 0;
    }
    touched.length = 0;
    tfStart[i + 1] = tfTerm.length;
  }

  const df = new Int32Array(vocabulary.length);
  for (const t of tfTerm) df[t]!++;
  const idf = new Float64Array(vocabulary.length);
  for (let t = 0; t < vocabulary.length; t++) idf[t] = df[t]! >= 2 ? Math.log(n / df[t]!) : 0;

  // Weighted, pruned to the heaviest maxTerms (ties by term id), normalized.
  const start = new Int32Array(n + 1);
  const term = new Int32Array(Math.min(tfTerm.length, n * o.maxTerms));
  const weight = new Float32Array(term.length);
  const cand: number[] = [];
  const candWeight: number[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    cand.length = 0;
    candWeight.length = 0;
    for (let k = tfStart[i]!; k < tfStart[i + 1]!; k++) {
      const x = (1 + Math.log(tfCount[k]!)) * idf[tfTerm[k]!]!;
      if (x > 0) {
        cand.push(tfTerm[k]!);
        candWeight.push(x);
      }
    }
    let picked = cand.map((_, k) => k);
    if (picked.length > o.maxTerms) picked = picked.sort((a, b) => candWeight[b]! - candWeight[a]! || cand[a]! - cand[b]!).slice(0, o.maxTerms);
    let norm = 0;
    for (const k of picked) norm += candWeight[k]! * candWeight[k]!;
    norm = Math.sqrt(norm) || 1;
    for (const k of picked) {
      term[at] = cand[k]!;
      weight[at++] = candWeight[k]! / norm;
    }
    start[i + 1] = at;
  }
  return {
    n,
    vocabulary,
    df,
    start,
    term: term.slice(0, at),
    weight: weight.slice(0, at),
    wordStart,
    words: Int32Array.from(allWords),
    titleStart,
    titleWords: Int32Array.from(allTitle),
  };
}

/** Cosine similarity of cases i and j (their vectors have length 1). */
export function cosine(v: DocVectors, i: number, j: number): number {
  let s = 0;
  for (let a = v.start[i]!; a < v.start[i + 1]!; a++) {
    const t = v.term[a]!;
    for (let b = v.start[j]!; b < v.start[j + 1]!; b++) if (v.term[b] === t) s += v.weight[a]! * v.weight[b]!;
  }
  return s;
}
