/**
 * Self-training over unlabelled messages: train on what is labelled, label the unlabelled
 * messages the model is surest of, train again with them, and repeat with a growing share.
 *
 * Two rules keep the pseudo-labels from taking over (measured: without them the model
 * drifted to the classes the unlabelled messages are richest in, macro-F1 0.77 → 0.45):
 * - each class takes from the pool in proportion to its share of the labelled examples
 *   (its surest messages by the margin between its score and the next class's);
 * - the pseudo-labelled messages of a class weigh together `weight` times its labelled
 *   examples, so the labelled class balance — that of the messages to come — is kept.
 */
import type { SparseVector } from './features.js';
import { trainSoftmax, type LinearScorer, type SoftmaxOptions, type WeightedExample } from './learner.js';

export interface SelfTrainingOptions {
  /** Rounds of labelling and training again (0: labelled examples only). */
  rounds: number;
  /** Share of the pool labelled by the last round (each round takes `share × round / rounds`). */
  share: number;
  /** Total weight of a class's pseudo-labelled messages, relative to its labelled examples. */
  weight: number;
}

export const DEFAULT_SELF_TRAINING: SelfTrainingOptions = { rounds: 2, share: 0.3, weight: 0.5 };

/** A pool message's best class and by how much it beats the next. */
interface Guess {
  index: number;
  label: number;
  margin: number;
}

function guess(model: LinearScorer, pool: readonly SparseVector[]): Guess[] {
  return pool.map((x, index) => {
    const s = model.scores(x);
    let best = 0;
    for (let c = 1; c < s.length; c++) if (s[c]! > s[best]!) best = c;
    let second = -Infinity;
    for (let c = 0; c < s.length; c++) if (c !== best && s[c]! > second) second = s[c]!;
    return { index, label: best, margin: s[best]! - second };
  });
}

/** The pool messages taken in a round, with their pseudo-labels and weights. */
export function pseudoLabelled(guesses: readonly Guess[], pool: readonly SparseVector[], labelledCounts: readonly number[], take: number, weight: number): WeightedExample[] {
  const total = labelledCounts.reduce((a, b) => a + b, 0);
  const out: WeightedExample[] = [];
  labelledCounts.forEach((count, label) => {
    if (count === 0) return;
    const quota = Math.round((take * count) / total);
    const chosen = guesses
      .filter((g) => g.label === label)
      .sort((a, b) => b.margin - a.margin || a.index - b.index)
      .slice(0, quota);
    for (const g of chosen) out.push({ vector: pool[g.index]!, label, weight: (weight * count) / chosen.length });
  });
  return out;
}

/**
 * A model from `examples` (labelled, and keyword priors), then from them plus the pool's
 * surest pseudo-labels. `labelledCounts[c]` is the number of labelled examples of class c.
 */
export function selfTrain(
  examples: readonly WeightedExample[],
  labelledCounts: readonly number[],
  pool: readonly SparseVector[],
  dims: number,
  learner: SoftmaxOptions,
  options: SelfTrainingOptions,
): LinearScorer {
  const classes = labelledCounts.length;
  let model = trainSoftmax(examples, classes, dims, learner);
  if (pool.length === 0) return model;
  for (let round = 1; round <= options.rounds; round++) {
    const take = (pool.length * options.share * round) / options.rounds;
    const extra = pseudoLabelled(guess(model, pool), pool, labelledCounts, take, options.weight);
    model = trainSoftmax([...examples, ...extra], classes, dims, learner);
  }
  return model;
}
