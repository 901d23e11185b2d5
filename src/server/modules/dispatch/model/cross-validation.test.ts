import { describe, expect, it } from 'vitest';
import { crossValidate, stratifiedFolds } from './cross-validation.js';
import { toyMessages, withoutLabels } from './toy-data.test-helper.js';

describe('cross-validation', () => {
  it('spreads each label evenly over the folds, the same way for the same seed', () => {
    const labels = [...Array(23).fill('a'), ...Array(11).fill('b'), ...Array(6).fill('c')] as string[];
    const folds = stratifiedFolds(labels, 5, 1);
    for (const l of ['a', 'b', 'c']) {
      const sizes = [0, 1, 2, 3, 4].map((f) => labels.filter((x, i) => x === l && folds[i] === f).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    const all = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(Math.max(...all) - Math.min(...all)).toBeLessThanOrEqual(1);
    expect(stratifiedFolds(labels, 5, 1)).toEqual(folds);
    expect(stratifiedFolds(labels, 5, 2)).not.toEqual(folds);
    expect(() => stratifiedFolds(labels, 1)).toThrow();
  });

  it('tests every message once, on a model that never saw its label, and leaves it out of that fold’s pool', () => {
    const labelled = toyMessages(8);
    // the pool repeats three labelled messages (one with other spacing), plus unrelated ones
    const pool = [...withoutLabels(toyMessages(10, 5)), { title: labelled[0]!.title, body: '别的内容' }, { title: '别的', body: labelled[1]!.body }, { title: ` ${labelled[2]!.title}`, body: 'x' }];
    const cv = crossValidate(labelled, { unlabelled: pool, folds: 4 });
    expect(cv.truth).toEqual(labelled.map((m) => m.label));
    expect(cv.predicted).toHaveLength(labelled.length);
    expect(cv.poolOverlap).toBe(3);
    expect(cv.evaluation.n).toBe(labelled.length);
    expect(cv.evaluation.accuracy).toBeGreaterThan(0.8);
  });
});
