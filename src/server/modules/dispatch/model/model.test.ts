import { describe, expect, it } from 'vitest';
import { deserializeModel, serializeModel, MODEL_FORMAT_VERSION, type SerializedModel } from './model.js';
import { TOY_WORDS, toyMessages, withoutLabels } from './toy-data.test-helper.js';
import { taxonomyPriors, trainFirstLevel, trainModel } from './train.js';

const now = new Date('2026-11-29T00:00:00Z');
const labelled = toyMessages(12);
const model = trainModel(labelled, { unlabelled: withoutLabels(toyMessages(20, 99)), now });

describe('dispatch model', () => {
  it('suggests the right label first, top k sorted by confidence, with the words that drove it', () => {
    const s = model.classify('学校招生的问题', '孩子的学校今年招生名额太少，老师也说不清楚，希望尽快解决', 3);
    expect(s.map((x) => x.label)[0]).toBe('教育文体');
    expect(s).toHaveLength(3);
    expect(s[0]!.confidence).toBeGreaterThan(0.5);
    for (let i = 1; i < s.length; i++) expect(s[i - 1]!.confidence).toBeGreaterThanOrEqual(s[i]!.confidence);
    expect(s.reduce((a, x) => a + x.confidence, 0)).toBeCloseTo(1, 6);
    expect(s[0]!.words.length).toBeGreaterThan(0);
    expect(s[0]!.words.some((w) => w.includes('学校') || w.includes('招生'))).toBe(true);
    // the class's own words come before the words every class shares
    const own = TOY_WORDS['教育文体']!;
    const firstShared = s[0]!.words.findIndex((w) => !own.includes(w));
    expect(s[0]!.words.slice(0, firstShared < 0 ? undefined : firstShared)).toEqual(expect.arrayContaining(['学校', '招生']));
    expect(model.classify('公交线路', '这条公交线路的班次太少', 1)).toMatchObject([{ label: '交通运输' }]);
    expect(model.predict('养老金', '退休以后养老金什么时候发')).toBe('劳动和社会保障');
  });

  it('classifies held-out toy messages correctly', () => {
    const test = toyMessages(10, 1234);
    const right = test.filter((m) => model.predict(m.title, m.body) === m.label).length;
    expect(right / test.length).toBeGreaterThan(0.95);
  });

  it('round-trips through JSON with identical outputs', () => {
    const stored = JSON.parse(JSON.stringify(serializeModel(model))) as SerializedModel;
    expect(stored.version).toBe(MODEL_FORMAT_VERSION);
    expect(stored.labels).toEqual(['交通运输', '劳动和社会保障', '教育文体']);
    expect(stored.info).toMatchObject({ labelled: 36, trainedAt: now.toISOString(), perLabel: { 教育文体: 12 } });
    const back = deserializeModel(stored);
    for (const m of toyMessages(5, 77)) expect(back.classify(m.title, m.body, 3)).toEqual(model.classify(m.title, m.body, 3));
    expect(back.classify('', '', 3)).toEqual(model.classify('', '', 3));
  });

  it('trains the same model twice from the same data', () => {
    const again = trainModel(labelled, { unlabelled: withoutLabels(toyMessages(20, 99)), now });
    expect(serializeModel(again)).toEqual(serializeModel(model));
  });

  it('refuses another format, another version and damaged data', () => {
    const stored = serializeModel(model);
    expect(() => deserializeModel({ ...stored, format: 'x' } as unknown as SerializedModel)).toThrow(/not a dispatch model/);
    expect(() => deserializeModel({ ...stored, version: 99 })).toThrow(/version 99/);
    expect(() => deserializeModel({ ...stored, bias: [0] })).toThrow(/damaged/);
  });

  it('takes any labels: deeper category paths or unit ids', () => {
    const units = trainModel(
      labelled.map((m) => ({ ...m, label: m.label === '教育文体' ? 'unit:12' : 'unit:7' })),
      { selfTraining: false },
    );
    expect(units.labels).toEqual(['unit:12', 'unit:7']);
    expect(units.predict('学校', '学生和老师')).toBe('unit:12');
  });

  it('uses the taxonomy names as priors for the labels it has messages of, and only those', () => {
    const taxonomy = [
      { level1: '交通运输', level2: '出租车管理', level3: '网约车问题' },
      { level1: '教育文体', level2: '考试招生', level3: '其他' },
      { level1: '政法', level2: '户籍证件', level3: '身份证管理' },
    ];
    expect(taxonomyPriors(taxonomy)).toEqual([
      { label: '交通运输', text: '出租车管理 网约车问题' },
      { label: '教育文体', text: '考试招生' },
      { label: '政法', text: '户籍证件 身份证管理' },
    ]);
    expect(taxonomyPriors(taxonomy, 2)[0]).toEqual({ label: '交通运输/出租车管理', text: '出租车管理 网约车问题' });
    // few messages, where 出租车 is seldom seen: the prior 出租车管理 makes it speak for 交通运输
    const few = labelled.slice(0, 9);
    const unlabelled = withoutLabels(toyMessages(20, 99));
    const withPriors = trainFirstLevel(few, { taxonomy, unlabelled, selfTraining: false });
    const without = trainFirstLevel(few, { unlabelled, selfTraining: false });
    expect(withPriors.labels).toEqual(without.labels);
    expect(withPriors.info.priors).toBe(2);
    const p = (m: typeof without) => m.classify('出租车', '出租车', 3).find((s) => s.label === '交通运输')!.confidence;
    expect(p(withPriors)).toBeGreaterThan(p(without));
  });

  it('keeps the toy words class-specific (sanity of the fixture)', () => {
    const all = Object.values(TOY_WORDS).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('words that drove a suggestion', () => {
  it('credits a word with its own weight and that of the character n-grams inside it, never an n-gram across words', () => {
    const s = model.classify('幼儿园老师', '幼儿园老师工资问题', 3, 10);
    const education = s.find((x) => x.label === '教育文体')!;
    expect(education.words).toEqual(expect.arrayContaining(['幼儿园', '老师']));
    // 园老 spans 幼儿园 / 老师: it is no word of the message
    for (const x of s) expect(x.words.every((w) => !w.includes('园老'))).toBe(true);
    for (const x of s) expect(x.words.every((w) => [...w].length >= 2)).toBe(true);
    expect(model.classify('a2区', '0', 1)[0]!.words).toEqual([]);
  });
});
