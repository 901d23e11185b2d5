import { describe, expect, it } from 'vitest';
import { Segmenter } from '../../../platform/text/segmenter.js';
import { clusterHotIssues } from './hot-issues.js';
import { candidatesFromIssues, monthlyTopicCandidates } from './monthly-topics.js';
import { PLANTED_TOPICS, plantedCases } from './planted-cases.js';

const segmenter = Segmenter.create();
const [construction, elevator, garbage] = PLANTED_TOPICS as [(typeof PLANTED_TOPICS)[number], (typeof PLANTED_TOPICS)[number], (typeof PLANTED_TOPICS)[number]];
const month = (m: number) => new Date(`2026-${String(m).padStart(2, '0')}-01T00:00:00+08:00`);

/** Garbage: 6 cases in each of March–June; elevators: a burst of 30 in May; construction: 8 in March, 4 in June. */
function cases() {
  const recurring = [3, 4, 5, 6].flatMap((m) => plantedCases({ topics: [garbage], perTopic: 6, noise: 0, from: month(m), days: 28, seed: m }).map((c) => ({ ...c, id: `${c.id}@${m}` })));
  const burst = plantedCases({ topics: [elevator], perTopic: 30, noise: 0, from: month(5), days: 20, seed: 11 });
  const twice = [
    ...plantedCases({ topics: [construction], perTopic: 8, noise: 0, from: month(3), days: 28, seed: 12 }),
    ...plantedCases({ topics: [construction], perTopic: 4, noise: 0, from: month(6), days: 28, seed: 13 }).map((c) => ({ ...c, id: `${c.id}@6` })),
  ];
  const noise = plantedCases({ topics: [], noise: 40, from: month(3), days: 120, seed: 14 });
  return [...recurring, ...burst, ...twice, ...noise];
}

describe('每月一题 candidates', () => {
  const items = cases();
  const window = { from: month(3), to: month(7) };

  it('puts the problem recurring over four months first, and leaves the one-month burst out', () => {
    const candidates = monthlyTopicCandidates(items, { segmenter, ...window });
    expect(candidates[0]!.keywords.some((w) => w.includes('垃圾'))).toBe(true);
    expect(candidates[0]).toMatchObject({ monthsPresent: 4, longestRun: 4 });
    expect(candidates[0]!.total).toBeGreaterThanOrEqual(22); // of 24 planted
    expect(candidates[0]!.months.map((m) => m.bucket)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06']);
    for (const m of candidates[0]!.months) expect(m.count).toBeGreaterThanOrEqual(5);
    expect(candidates[0]!.months.reduce((s, m) => s + m.count, 0)).toBe(candidates[0]!.total);
    expect(candidates[0]!.places.reduce((s, p) => s + p.count, 0)).toBe(candidates[0]!.total);
    // The elevator burst (30 cases, more than the recurring 24) is one month: no candidate.
    expect(candidates.some((c) => c.keywords.includes('电梯'))).toBe(false);
    // Construction came back in June after a gap: present twice, under the default three months.
    expect(candidates.some((c) => c.keywords.some((w) => ['施工', '噪音', '工地', '夜间'].includes(w)))).toBe(false);
  });

  it('ranks by recurrence, then volume; the burst ranks last when one month is enough', () => {
    const all = monthlyTopicCandidates(items, { segmenter, ...window, minMonths: 1 });
    const topicOf = (c: (typeof all)[number]) => (c.keywords.includes('电梯') ? 'elevator' : c.keywords.some((w) => w.includes('垃圾')) ? 'garbage' : 'construction');
    expect(all.slice(0, 3).map(topicOf)).toEqual(['garbage', 'construction', 'elevator']);
    expect(all[2]).toMatchObject({ monthsPresent: 1 });
    expect(all[2]!.total).toBeGreaterThanOrEqual(27); // of 30
    expect(all[1]).toMatchObject({ monthsPresent: 2, longestRun: 1 });
  });

  it('counts a month only with enough cases, and reuses clusters computed for the hot-issue list', () => {
    const issues = clusterHotIssues(items, { segmenter, ...window, bucket: 'month' });
    const garbage = candidatesFromIssues(issues, { minMonths: 4 });
    expect(garbage).toHaveLength(1);
    const fewest = Math.min(...garbage[0]!.months.map((m) => m.count));
    expect(candidatesFromIssues(issues, { minMonths: 4, minPerMonth: fewest })).toHaveLength(1);
    expect(candidatesFromIssues(issues, { minMonths: 4, minPerMonth: fewest + 1 })).toHaveLength(0);
    expect(candidatesFromIssues(issues, { minMonths: 3, minPerMonth: fewest + 1 })[0]?.monthsPresent ?? 3).toBe(3);
    expect(() => candidatesFromIssues(clusterHotIssues(items, { segmenter, ...window, bucket: 'week' }))).toThrow(/monthly/);
  });
});
