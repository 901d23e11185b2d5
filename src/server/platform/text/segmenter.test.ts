import { describe, expect, it } from 'vitest';
import { Segmenter } from './segmenter.js';

const plain = Segmenter.create();
const local = Segmenter.create([{ word: '幸福社区' }, { word: '共享单车乱停放' }, { word: '城管委' }, { word: 'has space' }, { word: '长'.repeat(41) }]);

describe('segmenter', () => {
  it('keeps the deployment’s own words whole, and their parts findable', () => {
    expect(plain.queryTokens('幸福社区共享单车乱停放')).not.toContain('幸福社区');
    expect(local.queryTokens('幸福社区共享单车乱停放')).toEqual(['幸福社区', '共享单车乱停放']);
    const indexed = local.indexTokens('幸福社区3号楼前的共享单车乱停放，城管委请处理！');
    expect(indexed).toEqual(expect.arrayContaining(['幸福社区', '幸福', '社区', '共享单车乱停放', '单车', '城管委']));
  });

  it('drops punctuation and spaces, lower-cases Latin letters', () => {
    const tokens = local.indexTokens('  路灯不亮！！ABC, 123…  ');
    expect(tokens).toEqual(expect.arrayContaining(['abc', '123']));
    expect(tokens.every((t) => /[\p{L}\p{N}]/u.test(t) && t === t.trim() && t === t.toLowerCase())).toBe(true);
  });

  it('skips user words jieba cannot take (spaces, over 40 characters)', () => {
    expect([...local.userWords.keys()]).toEqual(['幸福社区', '共享单车乱停放', '城管委']);
  });

  it('finds every query term, as its word or all its parts, in a text that contains the query', () => {
    const text = '小区门口的生活垃圾堆已经放了三天，希望尽快安排垃圾清运，物业管理不到位。';
    const indexed = new Set(plain.indexTokens(text));
    for (const q of ['垃圾', '生活垃圾', '安排垃圾清运', '物业管理', '放了三天', '垃圾堆']) {
      expect(text).toContain(q);
      const terms = plain.queryTerms(q);
      expect(terms.length).toBeGreaterThan(0);
      expect(terms.every((t) => indexed.has(t.word) || (t.parts.length > 0 && t.parts.every((p) => indexed.has(p)))), q).toBe(true);
    }
    expect(plain.queryTerms('垃圾清运')).toEqual([{ word: '垃圾清运', parts: ['垃圾', '清运'] }]);
  });
});
