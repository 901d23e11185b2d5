/**
 * Making a trained model small enough to keep in the database: features that no training
 * example touched (all weights zero) leave the vocabulary, and the weights are stored as
 * 16-bit integers with one scale per model (relative error below 1/32767 of the largest
 * weight). The in-memory model uses the very same rounded weights, so a stored model gives
 * the same outputs as the one that was trained.
 */
import { FeatureSpace } from './features.js';
import { LinearScorer } from './learner.js';

/** Weights as integers × `scale`. */
export interface QuantizedWeights {
  scale: number;
  values: Int16Array;
}

const MAX = 32767;

export function quantize(weights: Float32Array): QuantizedWeights {
  let max = 0;
  for (const w of weights) if (Math.abs(w) > max) max = Math.abs(w);
  const scale = max === 0 ? 1 : max / MAX;
  const values = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) values[i] = Math.round(weights[i]! / scale);
  return { scale, values };
}

export function dequantize(q: QuantizedWeights): Float32Array {
  const out = new Float32Array(q.values.length);
  for (let i = 0; i < out.length; i++) out[i] = q.values[i]! * q.scale;
  return out;
}

/** The space and scorer without the features whose weights are all zero. */
export function withoutUnusedFeatures(space: FeatureSpace, scorer: LinearScorer): { space: FeatureSpace; scorer: LinearScorer } {
  const k = scorer.classes;
  const kept: number[] = [];
  for (let f = 0; f < space.size; f++) {
    for (let c = 0; c < k; c++) {
      if (scorer.weights[f * k + c] !== 0) {
        kept.push(f);
        break;
      }
    }
  }
  const weights = new Float32Array(kept.length * k);
  kept.forEach((f, i) => weights.set(scorer.weights.subarray(f * k, (f + 1) * k), i * k));
  return {
    space: new FeatureSpace(
      kept.map((f) => space.terms[f]!),
      Float32Array.from(kept, (f) => space.idf[f]!),
    ),
    scorer: new LinearScorer(k, weights, scorer.bias),
  };
}
