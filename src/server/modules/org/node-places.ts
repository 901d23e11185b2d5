/**
 * Where a node sits in the tree (id → path and level). Nodes never move once created, so
 * these facts never change and every app server may cache them: commands that only need
 * a node's place for authorization skip a query. A deleted node's stale entry is harmless
 * — writes referencing it fail on the foreign key (422 ref_not_found).
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { adminNodes, type NodeLevel } from './org.tables.js';

export interface NodePlace {
  id: number;
  path: string;
  level: NodeLevel;
}

const MAX_ENTRIES = 100_000;
const places = new Map<number, NodePlace>();

/** The node's place, from the cache or the database; undefined when it does not exist. */
export async function nodePlace(ex: Executor, id: number): Promise<NodePlace | undefined> {
  const cached = places.get(id);
  if (cached) return cached;
  const [row] = await ex.select({ id: adminNodes.id, path: adminNodes.path, level: adminNodes.level }).from(adminNodes).where(eq(adminNodes.id, id)).limit(1);
  if (!row) return undefined;
  if (places.size >= MAX_ENTRIES) places.clear();
  places.set(id, row);
  return row;
}

/** Drops a deleted node from this server's cache. */
export function forgetNodePlace(id: number): void {
  places.delete(id);
}
