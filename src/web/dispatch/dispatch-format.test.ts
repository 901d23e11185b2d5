import { describe, expect, test } from 'vitest';
import { fromPercent, megabytes, orderedHeads, percent, toPercent, trainingSeconds } from './dispatch-format.js';

describe('智能派单 wording', () => {
  test('confidences read as whole percentages, a tiny one as <1%', () => {
    expect(percent(0.8734)).toBe('87%');
    expect(percent(1)).toBe('100%');
    expect(percent(0.005)).toBe('1%');
    expect(percent(0.004)).toBe('<1%');
    expect(percent(0)).toBe('0%');
  });

  test('the minimum confidence round-trips between fraction and percent', () => {
    expect(toPercent(0.95)).toBe(95);
    expect(toPercent(0.5)).toBe(50);
    expect(fromPercent(95)).toBe(0.95);
    // The form may hand over a value the user typed with decimals.
    expect(fromPercent(57.4)).toBe(0.57);
    for (let p = 50; p <= 100; p++) expect(toPercent(fromPercent(p))).toBe(p);
  });

  test('heads come coarse to fine, then the unit, then anything newer by name', () => {
    expect(orderedHeads({ unit: 9, zeta: 1, category2: 12, alpha: 2, category1: 7 })).toEqual([
      { head: 'category1', classes: 7 },
      { head: 'category2', classes: 12 },
      { head: 'unit', classes: 9 },
      { head: 'alpha', classes: 2 },
      { head: 'zeta', classes: 1 },
    ]);
    expect(orderedHeads({})).toEqual([]);
  });

  test('sizes in MB and training time in seconds', () => {
    expect(megabytes(3_586_129)).toBe('3.42');
    expect(megabytes(0)).toBe('0.00');
    expect(trainingSeconds(12.345)).toBe('12.3');
    expect(trainingSeconds(123.6)).toBe('124');
  });
});
