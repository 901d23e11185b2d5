/**
 * The dispatch model (issue #4): how well the first-level model classifies, how fast it
 * classifies one message, and how long training on 10,000 messages takes.
 *
 * - Quality: 5-fold cross-validation of `trainFirstLevel` on the 298 shipped labelled
 *   messages, with the taxonomy as priors and the 7,142 unlabelled messages for
 *   self-training (each fold learns from the other folds' labels only; unlabelled messages
 *   repeating a held-out one are left out of that fold) — as `gongzhi dispatch evaluate`.
 *   Targets: macro-F1 ≥ 0.80, aim 0.90.
 * - Latency: `classify(title, body, 3)` — segmentation, features, scores, top three with
 *   their words — of the model trained on all shipped data, over the unlabelled messages
 *   (real lengths), one at a time after a warm-up. Target < 1 ms.
 * - Training: 10,000 labelled messages — the 298 labelled ones and real unlabelled ones
 *   labelled by the model, the pool messages twice over where needed, each copy made a
 *   distinct text (a suffix) so that every one is cut afresh — (a) alone (`trainModel`,
 *   no self-training: retraining from dispatch history) and (b) through the whole
 *   first-level pipeline (taxonomy priors, self-training over the 7,142 unlabelled
 *   messages). Timed from texts to model, segmentation included. Target < 10 s.
 */
import { serializeModel } from '../src/server/modules/dispatch/model/model.js';
import { crossValidate } from '../src/server/modules/dispatch/model/cross-validation.js';
import { shippedLabelled, shippedTaxonomy, shippedUnlabelled } from '../src/server/modules/dispatch/model/shipped-knowledge.js';
import { TermCache, trainFirstLevel, trainModel, type LabelledMessage } from '../src/server/modules/dispatch/model/train.js';
import { DEFAULT_TERM_OPTIONS } from '../src/server/modules/dispatch/model/features.js';
import { sharedSegmenter } from '../src/server/modules/dispatch/model/model.js';
import { benchLine, percentile, type Profile } from './lib.js';

/** Wall seconds of `fn`, and its CPU seconds (user + system), which a busy machine inflates less. */
function timed<T>(fn: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

export async function dispatchBench(profile: Profile, out: (line: string) => void): Promise<void> {
  const labelled = shippedLabelled();
  const unlabelled = shippedUnlabelled();
  const taxonomy = shippedTaxonomy();
  sharedSegmenter(); // built once (about a second), as a server does at start

  const cv = timed(() => crossValidate(labelled, { unlabelled, taxonomy, folds: 5 }));
  const e = cv.value.evaluation;
  out(
    `dispatch 5-fold cross-validation on ${e.n} labelled messages (+${unlabelled.length} unlabelled, ${taxonomy.length} taxonomy rows): ` +
      `macro-F1 ${e.macroF1.toFixed(4)} (target >= 0.80, aim 0.90), accuracy ${e.accuracy.toFixed(4)}; ` +
      `per class F1 ${e.perLabel.map((s) => `${s.label} ${s.f1.toFixed(2)}`).join(', ')}; ${cv.seconds.toFixed(1)} s`,
  );
  out(benchLine('dispatch.cv.macro_f1', Number(e.macroF1.toFixed(4)), 'ratio', 0.8));
  out(benchLine('dispatch.cv.accuracy', Number(e.accuracy.toFixed(4)), 'ratio'));

  const full = timed(() => trainFirstLevel(labelled, { unlabelled, taxonomy }));
  const model = full.value;
  const size = Buffer.byteLength(JSON.stringify(serializeModel(model)));
  out(`dispatch model on all shipped data: trained in ${full.seconds.toFixed(1)} s (${full.cpuSeconds.toFixed(1)} s CPU), ${model.space.size} features, ${(size / 2 ** 20).toFixed(2)} MiB as JSON`);

  const docs = profile.full ? unlabelled : unlabelled.slice(0, 2000);
  for (const m of docs.slice(0, 200)) model.classify(m.title, m.body, 3);
  const times: number[] = [];
  for (const m of docs) {
    const t = performance.now();
    model.classify(m.title, m.body, 3);
    times.push(performance.now() - t);
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  times.sort((a, b) => a - b);
  out(`dispatch classify (top 3 with words): mean ${mean.toFixed(3)} ms, p50 ${percentile(times, 50).toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(3)} ms over ${times.length} real messages (mean ${Math.round(docs.reduce((a, m) => a + m.title.length + m.body.length, 0) / docs.length)} characters)`);
  out(benchLine('dispatch.classify.mean', Number(mean.toFixed(4)), 'ms', 1));
  out(benchLine('dispatch.classify.p95', Number(percentile(times, 95).toFixed(4)), 'ms', 1));

  // 10,000 labelled messages: the labelled ones, then the pool labelled by the model, copies made distinct
  const tenThousand: LabelledMessage[] = [...labelled];
  for (let copy = 0; tenThousand.length < 10_000; copy++) {
    for (const m of unlabelled) {
      if (tenThousand.length >= 10_000) break;
      const title = `${m.title}（${copy + 1}）`;
      tenThousand.push({ title, body: m.body, label: model.predict(m.title, m.body) });
    }
  }
  const fresh = () => new TermCache(sharedSegmenter(), DEFAULT_TERM_OPTIONS);
  const alone = timed(() => trainModel(tenThousand, { cache: fresh(), selfTraining: false }));
  out(`dispatch training on ${tenThousand.length} labelled messages (trainModel, no self-training): ${alone.seconds.toFixed(1)} s (${alone.cpuSeconds.toFixed(1)} s CPU), segmentation included`);
  out(benchLine('dispatch.train_10k.seconds', Number(alone.seconds.toFixed(2)), 's', 10));
  const pipeline = timed(() => trainFirstLevel(tenThousand, { cache: fresh(), unlabelled, taxonomy }));
  out(
    `dispatch training on ${tenThousand.length} labelled messages through the first-level pipeline (+${unlabelled.length} unlabelled, self-training): ` +
      `${pipeline.seconds.toFixed(1)} s (${pipeline.cpuSeconds.toFixed(1)} s CPU), segmentation included`,
  );
  out(benchLine('dispatch.train_10k_pipeline.seconds', Number(pipeline.seconds.toFixed(2)), 's', 10));
}
