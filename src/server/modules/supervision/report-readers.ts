/**
 * Who a report's key is sealed to (issue #5 point 4): the discipline inspectors of the
 * competent level — the nearest level above the place that has any — and the custodians
 * above the place; never the person reported, and, unless the deployment says otherwise
 * (`GONGZHI_SUPERVISION_LINE_SUPERIORS=include`), never the person's line superiors either.
 * When everyone at the nearest level is kept away (a report about the level's own
 * inspector, or its leader), the report goes one level further up.
 */
import type { Executor } from '../../platform/db/database.js';
import { accountOfPerson, holdersAbove, lineSuperiorsOf, nearestHolderLevel, parentPath } from '../org/org.exports.js';
import { publicKeysOf } from './user-keys.js';

export interface ReaderRule {
  /** The person reported, when picked from the directory. */
  accusedPersonId?: number | undefined;
  lineSuperiors: 'exclude' | 'include';
}

export interface Readers {
  /** The competent level, or undefined when no level above the place has an inspector left. */
  level: { nodeId: number; path: string } | undefined;
  inspectors: Map<number, Uint8Array>;
  custodians: Map<number, Uint8Array>;
  /** How many accounts were kept away (counted in the audit entry, never named). */
  keptAway: number;
}

/** The accounts that must not read a report about `accusedPersonId`. */
export async function keptAway(ex: Executor, rule: ReaderRule): Promise<Set<number>> {
  if (!rule.accusedPersonId) return new Set();
  const own = await accountOfPerson(ex, rule.accusedPersonId);
  const line = rule.lineSuperiors === 'exclude' ? await lineSuperiorsOf(ex, rule.accusedPersonId) : [];
  return new Set([...(own === null ? [] : [own]), ...line]);
}

/** The nearest level at or above `path` with an inspector who is not kept away. */
export async function competentLevel(ex: Executor, path: string, kept: Set<number>): Promise<{ nodeId: number; path: string; userIds: number[] } | undefined> {
  let from: string | undefined = path;
  while (from) {
    const level = await nearestHolderLevel(ex, ['discipline_inspector'], from);
    if (!level) return undefined;
    const userIds = level.userIds.filter((id) => !kept.has(id));
    if (userIds.length > 0) return { ...level, userIds };
    from = parentPath(level.path);
  }
  return undefined;
}

/** The readers of a report about a matter at `path` (or, for a transfer, at the new place). */
export async function readersFor(ex: Executor, path: string, rule: ReaderRule): Promise<Readers> {
  const kept = await keptAway(ex, rule);
  const level = await competentLevel(ex, path, kept);
  const inspectors = await publicKeysOf(ex, level?.userIds ?? []);
  const custodians = await publicKeysOf(ex, (await holdersAbove(ex, ['custodian'], path)).filter((id) => !kept.has(id)));
  return { level: level && { nodeId: level.nodeId, path: level.path }, inspectors, custodians, keptAway: kept.size };
}
