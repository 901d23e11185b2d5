import { describe, expect, it } from 'vitest';
import { sharedSegmenter } from './model.js';
import { FeatureSpace, NGRAM_MARK, TermDictionary, messageTerms, normalizeText, type TermOptions } from './features.js';

const seg = sharedSegmenter();

describe('features', () => {
  it('folds digits, full-width forms, Excel carriage returns and case', () => {
    expect(normalizeText('Ａ2区K７县_x000D_2019年ABC')).toBe('a0区k0县 0年abc');
  });

  it('counts title terms titleWeight times, and adds character n-grams of Chinese runs', () => {
    const terms = messageTerms(seg, '社保缴费', '社保在哪里缴费', { titleWeight: 3, charNgrams: [1, 2] });
    expect(terms.get('社保')).toBe(3 + 1);
    expect(terms.get(`${NGRAM_MARK}社保`)).toBe(3 + 1);
    expect(terms.get(`${NGRAM_MARK}哪`)).toBe(1);
    expect(terms.get(`${NGRAM_MARK}保缴`)).toBe(3);
    expect(messageTerms(seg, '社保', '', { titleWeight: 1, charNgrams: [] }).has(`${NGRAM_MARK}社`)).toBe(false);
  });

  it('keeps terms in at least minDf texts, with ids ordered by term whatever order the texts came in', () => {
    const texts = [new Map([['b', 1], ['a', 2]]), new Map([['a', 1], ['c', 1]]), new Map([['b', 1]])];
    const d1 = new TermDictionary();
    const d2 = new TermDictionary();
    const s1 = FeatureSpace.fit(texts.map((t) => d1.bag(t)), d1, 2);
    const s2 = FeatureSpace.fit([...texts].reverse().map((t) => d2.bag(t)), d2, 2);
    expect(s1.terms).toEqual(['a', 'b']);
    expect(s2.terms).toEqual(['a', 'b']);
    expect(Array.from(s1.idf)).toEqual(Array.from(s2.idf));
  });

  it('gives unit-length vectors, the same from a bag as from the term counts', () => {
    const dict = new TermDictionary();
    const texts = ['公交线路调整', '公交站台太远', '学校招生问题', '学校食堂问题'].map((t) => messageTerms(seg, t, `${t}，希望解决`, { titleWeight: 2, charNgrams: [1, 2] }));
    const bags = texts.map((t) => dict.bag(t));
    const space = FeatureSpace.fit(bags, dict, 1);
    const messages = ['公交线路调整', '公交站台太远', '学校招生问题', '学校食堂问题'];
    texts.forEach((t, i) => {
      const a = space.vector(t);
      const b = space.vectorOfBag(bags[i]!);
      const c = space.encode(seg, messages[i]!, `${messages[i]!}，希望解决`, { titleWeight: 2, charNgrams: [1, 2] }, true);
      expect(Array.from(c.vector.ids)).toEqual(Array.from(a.ids));
      expect(Array.from(c.vector.values)).toEqual(Array.from(a.values));
      expect(c.words).toEqual(expect.arrayContaining(['希望', '解决']));
      expect(Array.from(a.ids)).toEqual(Array.from(b.ids));
      expect(Array.from(a.values)).toEqual(Array.from(b.values));
      expect(a.values.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 12);
      expect(Array.from(a.ids)).toEqual([...a.ids].sort((x, y) => x - y));
    });
    expect(space.vector(new Map([['没见过的词', 3]])).ids.length).toBe(0);
  });

  it('bags a message without a map of strings, with the counts messageTerms gives', () => {
    const dict = new TermDictionary();
    const options: TermOptions = { titleWeight: 2, charNgrams: [1, 2] };
    for (const [title, body] of [['社保缴费', '社保在哪里缴费？社保卡丢了'], ['', '公交'], ['A2区', ''], ['𠮷野家', '𠮷野家的𠮷']]) {
      const bag = dict.bagOf(seg, title!, body!, options);
      const expected = messageTerms(seg, title!, body!, options);
      const got = new Map(Array.from(bag.ids, (id, i) => [dict.terms[id]!, bag.counts[i]!]));
      expect(got).toEqual(expected);
    }
  });
});
