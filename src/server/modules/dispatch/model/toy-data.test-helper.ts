/**
 * A toy labelled data set for the dispatch model's tests: three classes, each with its own
 * words, mixed with words every class shares. Seeded, so the same messages every time.
 */
import { seededRandom } from './random.js';
import type { LabelledMessage, MessageText } from './train.js';

export const TOY_WORDS: Record<string, string[]> = {
  教育文体: ['学校', '老师', '学生', '招生', '教室', '幼儿园', '课程', '校长'],
  交通运输: ['公交', '线路', '车站', '司机', '出租车', '客运', '站台', '班次'],
  劳动和社会保障: ['社保', '养老金', '医保', '工资', '退休', '缴费', '劳动合同', '失业'],
};

const SHARED = ['希望', '领导', '尽快', '解决', '问题', '我们', '小区', '反映', '情况', '部门'];

/** `perClass` messages of each toy class (and as many again without labels with `unlabelled`). */
export function toyMessages(perClass: number, seed = 7): LabelledMessage[] {
  const random = seededRandom(seed);
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)]!;
  const out: LabelledMessage[] = [];
  for (let i = 0; i < perClass; i++) {
    for (const [label, words] of Object.entries(TOY_WORDS)) {
      const title = `关于${pick(words)}的${pick(SHARED)}`;
      const parts: string[] = [];
      for (let j = 0; j < 6; j++) parts.push(random() < 0.5 ? pick(words) : pick(SHARED));
      out.push({ title, body: `${parts.join('，')}。`, label });
    }
  }
  return out;
}

export function withoutLabels(messages: readonly LabelledMessage[]): MessageText[] {
  return messages.map(({ title, body }) => ({ title, body }));
}
