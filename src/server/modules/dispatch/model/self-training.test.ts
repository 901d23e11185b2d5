import { describe, expect, it } from 'vitest';
import type { SparseVector } from './features.js';
import { DEFAULT_SOFTMAX_OPTIONS } from './learner.js';
import { pseudoLabelled, selfTrain } from './self-training.js';

const unit = (id: number): SparseVector => ({ ids: Int32Array.from([id]), values: Float64Array.from([1]) });

describe('self-training', () => {
  it('takes from each class in proportion to its labelled share, surest first, weighing the class weight × its labelled count', () => {
    const pool = [0, 1, 2, 3, 4, 5, 6, 7].map(unit);
    // class 0 has 3 labelled examples, class 1 one; pool guesses: 6 for class 0, 2 for class 1
    const guesses = [
      { index: 0, label: 0, margin: 0.1 },
      { index: 1, label: 0, margin: 0.9 },
      { index: 2, label: 0, margin: 0.5 },
      { index: 3, label: 0, margin: 0.7 },
      { index: 4, label: 0, margin: 0.2 },
      { index: 5, label: 0, margin: 0.3 },
      { index: 6, label: 1, margin: 0.4 },
      { index: 7, label: 1, margin: 0.8 },
    ];
    const taken = pseudoLabelled(guesses, pool, [3, 1], 4, 0.5);
    expect(taken.filter((e) => e.label === 0).map((e) => e.vector.ids[0])).toEqual([1, 3, 2]);
    expect(taken.filter((e) => e.label === 1).map((e) => e.vector.ids[0])).toEqual([7]);
    const weightOf = (c: number) => taken.filter((e) => e.label === c).reduce((a, e) => a + e.weight, 0);
    expect(weightOf(0)).toBeCloseTo(0.5 * 3, 12);
    expect(weightOf(1)).toBeCloseTo(0.5 * 1, 12);
  });

  it('learns from the pool what the labelled examples do not show', () => {
    // feature 0 marks class 0 and 1 class 1 in the labelled examples; in the pool, feature 2 always
    // comes with feature 0 and feature 3 with feature 1: self-training learns 2 → class 0, 3 → class 1.
    const v = (ids: number[]): SparseVector => ({ ids: Int32Array.from(ids), values: new Float64Array(ids.length).fill(1 / Math.sqrt(ids.length)) });
    const labelled = [
      { vector: v([0]), label: 0, weight: 1 },
      { vector: v([1]), label: 1, weight: 1 },
    ];
    const pool = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? v([0, 2]) : v([1, 3])));
    const learner = { ...DEFAULT_SOFTMAX_OPTIONS, epochs: 20 };
    const plain = selfTrain(labelled, [1, 1], [], 4, learner, { rounds: 2, share: 1, weight: 1 });
    const self = selfTrain(labelled, [1, 1], pool, 4, learner, { rounds: 2, share: 1, weight: 1 });
    const w = (m: typeof plain, feature: number, label: number) => m.weights[feature * 2 + label]!;
    expect([w(plain, 2, 0), w(plain, 2, 1), w(plain, 3, 0), w(plain, 3, 1)]).toEqual([0, 0, 0, 0]);
    expect(w(self, 2, 0)).toBeGreaterThan(w(self, 2, 1));
    expect(w(self, 3, 1)).toBeGreaterThan(w(self, 3, 0));
  });
});
