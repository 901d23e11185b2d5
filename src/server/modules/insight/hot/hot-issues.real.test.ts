/**
 * Hot issues on the 4,326 real messages with votes (2019): coherent clusters, no blob, and
 * the problems the message board was known for found whole.
 */
import { describe, expect, it } from 'vitest';
import { Segmenter } from '../../../platform/text/segmenter.js';
import { runHotIssues, type HotIssue } from './hot-issues.js';
import { candidatesFromIssues } from './monthly-topics.js';
import { shippedVoteItems } from './shipped-items.js';
import { STOP_WORDS } from './topic-words.js';

const items = shippedVoteItems();
const textOf = new Map(items.map((m) => [m.id, `${m.title}\n${m.body}`.toLowerCase()]));
const run = runHotIssues(items, {
  segmenter: Segmenter.create(),
  bucket: 'month',
  from: new Date('2019-01-01T00:00:00+08:00'),
  to: new Date('2020-01-01T00:00:00+08:00'),
});

/** Share of an issue's members whose text has at least `n` of its label words. */
function sharing(issue: HotIssue, n: number): number {
  const hits = issue.memberIds.filter((id) => issue.keywords.filter((k) => textOf.get(id)!.includes(k)).length >= n).length;
  return hits / issue.size;
}

describe('hot issues on the real messages with votes', () => {
  it('reads every message, dates included', () => {
    expect(items).toHaveLength(4326);
    expect(run.considered).toBeGreaterThan(4200); // 2019; a few are from 2017–2018 and January 2020
  });

  it('makes coherent clusters: the top 10 by score and by size share their label words', () => {
    const bySize = [...run.issues].sort((a, b) => b.size - a.size).slice(0, 10);
    for (const issue of bySize) expect(issue.size, issue.label).toBeGreaterThanOrEqual(10);
    for (const issue of [...run.issues.slice(0, 10), ...bySize]) {
      expect(issue.keywordShares[0], issue.label).toBeGreaterThanOrEqual(0.8);
      expect(sharing(issue, 1), issue.label).toBeGreaterThanOrEqual(0.95);
      expect(sharing(issue, 2), issue.label).toBeGreaterThanOrEqual(0.7);
      for (const w of issue.keywords) expect(STOP_WORDS.has(w) || /\d/.test(w), `${issue.label}: ${w}`).toBe(false);
    }
  });

  it('is not one blob, nor nothing', () => {
    const share = run.clustered / run.considered;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.6);
    expect(Math.max(...run.issues.map((i) => i.size))).toBeLessThan(0.02 * run.considered);
    expect(run.issues.length).toBeGreaterThan(150);
  });

  it('finds the board’s best-known problems whole: the 丽发新城 batching plant and the 伊景园滨河苑 bundled parking', () => {
    const plant = run.issues.find((i) => i.keywords.includes('搅拌站'))!;
    expect(plant.size).toBeGreaterThanOrEqual(40);
    expect(plant.memberIds.filter((id) => /丽发|搅拌/.test(textOf.get(id)!)).length / plant.size).toBeGreaterThanOrEqual(0.95);
    expect(plant.places[0]).toMatchObject({ name: 'A2区' });
    expect(run.issues[0]).toBe(plant); // the hottest in late 2019
    const parking = run.issues.find((i) => i.keywords.includes('捆绑'))!;
    expect(parking.size).toBeGreaterThanOrEqual(45);
    expect(parking.memberIds.filter((id) => /伊景园|滨河苑/.test(textOf.get(id)!)).length / parking.size).toBeGreaterThanOrEqual(0.9);
  });

  it('proposes recurring problems for 每月一题, present in most months', () => {
    const candidates = candidatesFromIssues(run.issues, { minMonths: 6, limit: 10 });
    expect(candidates.length).toBe(10);
    for (const c of candidates) {
      expect(c.monthsPresent).toBeGreaterThanOrEqual(6);
      expect(c.months.filter((m) => m.count > 0)).toHaveLength(c.monthsPresent);
    }
    // The batching plant was a burst of a few months, not a recurring problem.
    expect(candidates.some((c) => c.keywords.includes('搅拌站'))).toBe(false);
  });
});
