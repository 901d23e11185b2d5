/**
 * k-fold cross-validation of the first-level pipeline, kept honest: each fold's model sees
 * the labels of the other folds only, and a message of the held-out fold that also appears
 * in the unlabelled pool (same title or same body — 23 of the shipped labelled messages
 * are also in the votes file) is taken out of the pool for that fold, so that its text never
 * shapes the model that is tested on it.
 */
import { DEFAULT_TERM_OPTIONS } from './features.js';
import { evaluate, type Evaluation } from './metrics.js';
import { sharedSegmenter } from './model.js';
import { seededRandom, shuffleInPlace } from './random.js';
import { TermCache, trainFirstLevel, type FirstLevelOptions, type LabelledMessage, type MessageText } from './train.js';

/** Fold of each example (0..k-1), stratified: each label spread evenly over the folds. */
export function stratifiedFolds(labels: readonly string[], k: number, seed = 1): number[] {
  if (k < 2) throw new Error('cross-validation needs at least 2 folds');
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  const fold = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const members = shuffleInPlace(byLabel.get(label)!, random);
    members.forEach((i, n) => (fold[i] = (offset + n) % k));
    offset += members.length;
  }
  return fold;
}

function normalizedKey(s: string): string {
  return s.replace(/\s+/gu, '');
}

export interface CrossValidation {
  evaluation: Evaluation;
  truth: string[];
  predicted: string[];
  /** The model's confidence in each prediction. */
  confidence: number[];
  /** Pool messages left out of some fold because they repeat a held-out message. */
  poolOverlap: number;
}

export interface CrossValidationOptions extends FirstLevelOptions {
  folds?: number;
  seed?: number;
  /** Called after each fold (progress). */
  onFold?: (fold: number, folds: number) => void;
}

/** k-fold cross-validation of `trainFirstLevel` on `labelled` (default 5 folds). */
export function crossValidate(labelled: readonly LabelledMessage[], options: CrossValidationOptions = {}): CrossValidation {
  const { folds: k = 5, seed = 1, onFold, ...train } = options;
  const fold = stratifiedFolds(
    labelled.map((m) => m.label),
    k,
    seed,
  );
  const pool: readonly MessageText[] = train.unlabelled ?? [];
  const heldOutIn = new Map<string, Set<number>>();
  labelled.forEach((m, i) => {
    for (const key of [`t${normalizedKey(m.title)}`, `b${normalizedKey(m.body)}`]) heldOutIn.set(key, (heldOutIn.get(key) ?? new Set()).add(fold[i]!));
  });
  const poolFolds = pool.map((m) => new Set([...(heldOutIn.get(`t${normalizedKey(m.title)}`) ?? []), ...(heldOutIn.get(`b${normalizedKey(m.body)}`) ?? [])]));
  const cache = train.cache ?? new TermCache(sharedSegmenter(train.userWords ?? []), train.terms ?? DEFAULT_TERM_OPTIONS);
  const predicted = new Array<string>(labelled.length);
  const confidence = new Array<number>(labelled.length);
  for (let f = 0; f < k; f++) {
    const model = trainFirstLevel(
      labelled.filter((_, i) => fold[i] !== f),
      { ...train, cache, unlabelled: pool.filter((_, j) => !poolFolds[j]!.has(f)) },
    );
    labelled.forEach((m, i) => {
      if (fold[i] !== f) return;
      const [best] = model.classify(m.title, m.body, 1, 0);
      predicted[i] = best!.label;
      confidence[i] = best!.confidence;
    });
    onFold?.(f + 1, k);
  }
  const truth = labelled.map((m) => m.label);
  const order = [...new Set(truth)].sort();
  return { evaluation: evaluate(truth, predicted, order), truth, predicted, confidence, poolOverlap: poolFolds.filter((s) => s.size > 0).length };
}
