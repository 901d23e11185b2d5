import { describe, expect, it } from 'vitest';
import type { SparseVector } from './features.js';
import { DEFAULT_SOFTMAX_OPTIONS, epochsFor, softmax, trainSoftmax, type WeightedExample } from './learner.js';
import { seededRandom } from './random.js';

/** Three classes over 30 features: class c's vectors use features 10c..10c+4 (its own) and 25..29 (shared noise). */
function toy(n: number, seed: number): WeightedExample[] {
  const random = seededRandom(seed);
  const out: WeightedExample[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 3;
    const ids = [...new Set([10 * label + Math.floor(random() * 5), 10 * label + Math.floor(random() * 5), 25 + Math.floor(random() * 5)])].sort((a, b) => a - b);
    const v = 1 / Math.sqrt(ids.length);
    out.push({ vector: { ids: Int32Array.from(ids), values: new Float64Array(ids.length).fill(v) }, label, weight: 1 });
  }
  return out;
}

const argmax = (s: ArrayLike<number>) => Array.from(s).reduce((b, v, i, a) => (v > a[b]! ? i : b), 0);

describe('softmax learner', () => {
  it('learns a separable toy problem', () => {
    const model = trainSoftmax(toy(90, 1), 3, 30);
    const test = toy(60, 2);
    expect(test.every((e) => argmax(model.scores(e.vector)) === e.label)).toBe(true);
    // a class's own features weigh for it, the shared ones barely
    expect(model.weights[3 * 3 + 0]!).toBeGreaterThan(model.weights[3 * 3 + 1]!);
    expect(Math.abs(model.weights[27 * 3 + 0]!)).toBeLessThan(model.weights[3 * 3 + 0]!);
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const data = toy(60, 3);
    const a = trainSoftmax(data, 3, 30);
    const b = trainSoftmax(data, 3, 30);
    const c = trainSoftmax(data, 3, 30, { ...DEFAULT_SOFTMAX_OPTIONS, seed: 2 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
    expect(Array.from(a.weights)).not.toEqual(Array.from(c.weights));
  });

  it('ignores examples of weight 0 and lets heavier examples pull harder', () => {
    const x: SparseVector = { ids: Int32Array.from([0]), values: Float64Array.from([1]) };
    const conflicting = (wA: number, wB: number): WeightedExample[] => [
      { vector: x, label: 0, weight: wA },
      { vector: x, label: 1, weight: wB },
    ];
    expect(argmax(trainSoftmax(conflicting(1, 0), 2, 1).scores(x))).toBe(0);
    expect(argmax(trainSoftmax(conflicting(1, 3), 2, 1).scores(x))).toBe(1);
    expect(argmax(trainSoftmax(conflicting(3, 1), 2, 1).scores(x))).toBe(0);
  });

  it('turns scores into probabilities; a higher temperature flattens them', () => {
    const p = softmax(Float64Array.from([2, 1, 0]));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[0]!).toBeGreaterThan(p[1]!);
    expect(softmax(Float64Array.from([2, 1, 0]), 10)[0]!).toBeLessThan(p[0]!);
    expect(Array.from(softmax(Float64Array.from([1000, 0])))).toEqual([1, 0]);
  });

  it('takes fewer passes over a large set, never fewer than minEpochs', () => {
    const o = { ...DEFAULT_SOFTMAX_OPTIONS, epochs: 10, maxVisits: 1000, minEpochs: 3 };
    expect(epochsFor(50, o)).toBe(10);
    expect(epochsFor(200, o)).toBe(5);
    expect(epochsFor(5000, o)).toBe(3);
    expect(epochsFor(5000, { ...o, maxVisits: Infinity })).toBe(10);
  });

  it('returns the mean of the weights after each of the last half of the passes', () => {
    const data = toy(30, 5);
    const o = { ...DEFAULT_SOFTMAX_OPTIONS, average: false };
    const after3 = trainSoftmax(data, 3, 30, { ...o, epochs: 3 });
    const after4 = trainSoftmax(data, 3, 30, { ...o, epochs: 4 });
    const averaged = trainSoftmax(data, 3, 30, { ...o, epochs: 4, average: true });
    averaged.weights.forEach((w, i) => expect(w).toBeCloseTo((after3.weights[i]! + after4.weights[i]!) / 2, 5));
    averaged.bias.forEach((b, i) => expect(b).toBeCloseTo((after3.bias[i]! + after4.bias[i]!) / 2, 5));
  });
});
