/**
 * The real messages behind the demo cases (assets/data/messages-with-replies.jsonl.gz: a
 * city's public message board, with the official replies): which ones the demo uses, what
 * category of the catalogue each belongs to, and their text adapted to the demo district
 * (the data's anonymized places "A市", "A2区", "A7县" become 本市 / 青川区).
 */
import { readShippedJsonl } from '../../../platform/data/shipped.js';
import type { CaseType } from '../cases.tables.js';
import type { Urgency } from '../deadlines.js';

interface ReplyLine {
  id: string;
  user: string;
  title: string;
  submitted_at: string;
  body: string;
  reply: string;
  replied_at: string;
}

/**
 * Who can take a matter to its end in the demo: the 城管 unit (its staff have the
 * `deptstaff` login), the 幸福社区 residents' committee (the `gridworker` login holds a
 * post there), or another department (no demo login: its cases wait for signing).
 */
export type Pool = 'street' | 'cityscape' | 'civil' | 'property' | 'other';

export interface DemoMessage {
  id: string;
  /** The reporter's id on the message board (an anonymous 网友). */
  user: string;
  title: string;
  body: string;
  reply: string;
  /** Seconds after local midnight at which it was sent: the demo keeps the time of day. */
  clock: number;
  categoryPath: string;
  urgency: Urgency;
  type: CaseType;
  pool: Pool;
}

interface Rule {
  re: RegExp;
  path: string;
  pool: Pool;
  urgency?: Urgency;
}

/** Title keywords → catalogue path, first match wins (the urban classes route to 城管 in the demo list). */
const rules: Rule[] = [
  // 街面秩序 and 宣传广告: 城管 everywhere in the district.
  { re: /占道|摆摊|夜宵|店外|摊点/, path: '街面秩序/占道经营', pool: 'street' },
  { re: /乱停(?![水电])|违停/, path: '街面秩序/机动车乱停放', pool: 'street' },
  { re: /广告/, path: '宣传广告/非法小广告', pool: 'street' },
  // 市容环境: 城管, except in 幸福社区 where the list names the volunteer team.
  { re: /油烟|烧烤/, path: '市容环境/油烟污染', pool: 'cityscape' },
  { re: /违建|违章建筑|私搭|乱搭/, path: '市容环境/私搭乱建', pool: 'cityscape', urgency: 'complex' },
  { re: /焚烧/, path: '市容环境/焚烧垃圾树叶', pool: 'cityscape' },
  { re: /渣土|建筑垃圾|垃圾/, path: '市容环境/积存垃圾渣土', pool: 'cityscape' },
  { re: /脏乱|卫生很差/, path: '市容环境/道路不洁', pool: 'cityscape' },
  // 民政: the residents' committee in 幸福社区 (a local entry of the list).
  { re: /低保/, path: '民政/社会救助/城镇低保', pool: 'civil' },
  { re: /残疾|养老院|老年|孤寡/, path: '民政/福利慈善/福利事业', pool: 'civil' },
  { re: /救助|困难户/, path: '民政/社会救助/其他', pool: 'civil' },
  { re: /物业|电梯/, path: '城乡建设/住房保障与房地产/物业服务', pool: 'property', urgency: 'complex' },
  // Other departments.
  { re: /工地|施工/, path: '施工管理/施工扰民', pool: 'other' },
  { re: /KTV|麻将|噪音|噪声|扰民/, path: '环境保护/环境污染/噪音污染', pool: 'other' },
  { re: /补课|乱收费/, path: '教育文体/教育收费/乱收费', pool: 'other' },
  { re: /幼儿园|入学|小学|中学|学校/, path: '教育文体/教育体制/教育资源配置', pool: 'other' },
  { re: /公交/, path: '交通运输/客货运输/旅客运输', pool: 'other' },
  { re: /医保/, path: '劳动和社会保障/城镇居民社会保险/城镇居民医疗保险', pool: 'other' },
  { re: /社保|养老保险/, path: '劳动和社会保障/城镇职工社会保险/职工养老保险', pool: 'other' },
  { re: /工资|欠薪|讨薪/, path: '劳动和社会保障/工资福利/工资发放', pool: 'other' },
  { re: /医院|诊所/, path: '卫生计生/医政监管/医疗机构管理', pool: 'other' },
  { re: /自来水|停水|供水/, path: '城乡建设/城市建设和市政管理/自来水供应', pool: 'other', urgency: 'utility' },
  { re: /停电|供电/, path: '城乡建设/城市建设和市政管理/电力供应', pool: 'other', urgency: 'utility' },
  { re: /燃气|天然气|天燃气/, path: '城乡建设/城市建设和市政管理/燃气供应', pool: 'other', urgency: 'utility' },
  { re: /路灯/, path: '城乡建设/城市建设和市政管理/城市公共设施', pool: 'other' },
  { re: /公积金/, path: '城乡建设/住房保障与房地产/住房公积金', pool: 'other' },
  { re: /消防/, path: '政法/社会治安/消防安全', pool: 'other' },
  { re: /户口|落户/, path: '政法/户籍证件/户籍管理', pool: 'other' },
  { re: /污染|排污|污水|恶臭/, path: '环境保护/环境污染/其他污染', pool: 'other' },
  { re: /租金/, path: '经济管理/其他/其他', pool: 'other' },
];

/** Titles that name officials or courts belong to other channels (纪检监察, 诉讼): not demo cases. */
export const EXCLUDED = /书记|市长|局长|区长|县长|民警|警察|干部|领导|纪委|腐败|贪污|法院|[A-Za-z]{3,}/;

/** The data's anonymized places, made to fit the demo district. */
export function localize(text: string): string {
  return text
    .replace(/[A-Z]\d{0,2} ?[区县]市?/g, '青川区')
    .replace(/[A-Z]\d{0,2} ?市/g, '本市')
    .replace(/西地省/g, '本省')
    .trim();
}

export function typeOf(title: string): CaseType {
  if (/咨询|请问/.test(title)) return 'enquiry';
  if (/^举报/.test(title)) return 'report';
  if (/^投诉|投诉/.test(title)) return 'complaint';
  if (/^建议|^希望|呼吁|^关于.*建议/.test(title)) return 'suggestion';
  if (/请求|求助|盼|帮助|解决/.test(title)) return 'help';
  return 'complaint';
}

/** "2019/4/25 9:32:09" → seconds after midnight. */
function clockOf(submittedAt: string): number {
  const m = /(\d{1,2}):(\d{2}):(\d{2})$/.exec(submittedAt);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : 10 * 3600;
}

/** The catalogue path the title rules give a message's title, if any. */
export function categoryPathOf(title: string): string | undefined {
  return rules.find((r) => r.re.test(title))?.path;
}

let classified: readonly DemoMessage[] | undefined;

/**
 * The usable messages, classified, in file order: a title the rules place, no official
 * named, a body and reply of a readable length, each title once. Read once per process.
 */
export function demoMessages(): readonly DemoMessage[] {
  classified ??= classify();
  return classified;
}

function classify(): DemoMessage[] {
  const out: DemoMessage[] = [];
  const titles = new Set<string>();
  for (const m of readShippedJsonl<ReplyLine>('messages-with-replies')) {
    if (EXCLUDED.test(m.title) || m.body.length < 40 || m.body.length > 1500 || m.reply.length < 40 || m.reply.length > 2000) continue;
    const rule = rules.find((r) => r.re.test(m.title));
    const title = localize(m.title).slice(0, 100);
    if (!rule || titles.has(title)) continue;
    titles.add(title);
    out.push({
      id: m.id,
      user: m.user,
      title,
      body: localize(m.body).slice(0, 5000),
      reply: localize(m.reply).slice(0, 5000),
      clock: clockOf(m.submitted_at),
      categoryPath: rule.path,
      urgency: rule.urgency ?? 'general',
      type: typeOf(m.title),
      pool: rule.pool,
    });
  }
  return out;
}

/** Hands out messages of a pool in a shuffled but fixed order, each once. */
export class MessagePicker {
  private readonly byPool = new Map<Pool, DemoMessage[]>();

  constructor(messages: readonly DemoMessage[], rand: () => number) {
    for (const m of messages) this.byPool.set(m.pool, [...(this.byPool.get(m.pool) ?? []), m]);
    for (const list of this.byPool.values()) {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
    }
  }

  /** The next message of `pool` that passes `filter` (removed from the pool). */
  take(pool: Pool, filter: (m: DemoMessage) => boolean = () => true): DemoMessage {
    const list = this.byPool.get(pool) ?? [];
    const at = list.findIndex(filter);
    if (at < 0) throw new Error(`demo cases: no message left in pool ${pool}`);
    return list.splice(at, 1)[0]!;
  }
}
