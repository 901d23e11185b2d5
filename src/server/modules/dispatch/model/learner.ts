/**
 * The learner: multinomial logistic regression (softmax) over sparse vectors, trained by
 * stochastic gradient descent with a per-coordinate step (AdaGrad) and an L2 penalty on the
 * coordinates each example touches. It gives probabilities rather than bare scores (the
 * dispatcher sees a confidence), each class's weight per feature (which words drove a
 * suggestion), and takes a weight per example (pseudo-labelled messages count less than
 * labelled ones). Visiting order comes from a seeded generator: the same data and options
 * give the same model.
 */
import type { SparseVector } from './features.js';
import { seededRandom, shuffleInPlace } from './random.js';

/** One training example: its vector, its class (0-based) and how much it counts. */
export interface WeightedExample {
  vector: SparseVector;
  label: number;
  weight: number;
}

export interface SoftmaxOptions {
  /** L2 penalty per touched coordinate and step. */
  l2: number;
  /** Passes over the examples (at most). */
  epochs: number;
  /**
   * Examples visited at most (passes × examples): a large set takes fewer passes — each pass
   * already holds many updates per feature — but never fewer than `minEpochs`.
   */
  maxVisits: number;
  minEpochs: number;
  /**
   * Return the mean of the weights at the end of the last half of the passes (tail
   * averaging: the noise of the last steps averages out; measured, the macro-F1 of 5-fold
   * cross-validation varied less from one fold split to the next) rather than the last weights.
   */
  average: boolean;
  /** AdaGrad's base step. */
  learningRate: number;
  seed: number;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxOptions = { l2: 1e-4, epochs: 10, maxVisits: 30_000, minEpochs: 3, average: true, learningRate: 0.5, seed: 1 };

/** Passes over `n` examples under `options`. */
export function epochsFor(n: number, options: SoftmaxOptions): number {
  return Math.max(Math.min(options.epochs, Math.ceil(options.maxVisits / Math.max(1, n))), Math.min(options.minEpochs, options.epochs));
}

/** A linear model: `classes` scores per vector. Weights are feature-major (feature × classes + class). */
export class LinearScorer {
  constructor(
    readonly classes: number,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {}

  get dims(): number {
    return this.weights.length / this.classes;
  }

  /** Raw scores of `x`, one per class. */
  scores(x: SparseVector): Float64Array {
    const k = this.classes;
    const s = Float64Array.from(this.bias);
    const w = this.weights;
    for (let j = 0; j < x.ids.length; j++) {
      const o = x.ids[j]! * k;
      const v = x.values[j]!;
      for (let c = 0; c < k; c++) s[c]! += w[o + c]! * v;
    }
    return s;
  }
}

/** Softmax of `scores / temperature`. */
export function softmax(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const p = new Float64Array(scores.length);
  let z = 0;
  for (let c = 0; c < scores.length; c++) z += p[c] = Math.exp((scores[c]! - max) / temperature);
  for (let c = 0; c < p.length; c++) p[c]! /= z;
  return p;
}

/**
 * Trains a softmax model over `dims` features and `classes` classes. A feature's row holds its
 * class weights, then their AdaGrad accumulators, so that an update stays within a row.
 */
export function trainSoftmax(examples: readonly WeightedExample[], classes: number, dims: number, options: SoftmaxOptions = DEFAULT_SOFTMAX_OPTIONS): LinearScorer {
  const k = classes;
  const stride = 2 * k;
  const rows = new Float64Array(dims * stride);
  for (let f = 0; f < dims; f++) rows.fill(1e-8, f * stride + k, (f + 1) * stride);
  const b = new Float64Array(k);
  const gb2 = new Float64Array(k).fill(1e-8);
  const p = new Float64Array(k);
  const { l2, learningRate: eta } = options;
  const order = examples.map((_, i) => i);
  const random = seededRandom(options.seed);
  const epochs = epochsFor(examples.length, options);
  const averaged = options.average ? Math.ceil(epochs / 2) : 1;
  const sumW = new Float64Array(averaged > 1 ? dims * k : 0);
  const sumB = new Float64Array(k);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    for (let n = 0; n < order.length; n++) {
      const example = examples[order[n]!]!;
      const weight = example.weight;
      if (weight <= 0) continue;
      const ids = example.vector.ids;
      const values = example.vector.values;
      const label = example.label;
      for (let c = 0; c < k; c++) p[c] = b[c]!;
      for (let j = 0; j < ids.length; j++) {
        const o = ids[j]! * stride;
        const v = values[j]!;
        for (let c = 0; c < k; c++) p[c]! += rows[o + c]! * v;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) if (p[c]! > max) max = p[c]!;
      let z = 0;
      for (let c = 0; c < k; c++) z += p[c] = Math.exp(p[c]! - max);
      // p becomes the gradient of the weighted loss with respect to the scores
      for (let c = 0; c < k; c++) p[c] = (p[c]! / z - (c === label ? 1 : 0)) * weight;
      for (let c = 0; c < k; c++) {
        const g = p[c]!;
        gb2[c]! += g * g;
        b[c]! -= (eta / Math.sqrt(gb2[c]!)) * g;
      }
      for (let j = 0; j < ids.length; j++) {
        const o = ids[j]! * stride;
        const v = values[j]!;
        for (let c = 0; c < k; c++) {
          const g = p[c]! * v + l2 * rows[o + c]!;
          const acc = (rows[o + k + c]! += g * g);
          rows[o + c]! -= (eta / Math.sqrt(acc)) * g;
        }
      }
    }
    if (averaged > 1 && epoch >= epochs - averaged) {
      for (let f = 0; f < dims; f++) for (let c = 0; c < k; c++) sumW[f * k + c]! += rows[f * stride + c]!;
      for (let c = 0; c < k; c++) sumB[c]! += b[c]!;
    }
  }
  const weights = new Float32Array(dims * k);
  if (averaged > 1) {
    for (let i = 0; i < weights.length; i++) weights[i] = sumW[i]! / averaged;
    return new LinearScorer(k, weights, Float32Array.from(sumB, (v) => v / averaged));
  }
  for (let f = 0; f < dims; f++) for (let c = 0; c < k; c++) weights[f * k + c] = rows[f * stride + c]!;
  return new LinearScorer(k, weights, Float32Array.from(b));
}
