/**
 * Training a dispatch model from messages: `trainModel` for any labels (first-level
 * categories, deeper category paths, unit ids), and `trainFirstLevel` for the first-level
 * categories with what the project ships — the category taxonomy as keyword priors and the
 * unlabelled real messages for self-training.
 *
 * The pipeline: cut every text once (labelled, unlabelled, priors); fix the vocabulary and
 * idf on all of them (unsupervised: no label is read); train the softmax learner on the
 * labelled examples and the keyword priors; then self-train over the unlabelled pool.
 */
import type { Segmenter } from '../../../platform/text/segmenter.js';
import { DEFAULT_TERM_OPTIONS, FeatureSpace, TermDictionary, type Bag, type TermOptions } from './features.js';
import { DEFAULT_SOFTMAX_OPTIONS, type SoftmaxOptions, type WeightedExample } from './learner.js';
import { quantize, withoutUnusedFeatures } from './compact.js';
import { DispatchModel, sharedSegmenter } from './model.js';
import { DEFAULT_SELF_TRAINING, selfTrain, type SelfTrainingOptions } from './self-training.js';

/** A message with a title and a body. */
export interface MessageText {
  title: string;
  body: string;
}

/** A labelled message. */
export interface LabelledMessage extends MessageText {
  label: string;
}

/** A short text that speaks for a label (a category's names): a prior, weighed like a message. */
export interface PriorText {
  label: string;
  text: string;
}

/** A row of the category taxonomy (taxonomy.jsonl). */
export interface TaxonomyRow {
  level1: string;
  level2: string;
  level3: string;
}

export interface TrainOptions {
  /** Messages without labels, for self-training (and the vocabulary). */
  unlabelled?: readonly MessageText[];
  /** Keyword documents per label; those of labels without labelled messages are ignored. */
  priors?: readonly PriorText[];
  /** Weight of each keyword document against a labelled message's 1. */
  priorWeight?: number;
  terms?: TermOptions;
  /** Words added to the segmenter's dictionary (kept with the model). */
  userWords?: readonly string[];
  /** A term enters the vocabulary when that many texts have it. */
  minDf?: number;
  learner?: Partial<SoftmaxOptions>;
  /** false: labelled examples and priors only. */
  selfTraining?: Partial<SelfTrainingOptions> | false;
  /** Softmax temperature of the confidences. */
  temperature?: number;
  /** Reuses the cut texts between trainings on overlapping data (cross-validation). */
  cache?: TermCache;
  /** Stamp of the model's `info.trainedAt` (default: now). */
  now?: Date;
}

export const DEFAULT_MIN_DF = 2;
export const DEFAULT_PRIOR_WEIGHT = 1;
export const DEFAULT_TEMPERATURE = 1;

/** The terms of texts already cut, by text, for one segmenter and term options. */
export class TermCache {
  readonly dictionary = new TermDictionary();
  private readonly cut = new Map<string, Bag>();

  constructor(
    readonly segmenter: Segmenter,
    readonly options: TermOptions,
  ) {}

  bag(title: string, body: string): Bag {
    const key = `${title}\u0000${body}`;
    let bag = this.cut.get(key);
    if (!bag) {
      bag = this.dictionary.bagOf(this.segmenter, title, body, this.options);
      this.cut.set(key, bag);
    }
    return bag;
  }
}

function sameTermOptions(a: TermOptions, b: TermOptions): boolean {
  return a.titleWeight === b.titleWeight && a.charNgrams.join() === b.charNgrams.join();
}

/** Trains a model over the labels of `examples` (sorted, so the label order is reproducible). */
export function trainModel(examples: readonly LabelledMessage[], options: TrainOptions = {}): DispatchModel {
  if (examples.length === 0) throw new Error('no labelled messages to train on');
  const termOptions = options.terms ?? DEFAULT_TERM_OPTIONS;
  const userWords = [...(options.userWords ?? [])];
  const cache = options.cache ?? new TermCache(sharedSegmenter(userWords), termOptions);
  if (!sameTermOptions(cache.options, termOptions)) throw new Error('term cache was built with other term options');
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const unlabelled = options.unlabelled ?? [];
  const priors = (options.priors ?? []).filter((p) => labelIndex.has(p.label));

  const labelledTerms = examples.map((e) => cache.bag(e.title, e.body));
  const poolTerms = unlabelled.map((m) => cache.bag(m.title, m.body));
  const priorTerms = priors.map((p) => cache.bag(p.text, ''));
  const space = FeatureSpace.fit([...labelledTerms, ...poolTerms], cache.dictionary, options.minDf ?? DEFAULT_MIN_DF);

  const counts = labels.map(() => 0);
  const training: WeightedExample[] = examples.map((e, i) => {
    const label = labelIndex.get(e.label)!;
    counts[label]!++;
    return { vector: space.vectorOfBag(labelledTerms[i]!), label, weight: 1 };
  });
  const priorWeight = options.priorWeight ?? DEFAULT_PRIOR_WEIGHT;
  priors.forEach((p, i) => training.push({ vector: space.vectorOfBag(priorTerms[i]!), label: labelIndex.get(p.label)!, weight: priorWeight }));
  const learner = { ...DEFAULT_SOFTMAX_OPTIONS, ...options.learner };
  const selfTraining = options.selfTraining === false ? { ...DEFAULT_SELF_TRAINING, rounds: 0 } : { ...DEFAULT_SELF_TRAINING, ...options.selfTraining };
  const pool = selfTraining.rounds > 0 ? poolTerms.map((t) => space.vectorOfBag(t)) : [];
  const scorer = selfTrain(training, counts, pool, space.size, learner, selfTraining);

  const perLabel = Object.fromEntries(labels.map((l, i) => [l, counts[i]!]));
  const info = { trainedAt: (options.now ?? new Date()).toISOString(), labelled: examples.length, unlabelled: pool.length, priors: priors.length, perLabel };
  const compact = withoutUnusedFeatures(new FeatureSpace(space.terms, space.idf), scorer);
  return new DispatchModel(labels, compact.space, quantize(compact.scorer.weights), compact.scorer.bias, termOptions, cache.segmenter, userWords, options.temperature ?? DEFAULT_TEMPERATURE, info);
}

/**
 * Keyword documents from the taxonomy, labelled at `depth` (1: 城乡建设; 2: 城乡建设/住房保障与房地产):
 * one per row, its second- and third-level names ("其他" left out).
 */
export function taxonomyPriors(rows: readonly TaxonomyRow[], depth: 1 | 2 = 1): PriorText[] {
  const out: PriorText[] = [];
  for (const r of rows) {
    const names = [r.level2, r.level3].filter((n) => n && n !== '其他');
    if (names.length === 0) continue;
    out.push({ label: depth === 1 ? r.level1 : `${r.level1}/${r.level2}`, text: names.join(' ') });
  }
  return out;
}

export interface FirstLevelOptions extends Omit<TrainOptions, 'priors'> {
  taxonomy?: readonly TaxonomyRow[];
}

/** The first-level model: labelled messages, the taxonomy's names as priors, self-training over `unlabelled`. */
export function trainFirstLevel(labelled: readonly LabelledMessage[], options: FirstLevelOptions = {}): DispatchModel {
  const { taxonomy, ...rest } = options;
  return trainModel(labelled, { ...rest, priors: taxonomy ? taxonomyPriors(taxonomy, 1) : [] });
}
