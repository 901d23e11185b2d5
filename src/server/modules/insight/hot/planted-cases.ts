/**
 * Synthetic cases with planted problems, for the tests (and a demo without real data): each
 * planted topic has its own words, phrased in varying ways, wrapped in the boilerplate and
 * place names every real message carries; the noise cases are about one-off matters.
 * Seeded: the same arguments give the same cases.
 */
import type { HotItem } from './hot-issues.js';

export interface PlantedTopic {
  key: string;
  titles: string[];
  /** Sentences about the problem; a case takes two or three of them. */
  sentences: string[];
}

/** Three everyday problems of a district, with distinct words. */
export const PLANTED_TOPICS: readonly PlantedTopic[] = [
  {
    key: 'night-construction',
    titles: ['{p}工地夜间施工噪音扰民', '投诉{p}附近工地晚上施工', '{p}旁边工地深夜施工太吵', '{p}夜间施工噪音严重'],
    sentences: [
      '旁边的工地每天晚上十点以后还在施工，机器轰鸣',
      '夜间施工噪音太大，居民根本无法入睡',
      '工地凌晨还在浇筑混凝土，噪音扰民',
      '渣土车和打桩机夜里一直作业，噪音分贝很高',
      '施工单位没有夜间施工许可证却通宵施工',
    ],
  },
  {
    key: 'elevator',
    titles: ['{p}电梯经常故障停运', '{p}电梯坏了没人维修', '{p}电梯频繁困人', '反映{p}电梯维保不到位'],
    sentences: [
      '楼里的电梯经常出故障，上周又困人了',
      '电梯停运半个月，老人上下楼非常困难',
      '物业收了电梯维保费却迟迟不维修电梯',
      '电梯运行时抖动异响，大家不敢乘坐',
      '电梯年检过期，维保公司不来检修',
    ],
  },
  {
    key: 'garbage',
    titles: ['{p}垃圾清运不及时', '{p}垃圾堆放发臭', '{p}垃圾桶满了没人清运', '{p}生活垃圾无人清理'],
    sentences: [
      '门口的垃圾桶满了好几天没人清运，气味难闻',
      '垃圾堆在路边发臭，蚊蝇滋生',
      '环卫车很久没来收垃圾，垃圾越堆越多',
      '夏天垃圾腐烂发臭，污水横流',
      '垃圾分类点的垃圾长期不清运',
    ],
  },
];

/** One-off matters: noise case i is about matter i, so no two noise cases (up to 40) share one. */
const NOISE_MATTERS = [
  '孩子入学需要准备哪些材料', '小区路灯不亮', '建议增加公交线路', '社保转移怎么办理', '井盖缺失存在隐患', '公园健身器材损坏', '门牌号码错误', '户口迁移手续',
  '房产证办理进度', '农村危房改造补贴', '医保异地报销', '残疾人补贴申领', '退役军人优待证', '燃气费账单异常', '自来水水压偏低', '宽带线路私拉',
  '共享单车乱停放', '行道树遮挡信号灯', '违规养犬伤人', '楼道堆放杂物', '外墙瓷砖脱落', '学校周边交通拥堵', '图书馆开放时间', '公厕无人保洁',
  '耕地被占用', '河道漂浮物', '商铺占道经营', '出租车拒载', '快递柜收费', '老旧小区加装电梯补贴', '充电桩安装', '停车收费标准',
  '幼儿园收费', '驾照换证', '养老金调整', '公租房申请', '人才引进落户', '二手房过户税费', '消防通道被占', '广场舞音响',
];

const PLACES = ['幸福社区', '和平里社区', '光明村', '东风街道', '青石社区', '柳岸花园', '金桥村', '南湖社区'];

const OPENINGS = ['您好，', '尊敬的领导：', '领导您好，', '', '请问，'];
const CLOSINGS = ['希望相关部门尽快处理，谢谢！', '恳请领导重视，尽快解决这个问题。', '请有关部门给个答复。', '', '谢谢！'];

export interface PlantedOptions {
  /** Cases per planted topic (default 30). */
  perTopic?: number;
  /** Noise cases (default 40; past 40 the matters repeat). */
  noise?: number;
  /** Cases are spread over [from, from + days) (default 2026-03-02, 28 days). */
  from?: Date;
  days?: number;
  seed?: number;
  /** Only these topics (default all three). */
  topics?: readonly PlantedTopic[];
}

export interface PlantedCase extends HotItem {
  /** The planted topic's key, or 'noise'. */
  topic: string;
}

/** A seeded pseudo-random generator (LCG): deterministic across runs and platforms. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/** Cases with planted topics and noise, ids `topic-n` and `noise-n`. */
export function plantedCases(options: PlantedOptions = {}): PlantedCase[] {
  const rnd = seeded(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const from = (options.from ?? new Date('2026-03-02T00:00:00+08:00')).getTime();
  const span = (options.days ?? 28) * 86_400_000;
  const at = () => new Date(from + Math.floor(rnd() * span));
  const out: PlantedCase[] = [];
  for (const topic of options.topics ?? PLANTED_TOPICS) {
    for (let i = 0; i < (options.perTopic ?? 30); i++) {
      const place = pick(PLACES);
      const sentences = [...topic.sentences].sort(() => rnd() - 0.5).slice(0, 2 + Math.floor(rnd() * 2));
      out.push({
        id: `${topic.key}-${i}`,
        topic: topic.key,
        title: pick(topic.titles).replace('{p}', place),
        body: `${pick(OPENINGS)}我是${place}的居民，${sentences.join('，')}。${pick(CLOSINGS)}`,
        at: at(),
        place: { id: place, name: place },
        weight: 1 + Math.floor(rnd() * 3),
      });
    }
  }
  for (let i = 0; i < (options.noise ?? 40); i++) {
    const place = pick(PLACES);
    const matter = NOISE_MATTERS[i % NOISE_MATTERS.length]!;
    out.push({
      id: `noise-${i}`,
      topic: 'noise',
      title: `关于${place}${matter}的问题`,
      body: `${pick(OPENINGS)}我是${place}的居民，想反映一下${matter}的情况。${pick(CLOSINGS)}`,
      at: at(),
      place: { id: place, name: place },
    });
  }
  return out;
}
