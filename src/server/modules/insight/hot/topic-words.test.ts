import { describe, expect, it } from 'vitest';
import { Segmenter } from '../../../platform/text/segmenter.js';
import { buildVectors, topicWordsOf } from './topic-vectors.js';
import { isTopicWord, STOP_WORDS } from './topic-words.js';
import { shippedVoteItems } from './shipped-items.js';

describe('topic words', () => {
  it('keeps problems and drops the boilerplate of messages to a government', () => {
    for (const w of ['噪音', '施工', '电梯', '垃圾', '油烟', '停车位', '渣土车', '补课', '公积金', '城中村', '高速公路', '人行道', '停车场', 'ktv']) expect(isTopicWord(w), w).toBe(true);
    for (const w of ['您好', '请问', '领导', '反映', '问题', '希望', '相关部门', '市民', '小区', '谢谢', '尽快', '解决', '严重', '政府', '我们', '已经'])
      expect(isTopicWord(w), w).toBe(false);
  });

  it('drops places, officials, numbers and one-character words', () => {
    for (const w of ['春华镇', '金鼎村', '溪湖区', '长青路', '幸福社区', '米兰小区', '东风街道', '胡书记', '东路', '新村']) expect(isTopicWord(w), w).toBe(false);
    for (const w of ['2019', 'a7', '320号', '一万', '三个', '两次', '第二', '水', 'a', 'https']) expect(isTopicWord(w), w).toBe(false);
    expect(isTopicWord('和平里', new Set(['和平里']))).toBe(false);
    expect(isTopicWord('和平里')).toBe(true);
  });

  const seg = Segmenter.create();

  it('leaves no topic word in a message made only of boilerplate', () => {
    const text = '尊敬的领导您好！我是A市A3区某小区的业主，多次向相关部门反映这个问题，至今没有得到解决，希望领导重视，尽快处理，谢谢！';
    const left = seg.words(text).filter((w) => isTopicWord(w));
    expect(left).toEqual(['业主']);
    expect(STOP_WORDS.has('业主')).toBe(false);
  });

  it('finds the same words through the segmenter’s raw words (the fast path) as through its clean ones', () => {
    const items = shippedVoteItems().slice(0, 300);
    for (const m of items.slice(0, 50)) {
      const text = `${m.title}。${m.body}`;
      expect(seg.rawWords(text).map((w) => w.trim().toLowerCase()).filter((w) => isTopicWord(w))).toEqual(seg.words(text).filter((w) => isTopicWord(w)));
    }
    const clean = { words: (t: string) => seg.words(t) };
    const vectors = buildVectors(items, seg);
    expect(buildVectors(items, clean)).toEqual(vectors);
    // Words cut beforehand (at intake, or cached) give the same vectors without cutting again.
    const cut = items.map((m) => ({ ...m, words: topicWordsOf(seg, m.title, m.body) }));
    const refuse = { words: (): string[] => { throw new Error('cut again'); } };
    expect(buildVectors(cut, refuse)).toEqual(vectors);
  });
});
