/**
 * What one trained version holds: a model per question the dispatcher asks — the
 * first-level category (always), the second-level category and the lead unit (when the
 * dispatched cases give enough examples of each) — and how they are trained.
 *
 * Labels are the final ones of the dispatched cases: where a dispatcher changed the category
 * or re-dispatched the case, the correction is what is learned, and it counts twice.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DispatchedCase } from '../../cases/case.exports.js';
import { deserializeModel, serializeModel, type DispatchModel, type SerializedModel } from '../model/model.js';
import { trainFirstLevel, trainModel, taxonomyPriors, type LabelledMessage, type MessageText, type TaxonomyRow } from '../model/train.js';
import type { ModelStats } from '../dispatch.tables.js';

export interface TrainingSet {
  /** The labelled messages the project ships (first-level categories). */
  shipped: LabelledMessage[];
  unlabelled: MessageText[];
  taxonomy: TaxonomyRow[];
  /** Dispatched cases, newest first. */
  history: DispatchedCase[];
}

export type HeadName = 'category1' | 'category2' | 'unit';

export interface Heads {
  category1: DispatchModel;
  category2?: DispatchModel;
  unit?: DispatchModel;
}

type SerializedHeads = { [K in HeadName]?: SerializedModel };

/** A label needs that many examples to be learned (fewer are left out: noise, not a pattern). */
export const MIN_EXAMPLES = 5;

/** The examples whose label has at least `MIN_EXAMPLES`, and whether at least two labels remain. */
function learnable(examples: LabelledMessage[]): LabelledMessage[] | undefined {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const kept = examples.filter((e) => counts.get(e.label)! >= MIN_EXAMPLES);
  return new Set(kept.map((e) => e.label)).size >= 2 ? kept : undefined;
}

/** The case as a labelled message (twice when a dispatcher corrected it), or none without a label. */
function examplesOf(history: readonly DispatchedCase[], label: (c: DispatchedCase) => string | undefined): LabelledMessage[] {
  return history.flatMap((c) => {
    const l = label(c);
    if (l === undefined) return [];
    const e = { title: c.title, body: c.description, label: l };
    return c.corrected ? [e, e] : [e];
  });
}

const levels = (path: string | null, n: number) => (path && path.split('/').length >= n ? path.split('/').slice(0, n).join('/') : undefined);

export function trainHeads(set: TrainingSet, now = new Date()): { heads: Heads; stats: ModelStats } {
  const started = performance.now();
  const first = examplesOf(set.history, (c) => levels(c.categoryPath, 1));
  const category1 = trainFirstLevel(learnable([...set.shipped, ...first]) ?? set.shipped, { unlabelled: set.unlabelled, taxonomy: set.taxonomy, now });
  const heads: Heads = { category1 };
  const second = learnable(examplesOf(set.history, (c) => levels(c.categoryPath, 2)));
  if (second) heads.category2 = trainModel(second, { priors: taxonomyPriors(set.taxonomy, 2), selfTraining: false, now });
  const units = learnable(examplesOf(set.history, (c) => String(c.orgId)));
  if (units) heads.unit = trainModel(units, { selfTraining: false, now });
  const stats: ModelStats = {
    shipped: set.shipped.length,
    history: set.history.length,
    corrections: set.history.filter((c) => c.corrected).length,
    unlabelled: set.unlabelled.length,
    heads: Object.fromEntries(Object.entries(heads).map(([name, m]) => [name, (m as DispatchModel).labels.length])),
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
  return { heads, stats };
}

/** The heads as stored: gzipped JSON. */
export function packHeads(heads: Heads): Uint8Array {
  const plain: SerializedHeads = {};
  for (const [name, model] of Object.entries(heads) as Array<[HeadName, DispatchModel]>) plain[name] = serializeModel(model);
  return gzipSync(JSON.stringify(plain));
}

export function unpackHeads(packed: Uint8Array): Heads {
  const plain = JSON.parse(gunzipSync(packed).toString('utf8')) as SerializedHeads;
  if (!plain.category1) throw new Error('dispatch model is damaged: no first-level head');
  const heads: Heads = { category1: deserializeModel(plain.category1) };
  if (plain.category2) heads.category2 = deserializeModel(plain.category2);
  if (plain.unit) heads.unit = deserializeModel(plain.unit);
  return heads;
}
