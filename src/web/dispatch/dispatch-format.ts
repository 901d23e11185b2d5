/**
 * Pure wording helpers of 智能派单: confidences as percentages, the settings' confidence
 * between its stored fraction and the percent the form shows, the model's heads in a fixed
 * order, sizes and durations.
 */

/** "87%"; below one percent "<1%", since a rounded "0%" reads as "impossible". */
export function percent(confidence: number): string {
  if (confidence > 0 && confidence < 0.005) return '<1%';
  return `${Math.round(confidence * 100)}%`;
}

/** The stored minimum confidence (0.5–1) as the whole percent the form edits. */
export function toPercent(fraction: number): number {
  return Math.round(fraction * 100);
}

/** The form's percent back to the fraction the server stores (two decimals, as the form's step). */
export function fromPercent(value: number): number {
  return Math.round(value) / 100;
}

/** The heads a version may have, in the order a reader expects them (coarse to fine, then the unit). */
export const knownHeads = ['category1', 'category2', 'unit'] as const;
export type KnownHead = (typeof knownHeads)[number];

export function isKnownHead(name: string): name is KnownHead {
  return (knownHeads as readonly string[]).includes(name);
}

/** A version's heads with their class counts: the known ones in their order, then any newer head by name. */
export function orderedHeads(heads: Readonly<Record<string, number>>): { head: string; classes: number }[] {
  const rank = (h: string) => (isKnownHead(h) ? knownHeads.indexOf(h) : knownHeads.length);
  return Object.entries(heads)
    .map(([head, classes]) => ({ head, classes }))
    .sort((a, b) => rank(a.head) - rank(b.head) || a.head.localeCompare(b.head));
}

/** Bytes as megabytes with two decimals ("3.42"); a model is a few MB. */
export function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(2);
}

/** Training time in seconds: one decimal while it is short ("12.3"), whole seconds from 100 on. */
export function trainingSeconds(seconds: number): string {
  return seconds >= 100 ? String(Math.round(seconds)) : seconds.toFixed(1);
}
