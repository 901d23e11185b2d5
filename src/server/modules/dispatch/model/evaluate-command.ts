/**
 * `gongzhi dispatch evaluate [--data FILE.jsonl] [--train TRAIN.jsonl] [--folds 5]`: how well
 * the first-level dispatch model classifies (issue #4).
 *
 * It trains on TRAIN (default: the labelled messages the project ships), always with what
 * else the project ships — the taxonomy's names as priors and the unlabelled real messages
 * for self-training. With `--data` it classifies each line of FILE (`title`, `body`,
 * `category`; a category the model does not know counts as an error) and reports; without,
 * it cross-validates on TRAIN. Either way an unlabelled message that repeats a message
 * under test (same title or body) is left out of the pool the model learns from. The last
 * line is `macro_f1=<0..1> accuracy=<0..1> n=<count>`.
 */
import { readFileSync } from 'node:fs';
import { crossValidate } from './cross-validation.js';
import { evaluate, formatCalibration, formatEvaluation } from './metrics.js';
import { shippedLabelled, shippedTaxonomy, shippedUnlabelled } from './shipped-knowledge.js';
import { trainFirstLevel, type LabelledMessage, type MessageText, type TaxonomyRow } from './train.js';

export interface DispatchEvaluateOptions {
  /** JSON Lines to classify (title, body, category); without it, cross-validation on the training set. */
  data?: string;
  /** JSON Lines to train on (title, body, category); default: the shipped labelled messages. */
  train?: string;
  /** Folds of the cross-validation (default 5). */
  folds?: number;
  /** The unlabelled pool and the taxonomy (default: the shipped ones; tests pass small ones). */
  knowledge?: { unlabelled: readonly MessageText[]; taxonomy: readonly TaxonomyRow[] };
  out: (line: string) => void;
}

/** The labelled messages of a JSON Lines file: `title`, `body` and `category` (or `label`) on each line. */
export function readLabelledJsonl(file: string): LabelledMessage[] {
  const out: LabelledMessage[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON`);
      }
      const r = (row ?? {}) as Record<string, unknown>;
      const label = r.category ?? r.label;
      if (typeof label !== 'string' || label.trim() === '') throw new Error(`${file}:${i + 1}: no category`);
      if (typeof r.title !== 'string' && typeof r.body !== 'string') throw new Error(`${file}:${i + 1}: neither title nor body`);
      out.push({ title: typeof r.title === 'string' ? r.title : '', body: typeof r.body === 'string' ? r.body : '', label: label.trim() });
    });
  return out;
}

function key(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** The pool without the messages that repeat one of `tested` (same title or same body). */
export function poolWithout(pool: readonly MessageText[], tested: readonly MessageText[]): MessageText[] {
  const keys = new Set(tested.flatMap((m) => [`t${key(m.title)}`, `b${key(m.body)}`]));
  return pool.filter((m) => !keys.has(`t${key(m.title)}`) && !keys.has(`b${key(m.body)}`));
}

/** Runs the evaluation and writes its report through `out`. */
export async function dispatchEvaluate(opts: DispatchEvaluateOptions): Promise<void> {
  const { out } = opts;
  const started = performance.now();
  const training = opts.train ? readLabelledJsonl(opts.train) : shippedLabelled();
  const pool = opts.knowledge?.unlabelled ?? shippedUnlabelled();
  const taxonomy = opts.knowledge?.taxonomy ?? shippedTaxonomy();
  const trainName = opts.train ?? 'the shipped labelled messages';
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  if (opts.data) {
    const data = readLabelledJsonl(opts.data);
    const unlabelled = poolWithout(pool, data);
    out(`training on ${training.length} labelled messages (${trainName}), ${unlabelled.length} unlabelled messages and ${taxonomy.length} taxonomy rows`);
    if (unlabelled.length < pool.length) out(`left out of the unlabelled pool: ${pool.length - unlabelled.length} messages that repeat a message of ${opts.data}`);
    const model = trainFirstLevel(training, { unlabelled, taxonomy });
    out(`trained in ${seconds()} s; labels: ${model.labels.join(', ')}`);
    const t = performance.now();
    const suggestions = data.map((m) => model.classify(m.title, m.body, 1, 0)[0]!);
    const predicted = suggestions.map((s) => s.label);
    out(`classified ${data.length} messages of ${opts.data} in ${((performance.now() - t) / Math.max(1, data.length)).toFixed(3)} ms each`);
    const unknown = data.filter((m) => !model.labels.includes(m.label)).length;
    if (unknown > 0) out(`${unknown} messages have a category the model does not know (counted as errors)`);
    out(formatCalibration(suggestions.map((s) => s.confidence), data.map((m, i) => m.label === predicted[i])));
    out('');
    for (const line of formatEvaluation(evaluate(data.map((m) => m.label), predicted, model.labels))) out(line);
    return;
  }
  const folds = opts.folds ?? 5;
  out(`${folds}-fold cross-validation on ${training.length} labelled messages (${trainName}), with ${pool.length} unlabelled messages and ${taxonomy.length} taxonomy rows`);
  const cv = crossValidate(training, {
    unlabelled: pool,
    taxonomy,
    folds,
    onFold: (f, k) => out(`fold ${f}/${k} done (${seconds()} s)`),
  });
  if (cv.poolOverlap > 0) out(`${cv.poolOverlap} unlabelled messages repeat a labelled one: each was left out of the pool of the fold that tests it`);
  out(formatCalibration(cv.confidence, cv.truth.map((t, i) => t === cv.predicted[i])));
  out('');
  for (const line of formatEvaluation(cv.evaluation)) out(line);
}
