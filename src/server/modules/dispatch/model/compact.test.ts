import { describe, expect, it } from 'vitest';
import { dequantize, quantize, withoutUnusedFeatures } from './compact.js';
import { FeatureSpace } from './features.js';
import { LinearScorer } from './learner.js';

describe('compact model', () => {
  it('keeps weights within half a step of 1/32767 of the largest, and zero exactly zero', () => {
    const w = Float32Array.from([0, 1.5, -3, 0.001, 2.99999]);
    const q = quantize(w);
    const back = dequantize(q);
    w.forEach((v, i) => expect(Math.abs(back[i]! - v)).toBeLessThanOrEqual(3 / 32767 / 2 + 1e-7));
    expect(back[0]).toBe(0);
    expect(Math.max(...Array.from(q.values, Math.abs))).toBe(32767);
    expect(Array.from(dequantize(quantize(new Float32Array(3))))).toEqual([0, 0, 0]);
  });

  it('drops features no example touched, and scores what is left alike', () => {
    const space = new FeatureSpace(['a', 'b', 'c'], Float32Array.from([1, 2, 3]));
    const scorer = new LinearScorer(2, Float32Array.from([1, -1, 0, 0, 0.5, 0]), Float32Array.from([0.1, -0.1]));
    const small = withoutUnusedFeatures(space, scorer);
    expect(small.space.terms).toEqual(['a', 'c']);
    expect(Array.from(small.space.idf)).toEqual([1, 3]);
    expect(Array.from(small.scorer.weights)).toEqual([1, -1, 0.5, 0]);
    const x = { ids: Int32Array.from([0, 1]), values: Float64Array.from([0.6, 0.8]) };
    expect(Array.from(small.scorer.scores(x))).toEqual(Array.from(scorer.scores({ ids: Int32Array.from([0, 2]), values: Float64Array.from([0.6, 0.8]) })));
  });
});
