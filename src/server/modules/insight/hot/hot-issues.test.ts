import { describe, expect, it } from 'vitest';
import { Segmenter } from '../../../platform/text/segmenter.js';
import { clusterHotIssues, runHotIssues, type HotIssue, type HotItem } from './hot-issues.js';
import { PLANTED_TOPICS, plantedCases, seeded, type PlantedCase } from './planted-cases.js';
import { STOP_WORDS } from './topic-words.js';

const segmenter = Segmenter.create();
const PLACES = ['幸福社区', '和平里社区', '光明村', '东风街道', '青石社区', '柳岸花园', '金桥村', '南湖社区'];

/** The issue holding most of `topic`'s cases, with recall (share of the topic's cases in it) and purity (share of its members from the topic). */
function bestMatch(issues: readonly HotIssue[], cases: readonly PlantedCase[], topic: string) {
  const topicOf = new Map(cases.map((c) => [c.id, c.topic]));
  const planted = cases.filter((c) => c.topic === topic).length;
  let best: { issue: HotIssue; recall: number; purity: number } | undefined;
  for (const issue of issues) {
    const hits = issue.memberIds.filter((id) => topicOf.get(id) === topic).length;
    if (!best || hits / planted > best.recall) best = { issue, recall: hits / planted, purity: hits / issue.size };
  }
  return best!;
}

describe('hot issues on planted topics', () => {
  const cases = plantedCases({ perTopic: 30, noise: 40, seed: 7 });
  const run = runHotIssues(cases, { segmenter, bucket: 'week', placeNames: PLACES });
  const issues = run.issues;

  it('recovers each planted topic as one pure cluster, the three biggest', () => {
    for (const topic of PLANTED_TOPICS) {
      const m = bestMatch(issues, cases, topic.key);
      expect(m.recall, topic.key).toBeGreaterThanOrEqual(0.9);
      expect(m.purity, topic.key).toBeGreaterThanOrEqual(0.95);
    }
    const biggest = [...issues].sort((a, b) => b.size - a.size).slice(0, 3);
    expect(new Set(biggest.map((i) => bestMatchTopic(i, cases)))).toEqual(new Set(PLANTED_TOPICS.map((t) => t.key)));
    // Noise (one matter each) is left out: at most a few noise cases end up in a cluster.
    const clusteredNoise = issues.flatMap((i) => i.memberIds).filter((id) => String(id).startsWith('noise-')).length;
    expect(clusteredNoise).toBeLessThanOrEqual(6);
  });

  it('names topics with their own words, never with boilerplate or places', () => {
    const label = (key: string) => bestMatch(issues, cases, key).issue.keywords;
    expect(label('night-construction').some((w) => ['噪音', '施工', '夜间', '工地'].includes(w))).toBe(true);
    expect(label('elevator')).toContain('电梯');
    expect(label('garbage').some((w) => w.includes('垃圾'))).toBe(true);
    for (const issue of issues) {
      expect(issue.keywords.length).toBeGreaterThanOrEqual(2);
      expect(issue.keywords.length).toBeLessThanOrEqual(4);
      expect(issue.label).toBe(issue.keywords.join(' / '));
      for (const w of issue.keywords) {
        expect(STOP_WORDS.has(w), w).toBe(false);
        expect(PLACES.some((p) => p.includes(w) || w.includes(p)), w).toBe(false);
      }
    }
  });

  it('partitions the cases: no case in two clusters, series sum to sizes, places and representatives from the members', () => {
    const all = issues.flatMap((i) => i.memberIds);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(run.clustered);
    const byId = new Map(cases.map((c) => [c.id, c]));
    for (const issue of issues) {
      expect(issue.size).toBe(issue.memberIds.length);
      expect(issue.series.reduce((s, b) => s + b.count, 0)).toBe(issue.size);
      expect(issue.series.map((b) => b.bucket)).toEqual(run.buckets.keys);
      expect(issue.places.reduce((s, p) => s + p.count, 0)).toBe(issue.size);
      expect(issue.weightedSize).toBe(issue.memberIds.reduce<number>((s, id) => s + (byId.get(id)!.weight ?? 1), 0));
      expect(issue.memberIds[0]).toBe(issue.representativeId);
      expect(issue.cohesion).toBeGreaterThan(0);
      expect(issue.cohesion).toBeLessThanOrEqual(1);
      expect(issue.trend.last).toBe(issue.series[issue.series.length - 1]!.count);
    }
    // Ranked by score.
    for (let i = 1; i < issues.length; i++) expect(issues[i - 1]!.score).toBeGreaterThanOrEqual(issues[i]!.score);
  });

  it('gives the same clusters for the same cases in any order', () => {
    const rnd = seeded(99);
    const shuffled = [...cases].sort(() => rnd() - 0.5);
    const again = clusterHotIssues(shuffled, { segmenter, bucket: 'week', placeNames: PLACES });
    expect(again).toEqual(issues);
  });

  it('ranks a growing problem above a steady one of the same size, and a supported one above an unsupported one', () => {
    const start = new Date('2026-03-02T00:00:00+08:00');
    const [noise, elevator] = [PLANTED_TOPICS[0]!, PLANTED_TOPICS[1]!];
    const steady = plantedCases({ topics: [noise], perTopic: 20, noise: 0, from: start, days: 28, seed: 1 });
    // The same number of elevator cases, all in the last week.
    const growing = plantedCases({ topics: [elevator], perTopic: 20, noise: 0, from: new Date(start.getTime() + 21 * 86_400_000), days: 7, seed: 2 });
    const to = new Date(start.getTime() + 28 * 86_400_000);
    const ranked = clusterHotIssues([...steady, ...growing], { segmenter, bucket: 'week', from: start, to });
    expect(ranked[0]!.keywords).toContain('电梯');
    expect(ranked[0]!.trend.growth).toBeGreaterThan(ranked[1]!.trend.growth);

    const liked = steady.map((c) => ({ ...c, weight: 50 }));
    const plain = growing.map((c) => ({ ...c, weight: 1, at: new Date(start.getTime() + (c.at.getTime() - start.getTime() - 21 * 86_400_000) * 4) }));
    const bySupport = clusterHotIssues([...liked, ...plain], { segmenter, bucket: 'week', from: start, to });
    expect(bySupport[0]!.keywords.some((w) => ['噪音', '施工', '夜间', '工地'].includes(w))).toBe(true);
  });

  it('only considers cases inside the window', () => {
    const from = new Date('2026-03-09T00:00:00+08:00');
    const to = new Date('2026-03-16T00:00:00+08:00');
    const r = runHotIssues(cases, { segmenter, bucket: 'week', from, to, minClusterSize: 2 });
    expect(r.considered).toBe(cases.filter((c) => c.at >= from && c.at < to).length);
    expect(r.buckets.keys).toEqual(['2026-03-09']);
    const inWindow = new Set(cases.filter((c) => c.at >= from && c.at < to).map((c) => c.id));
    for (const i of r.issues) for (const id of i.memberIds) expect(inWindow.has(id as string)).toBe(true);
  });
});

describe('hot issues on near-duplicates', () => {
  const at = new Date('2026-03-10T10:00:00+08:00');
  const item = (id: number, title: string, body: string): HotItem => ({ id, title, body, at: new Date(at.getTime() + id * 60_000) });

  it('puts reworded copies of a case together and unrelated cases apart', () => {
    const items = [
      item(1, '柳岸花园3栋楼下餐馆油烟直排扰民', '楼下新开的餐馆没有安装油烟净化器，油烟直接排到住户窗口，家里全是油烟味。'),
      item(2, '投诉柳岸花园楼下餐馆油烟直排', '柳岸花园3栋楼下的餐馆油烟直排，没有油烟净化器，住户窗口全是油烟味，请处理。'),
      item(3, '柳岸花园餐馆油烟扰民', '餐馆油烟直接排向住户窗口，没装油烟净化器，家里都是油烟味。'),
      item(4, '咨询新生儿医保参保流程', '孩子刚出生，想了解新生儿医保怎么参保，需要带哪些证件。'),
      item(5, '公园健身器材损坏', '南湖公园的健身器材坏了很久，扶手断裂，容易伤到老人。'),
      item(6, '快递柜超时收费不合理', '快递柜超过十二小时就开始收费，取件时间太紧。'),
    ];
    const issues = clusterHotIssues(
      items.map((it, k) => ({ ...it, categoryId: k < 2 ? 7 : 8 })),
      { segmenter, minClusterSize: 2 },
    );
    expect(issues).toHaveLength(1);
    expect([...issues[0]!.memberIds].sort()).toEqual([1, 2, 3]);
    expect(issues[0]!.keywords).toContain('油烟');
    expect(issues[0]!.categories).toEqual([
      { categoryId: 7, count: 2 },
      { categoryId: 8, count: 1 },
    ]);
    expect(issues[0]!.keywords.some((w) => w.startsWith('#'))).toBe(false);
  });

  it('refuses a case listed twice, and returns nothing for no cases', () => {
    const a = item(1, '路灯不亮', '小区路灯坏了');
    expect(() => clusterHotIssues([a, { ...a }], { segmenter })).toThrow(/twice/);
    expect(clusterHotIssues([], { segmenter })).toEqual([]);
  });
});

function bestMatchTopic(issue: HotIssue, cases: readonly PlantedCase[]): string {
  const topicOf = new Map(cases.map((c) => [c.id, c.topic]));
  const counts = new Map<string, number>();
  for (const id of issue.memberIds) counts.set(topicOf.get(id)!, (counts.get(topicOf.get(id)!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}
