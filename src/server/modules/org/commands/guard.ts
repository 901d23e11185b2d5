/**
 * Loading and authorizing the subjects of commands, the same way everywhere:
 *  - a subject the caller cannot see is "not found" (404), never told apart from a
 *    missing one;
 *  - a thing named in a request body that the caller cannot see is an invalid field
 *    (422 `ref_not_found`), again the same whether it exists or not;
 *  - a visible subject the caller may not change is 403.
 */
import type { Actor, Located } from '../../../platform/access/actor.js';
import type { CommandContext } from '../../../platform/context.js';
import { Forbidden, Invalid, NotFound } from '../../../platform/http/errors.js';
import { nodeById, type NodeView } from '../org.repo.js';
import { nodePlace, type NodePlace } from '../node-places.js';

export type Check = (actor: Actor | null, at: Located) => boolean;

/** 404 unless visible, then 403 unless allowed. */
export function authorize(visible: boolean, allowed: boolean): void {
  if (!visible) throw new NotFound();
  if (!allowed) throw new Forbidden();
}

/** A 422 naming one field of the request. */
export function invalidField(path: string, code: string, params?: Record<string, string | number>): Invalid {
  return new Invalid(code, [{ path, code, ...(params ? { params } : {}) }], params);
}

/** The node `id` when the caller may see it (by `canSee`); 404 otherwise. */
export async function visibleNode(ctx: CommandContext, id: number, canSee: Check): Promise<NodeView> {
  const node = await nodeById(ctx.tx, id);
  if (!node || !canSee(ctx.actor, node)) throw new NotFound();
  return node;
}

/** A node named in the body: visible to the caller (by `canSee`), else a 422 on `path`. */
export async function referencedNode(ctx: CommandContext, id: number, path: string, canSee: Check): Promise<NodeView> {
  const node = await nodeById(ctx.tx, id);
  if (!node || !canSee(ctx.actor, node)) throw invalidField(path, 'ref_not_found');
  return node;
}

/** Like `referencedNode`, but only the node's (cached, immutable) place: no query on a hot path. */
export async function referencedPlace(ctx: CommandContext, id: number, path: string, canSee: Check): Promise<NodePlace> {
  const place = await nodePlace(ctx.tx, id);
  if (!place || !canSee(ctx.actor, place)) throw invalidField(path, 'ref_not_found');
  return place;
}

/** Keeps the fields of `next` that differ from `current` (what an update really changes). */
export function changedFields<T extends object>(current: T, next: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as Array<keyof T>) {
    const value = next[key];
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(current[key])) out[key] = value;
  }
  return out;
}

/** Picks `keys` of a row, for audit diffs of exactly the fields a command manages. */
export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = row[k];
  return out;
}
