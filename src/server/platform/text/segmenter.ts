/**
 * Chinese word segmentation for search and the dispatch model: @node-rs/jieba with its
 * bundled dictionary plus the deployment's own words (place and unit names, the category
 * catalogue, terms admins add), so that "幸福社区" or "共享单车乱停放" stay one word.
 *
 * The same `Segmenter` cuts text when it is indexed and queries when they are asked, so
 * both sides see the same tokens. Words are lower-cased; punctuation and spaces are dropped.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** A word of the deployment's own vocabulary, with a weight (jieba's frequency) that makes it win over its parts. */
export interface UserWord {
  word: string;
  freq?: number;
}

/** One word of a query, and the finer words it is made of (none when it has no parts). */
export interface QueryTerm {
  word: string;
  parts: string[];
}

/** High enough that a listed name is kept whole against the bundled dictionary's splits. */
const DEFAULT_FREQ = 100_000;
const WORDISH = /[\p{L}\p{N}]/u;
/** jieba's user-dictionary lines are "word freq": a word may not contain spaces or newlines. */
const USABLE = /^[^\s]{2,40}$/u;

export class Segmenter {
  private constructor(
    private readonly jieba: Jieba,
    /** The user words it was built with, for `withWords` to start from. */
    readonly userWords: ReadonlyMap<string, number>,
  ) {}

  /** The bundled dictionary plus `words` (building one takes about a second: keep and reuse it). */
  static create(words: readonly UserWord[] = []): Segmenter {
    const jieba = Jieba.withDict(dict);
    const userWords = new Map<string, number>();
    for (const w of words) {
      const word = w.word.trim();
      if (USABLE.test(word)) userWords.set(word, Math.max(1, Math.round(w.freq ?? DEFAULT_FREQ)));
    }
    if (userWords.size > 0) jieba.loadDict(Buffer.from([...userWords].map(([w, f]) => `${w} ${f}`).join('\n'), 'utf8'));
    return new Segmenter(jieba, userWords);
  }

  /** Words of `text` for an index: search mode, so the parts of long words are there too. */
  indexTokens(text: string): string[] {
    return clean(this.jieba.cutForSearch(text, true));
  }

  /**
   * Words of a query: precise mode, each of which an indexed text containing the query also
   * has. HMM on, as for indexing: it joins unknown words (防坠网 → 防坠 / 网) the same way on
   * both sides, where without it a query falls apart into single characters.
   */
  queryTokens(query: string): string[] {
    return [...new Set(clean(this.jieba.cut(query, true)))];
  }

  /**
   * A query as terms a text must all have, each as its word or as all of its parts: a
   * text holding the query may have been cut finer around it (垃圾清运 is one word in the
   * dictionary, but 垃圾堆放…清运 was cut 垃圾 / … / 清运), and search mode indexes every part.
   */
  queryTerms(query: string): QueryTerm[] {
    return this.queryTokens(query).map((word) => ({ word, parts: [...new Set(clean(this.jieba.cutForSearch(word, true)))].filter((p) => p !== word) }));
  }

  /** Words of `text` in precise mode (for the dispatch model's features). */
  words(text: string): string[] {
    return clean(this.jieba.cut(text, true));
  }

  /**
   * Words of `text` in precise mode as jieba gives them — punctuation, spaces and letter case
   * kept: for callers that look each word up in their own table anyway and so clean it once
   * per distinct word, not once per occurrence (hot issues cut 10,000 cases at a time).
   */
  rawWords(text: string): string[] {
    return this.jieba.cut(text, true);
  }
}

function clean(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const w = t.trim().toLowerCase();
    if (w && WORDISH.test(w)) out.push(w);
  }
  return out;
}
