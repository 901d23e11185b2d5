/**
 * Pure helpers of the resident pages: the deadline shown on a case, the client-side photo
 * check (the server checks again, by the bytes), and the cascader options for the place and
 * the category. No React, so they are unit-tested on their own.
 */
import { nestByParent } from '../common/tree.js';

/** The fields of a case the deadline depends on. */
export interface Due {
  feedbackDueAt: string | null;
  stepDueAt: string | null;
  step: string | null;
  overdue: boolean;
}

/** 办理时限: the feedback deadline once dispatched, else the current step's. */
export function dueOf(c: Due): string | null {
  return c.feedbackDueAt ?? c.stepDueAt;
}

/**
 * 已超期: the server's flag (set by the sweeper, kept as a record after closing), or a
 * running step whose deadline has passed since the sweeper last looked.
 */
export function isOverdue(c: Due, now: Date = new Date()): boolean {
  if (c.overdue) return true;
  const due = c.step !== null ? dueOf(c) : null;
  return due !== null && new Date(due).getTime() < now.getTime();
}

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
export const MAX_PHOTOS = 9;

const EXTENSIONS: Record<string, (typeof PHOTO_TYPES)[number]> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export type PhotoRefusal = 'type' | 'size' | 'empty';

/** Why a chosen file cannot be sent, or null. Some browsers leave `type` empty: then the extension decides. */
export function photoRefusal(file: { name: string; type: string; size: number }): PhotoRefusal | null {
  const type = file.type || EXTENSIONS[file.name.split('.').pop()?.toLowerCase() ?? ''] || '';
  if (!(PHOTO_TYPES as readonly string[]).includes(type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_PHOTO_BYTES) return 'size';
  return null;
}

export interface TreeNode {
  id: number;
  parentId: number | null;
  name: string;
}

export interface CascaderOption {
  value: number;
  label: string;
  children?: CascaderOption[];
}

/** A flat parent-linked list as nested cascader options, in the list's order. */
export function cascaderOptions(nodes: readonly TreeNode[]): CascaderOption[] {
  return nestByParent<TreeNode, CascaderOption>(nodes, (n, kids) => (kids.length > 0 ? { value: n.id, label: n.name, children: kids } : { value: n.id, label: n.name }));
}

/**
 * The administrative tree for "where is it": lone levels at the top (the one district,
 * the one street of a deployment) are skipped, so the resident starts where there is a choice.
 */
export function placeOptions(nodes: readonly TreeNode[]): CascaderOption[] {
  let options = cascaderOptions(nodes);
  while (options.length === 1 && options[0]!.children) options = options[0]!.children;
  return options;
}

/** The path of ids from the top of `options` to `id`, for a cascader's value; [] when absent. */
export function pathTo(options: readonly CascaderOption[], id: number): number[] {
  for (const o of options) {
    if (o.value === id) return [o.value];
    const below = o.children ? pathTo(o.children, id) : [];
    if (below.length > 0) return [o.value, ...below];
  }
  return [];
}

/** "街道 / 社区 / 网格" for a node, from the flat public list (a lone root — the one district — is left out). */
export function placeName(nodes: readonly TreeNode[], id: number): string | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const roots = nodes.filter((n) => n.parentId === null || !byId.has(n.parentId)).length;
  const names: string[] = [];
  for (let n = byId.get(id); n; n = n.parentId === null ? undefined : byId.get(n.parentId)) {
    if (names.length > 20) break; // a cycle in bad data must not hang the page
    const isRoot = n.parentId === null || !byId.has(n.parentId);
    if (!(isRoot && roots === 1 && names.length > 0)) names.unshift(n.name);
  }
  return names.length > 0 ? names.join(' / ') : null;
}

/** A title this long (in characters) says enough to look for similar matters (附近已有类似诉求). */
export const SIMILAR_MIN_TITLE = 4;

/** What to ask for similar matters as a resident writes one, or null while there is too little to look for. */
export function similarProbe(title: string | undefined, description: string | undefined, nodeId: number | undefined): { title: string; description: string; nodeId: number } | null {
  const t = (title ?? '').trim();
  if ([...t].length < SIMILAR_MIN_TITLE || nodeId === undefined) return null;
  // The server's limits (a longer title is refused when submitting, not here).
  return { title: [...t].slice(0, 100).join(''), description: (description ?? '').trim().slice(0, 5000), nodeId };
}
