import { describe, expect, it } from 'vitest';
import { calibrationError, evaluate, formatCalibration, formatEvaluation } from './metrics.js';

describe('metrics', () => {
  // truth a a a a b b c c c c; predicted a a a b b c c c c a
  const truth = ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'c', 'c', 'c'];
  const predicted = ['a', 'a', 'a', 'b', 'b', 'c', 'c', 'c', 'c', 'a'];

  it('counts the confusion matrix and derives accuracy, P/R/F1 and macro-F1 from it', () => {
    const e = evaluate(truth, predicted);
    expect(e.labels).toEqual(['a', 'b', 'c']);
    expect(e.matrix).toEqual([
      [3, 1, 0],
      [0, 1, 1],
      [1, 0, 3],
    ]);
    expect(e.accuracy).toBeCloseTo(0.7, 12);
    const a = e.perLabel.find((s) => s.label === 'a')!;
    expect(a.precision).toBeCloseTo(3 / 4, 12);
    expect(a.recall).toBeCloseTo(3 / 4, 12);
    const b = e.perLabel.find((s) => s.label === 'b')!;
    expect(b.precision).toBeCloseTo(1 / 2, 12);
    expect(b.recall).toBeCloseTo(1 / 2, 12);
    const c = e.perLabel.find((s) => s.label === 'c')!;
    expect(c.f1).toBeCloseTo(3 / 4, 12);
    expect(e.macroF1).toBeCloseTo((0.75 + 0.5 + 0.75) / 3, 12);
  });

  it('counts a true label the model never predicts as errors with F1 0, and keeps labels only predicted out of the mean', () => {
    const e = evaluate(['x', 'a', 'a'], ['a', 'a', 'z'], ['a', 'z']);
    expect(e.labels).toEqual(['a', 'z', 'x']);
    expect(e.accuracy).toBeCloseTo(1 / 3, 12);
    expect(e.perLabel.map((s) => s.label)).toEqual(['a', 'x']);
    expect(e.perLabel.find((s) => s.label === 'x')!.f1).toBe(0);
    // a: precision 1/2, recall 1/2
    expect(e.macroF1).toBeCloseTo(0.25, 12);
  });

  it('reports with the labels as headers and ends with the machine-readable line', () => {
    const lines = formatEvaluation(evaluate(truth, predicted));
    expect(lines.at(-1)).toBe('macro_f1=0.6667 accuracy=0.7000 n=10');
    expect(lines.at(-1)).toMatch(/^macro_f1=[01]\.\d{4} accuracy=[01]\.\d{4} n=\d+$/);
    const header = lines.findIndex((l) => l.startsWith('confusion matrix'));
    expect(lines[header + 1]!.trim().split(/\s+/)).toEqual(['a', 'b', 'c']);
    expect(lines[header + 2]!.trim().split(/\s+/)).toEqual(['a', '3', '1', '0']);
  });

  it('measures calibration: zero when confidences match the share right, their gap otherwise', () => {
    // bin 0.8–0.9: four answers at 0.8, three right → |3.2 − 3| / 5; bin 0.9–1: one at 1.0, right → 0
    expect(calibrationError([0.8, 0.8, 0.8, 0.8, 1], [true, true, true, false, true])).toBeCloseTo(0.2 / 5, 12);
    expect(calibrationError([0.75, 0.75, 0.75, 0.75], [true, true, true, false])).toBeCloseTo(0, 12);
    expect(calibrationError([1, 1], [false, false])).toBeCloseTo(1, 12);
    expect(formatCalibration([0.9, 0.5], [true, false])).toContain('mean 0.90 when right, 0.50 when wrong');
  });
});
