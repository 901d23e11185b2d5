/**
 * How well a classifier did: the confusion matrix of true against predicted labels,
 * accuracy, precision / recall / F1 per label and their unweighted mean (macro-F1, which
 * counts a small category as much as a large one), and a plain-text report of them.
 */

export interface LabelScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Messages whose true label this is. */
  support: number;
}

export interface Evaluation {
  /** Row and column labels of `matrix`: the true labels, then labels only ever predicted. */
  labels: string[];
  /** matrix[true][predicted]: counts. */
  matrix: number[][];
  n: number;
  accuracy: number;
  /** Mean F1 over the labels that occur as true labels. */
  macroF1: number;
  perLabel: LabelScores[];
}

/** Compares true and predicted labels (same length). Labels are ordered by `order`, then by name. */
export function evaluate(truth: readonly string[], predicted: readonly string[], order: readonly string[] = []): Evaluation {
  if (truth.length !== predicted.length) throw new Error('truth and predictions differ in length');
  const seen = new Set([...truth, ...predicted]);
  const labels = [...order.filter((l) => seen.has(l)), ...[...seen].filter((l) => !order.includes(l)).sort()];
  const at = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  truth.forEach((t, i) => {
    matrix[at.get(t)!]![at.get(predicted[i]!)!]!++;
    if (t === predicted[i]) correct++;
  });
  const perLabel: LabelScores[] = [];
  labels.forEach((label, c) => {
    const support = matrix[c]!.reduce((a, b) => a + b, 0);
    if (support === 0) return; // only ever predicted: counts against the others' precision, has no F1 of its own
    const tp = matrix[c]![c]!;
    const predictedAs = matrix.reduce((a, row) => a + row[c]!, 0);
    const precision = predictedAs === 0 ? 0 : tp / predictedAs;
    const recall = tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perLabel.push({ label, precision, recall, f1, support });
  });
  const n = truth.length;
  return {
    labels,
    matrix,
    n,
    accuracy: n === 0 ? 0 : correct / n,
    macroF1: perLabel.length === 0 ? 0 : perLabel.reduce((a, s) => a + s.f1, 0) / perLabel.length,
    perLabel,
  };
}

/** Display width of a string: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function padEnd(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

function padStart(s: string, n: number): string {
  return ' '.repeat(Math.max(0, n - width(s))) + s;
}

/** The report: accuracy, macro-F1, per-label P/R/F1, the confusion matrix, and the last line `macro_f1=… accuracy=… n=…`. */
export function formatEvaluation(e: Evaluation): string[] {
  const lines: string[] = [];
  lines.push(`accuracy: ${e.accuracy.toFixed(4)} (${Math.round(e.accuracy * e.n)}/${e.n})`);
  lines.push(`macro-F1: ${e.macroF1.toFixed(4)} over ${e.perLabel.length} labels`);
  lines.push('');
  const nameWidth = Math.max(8, ...e.labels.map(width));
  lines.push(`${padEnd('label', nameWidth)}  precision  recall      f1  support`);
  for (const s of e.perLabel) {
    lines.push(`${padEnd(s.label, nameWidth)}  ${padStart(s.precision.toFixed(4), 9)}  ${padStart(s.recall.toFixed(4), 6)}  ${padStart(s.f1.toFixed(4), 6)}  ${padStart(String(s.support), 7)}`);
  }
  lines.push('');
  lines.push('confusion matrix (rows: true label, columns: predicted label)');
  const colWidth = Math.max(5, ...e.labels.map(width), ...e.matrix.flat().map((v) => String(v).length)) + 1;
  lines.push(padEnd('', nameWidth) + e.labels.map((l) => padStart(l, colWidth)).join(''));
  e.labels.forEach((l, r) => lines.push(padEnd(l, nameWidth) + e.matrix[r]!.map((v) => padStart(String(v), colWidth)).join('')));
  lines.push('');
  lines.push(`macro_f1=${e.macroF1.toFixed(4)} accuracy=${e.accuracy.toFixed(4)} n=${e.n}`);
  return lines;
}

/** How far confidences are from the share of right answers: expected calibration error over `bins` equal-width bins. */
export function calibrationError(confidences: readonly number[], correct: readonly boolean[], bins = 10): number {
  if (confidences.length === 0) return 0;
  const sum = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  const count = new Array<number>(bins).fill(0);
  confidences.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.floor(c * bins));
    sum[b]! += c;
    right[b]! += correct[i] ? 1 : 0;
    count[b]!++;
  });
  let error = 0;
  for (let b = 0; b < bins; b++) if (count[b]! > 0) error += Math.abs(sum[b]! - right[b]!) / confidences.length;
  return error;
}

/** One line on the confidences of the first suggestions: their mean when right and when wrong, and the calibration error. */
export function formatCalibration(confidences: readonly number[], correct: readonly boolean[]): string {
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const whenRight = mean(confidences.filter((_, i) => correct[i]));
  const whenWrong = mean(confidences.filter((_, i) => !correct[i]));
  return `confidence of the first suggestion: mean ${whenRight.toFixed(2)} when right, ${whenWrong.toFixed(2)} when wrong; expected calibration error ${calibrationError(confidences, correct).toFixed(3)}`;
}
