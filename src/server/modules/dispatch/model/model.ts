/**
 * A trained dispatch model: labels (first-level categories, deeper category paths or unit
 * ids — whatever it was trained on), the feature space, and a linear scorer. It suggests
 * the likeliest labels of a message with a confidence and the words that drove each.
 *
 * `serializeModel` gives a JSON-able object (format and version, vocabulary, single-precision
 * weights as base64) for the database; `deserializeModel` gives back a model whose outputs
 * are identical, since the in-memory model holds the very same single-precision numbers.
 */
import { Segmenter } from '../../../platform/text/segmenter.js';
import { FeatureSpace, type SparseVector, type TermOptions } from './features.js';
import { topWords, wordEvidence } from './word-evidence.js';
import { dequantize, type QuantizedWeights } from './compact.js';
import { LinearScorer, softmax } from './learner.js';

/** One suggestion: a label, its probability under the model, and the words behind it. */
export interface Suggestion {
  label: string;
  /** 0..1; the suggestions of a message over all labels sum to 1. */
  confidence: number;
  /** The message's terms that weighed most for this label against the others, strongest first. */
  words: string[];
}

/** A message read by a model: every label's probability, and the words behind chosen labels on demand. */
export interface Analysis {
  ranked: Array<{ label: string; confidence: number }>;
  /** The words that drove each of `labels` (labels of this model), up to `n` each. */
  wordsFor(labels: readonly string[], n?: number): string[][];
}

/** What a model was trained on, for whoever stores and shows it. */
export interface ModelInfo {
  trainedAt: string;
  labelled: number;
  /** Unlabelled messages the self-training read. */
  unlabelled: number;
  /** Keyword documents (taxonomy names) used as priors. */
  priors: number;
  /** Labelled examples per label. */
  perLabel: Record<string, number>;
}

export const MODEL_FORMAT = 'gongzhi-dispatch-model';
export const MODEL_FORMAT_VERSION = 1;

/** The stored form of a model (JSON). */
export interface SerializedModel {
  format: typeof MODEL_FORMAT;
  version: number;
  labels: string[];
  termOptions: TermOptions;
  /** Words added to the segmenter's dictionary when the model was trained. */
  userWords: string[];
  temperature: number;
  /** Feature id → term. */
  terms: string[];
  /** Float32 little-endian, base64: idf per feature. */
  idf: string;
  /** Int16 little-endian, base64: weights ÷ `weightScale`, feature-major (feature × labels + label). */
  weights: string;
  weightScale: number;
  bias: number[];
  info: ModelInfo;
}

const segmenters = new Map<string, Segmenter>();

/** One segmenter per set of user words, built once per process (a build takes about a second). */
export function sharedSegmenter(userWords: readonly string[] = []): Segmenter {
  const key = userWords.join('\n');
  let seg = segmenters.get(key);
  if (!seg) {
    seg = Segmenter.create(userWords.map((word) => ({ word })));
    segmenters.set(key, seg);
  }
  return seg;
}

export class DispatchModel {
  readonly scorer: LinearScorer;
  /** Each feature's mean weight over the labels (what the words that drove a suggestion are measured against). */
  private readonly means: Float32Array;

  constructor(
    readonly labels: readonly string[],
    readonly space: FeatureSpace,
    /** The weights as stored; the scorer uses exactly these. */
    readonly weights: QuantizedWeights,
    bias: Float32Array,
    readonly termOptions: TermOptions,
    readonly segmenter: Segmenter,
    readonly userWords: readonly string[],
    readonly temperature: number,
    readonly info: ModelInfo,
  ) {
    if (weights.values.length !== space.size * labels.length || bias.length !== labels.length) throw new Error('dispatch model sizes do not match');
    this.scorer = new LinearScorer(labels.length, dequantize(weights), bias);
    const k = labels.length;
    this.means = new Float32Array(space.size);
    for (let f = 0; f < space.size; f++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += this.scorer.weights[f * k + c]!;
      this.means[f] = sum / k;
    }
  }

  /** The message as the model's vector. */
  vector(title: string, body: string): SparseVector {
    return this.space.encode(this.segmenter, title, body, this.termOptions).vector;
  }

  /** Probabilities of every label for a vector, in `labels` order. */
  probabilities(x: SparseVector): Float64Array {
    return softmax(this.scorer.scores(x), this.temperature);
  }

  /** The `k` likeliest labels of a message, surest first, each with (up to `wordsPerLabel`) words that drove it. */
  classify(title: string, body: string, k = 3, wordsPerLabel = 5): Suggestion[] {
    const a = this.analyze(title, body, wordsPerLabel > 0);
    const top = a.ranked.slice(0, k);
    const words = wordsPerLabel > 0 ? a.wordsFor(top.map((s) => s.label), wordsPerLabel) : [];
    return top.map((s, i) => ({ ...s, words: words[i] ?? [] }));
  }

  /**
   * Every label's probability, surest first, and the words behind any labels asked for
   * afterwards — so a caller that re-ranks (the second level under the first, units of a
   * place) pays for the words of the few it shows only.
   */
  analyze(title: string, body: string, withWords = true): Analysis {
    const { vector: x, words } = this.space.encode(this.segmenter, title, body, this.termOptions, withWords);
    const p = this.probabilities(x);
    const order = [...p.keys()].sort((a, b) => p[b]! - p[a]! || a - b);
    const index = new Map(this.labels.map((l, i) => [l, i]));
    return {
      ranked: order.map((c) => ({ label: this.labels[c]!, confidence: p[c]! })),
      wordsFor: (labels, n = 5) => {
        if (!withWords || labels.length === 0) return labels.map(() => []);
        const evidence = wordEvidence(words, x, this.space, this.scorer, this.means, labels.map((l) => index.get(l)!), this.termOptions.charNgrams);
        return labels.map((_, i) => topWords(evidence, i, n));
      },
    };
  }

  /** The label the model finds likeliest (ties: the first label). */
  predict(title: string, body: string): string {
    const p = this.probabilities(this.vector(title, body));
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    return this.labels[best]!;
  }
}

function int16ToBase64(values: Int16Array): string {
  const buf = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => buf.writeInt16LE(v, i * 2));
  return buf.toString('base64');
}

function base64ToInt16(text: string): Int16Array {
  const buf = Buffer.from(text, 'base64');
  const out = new Int16Array(buf.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = buf.readInt16LE(i * 2);
  return out;
}

function float32ToBase64(values: Float32Array): string {
  const buf = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => buf.writeFloatLE(v, i * 4));
  return buf.toString('base64');
}

function base64ToFloat32(text: string): Float32Array {
  const buf = Buffer.from(text, 'base64');
  const out = new Float32Array(buf.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = buf.readFloatLE(i * 4);
  return out;
}

/** The model as a JSON-able object (about 1–3 MB as JSON for the first-level model). */
export function serializeModel(model: DispatchModel): SerializedModel {
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    labels: [...model.labels],
    termOptions: { ...model.termOptions, charNgrams: [...model.termOptions.charNgrams] },
    userWords: [...model.userWords],
    temperature: model.temperature,
    terms: [...model.space.terms],
    idf: float32ToBase64(model.space.idf),
    weights: int16ToBase64(model.weights.values),
    weightScale: model.weights.scale,
    bias: Array.from(model.scorer.bias),
    info: structuredClone(model.info),
  };
}

/** A model back from its stored form; `segmenter` must have been built with the model's user words (default: a shared one that is). */
export function deserializeModel(stored: SerializedModel, segmenter?: Segmenter): DispatchModel {
  if (stored.format !== MODEL_FORMAT) throw new Error(`not a dispatch model: format ${String(stored.format)}`);
  if (stored.version !== MODEL_FORMAT_VERSION) throw new Error(`dispatch model format version ${stored.version} is not supported (expected ${MODEL_FORMAT_VERSION})`);
  const k = stored.labels.length;
  const idf = base64ToFloat32(stored.idf);
  const weights = { scale: stored.weightScale, values: base64ToInt16(stored.weights) };
  if (idf.length !== stored.terms.length || weights.values.length !== stored.terms.length * k || stored.bias.length !== k) throw new Error('dispatch model is damaged: sizes do not match');
  return new DispatchModel(stored.labels, new FeatureSpace(stored.terms, idf), weights, Float32Array.from(stored.bias), stored.termOptions, segmenter ?? sharedSegmenter(stored.userWords), stored.userWords, stored.temperature, stored.info);
}
