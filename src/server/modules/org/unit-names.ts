/**
 * Unit (organization) names by id, for showing cases and lists: every page of cases names
 * its lead, routed and co-handling units. Cached per database handle (platform/db/
 * handle-cache.ts) for a minute; every organization command on this server drops the
 * cache when it ends (`runOrgCommand`), so a rename shows at once here and within the
 * minute on other servers. An id the cache lacks (a unit created since) is read directly.
 * Commands that decide by a unit's state (active, place) use `unitsByIds` instead.
 */
import { anyId } from '../../platform/db/any-id.js';
import type { Executor } from '../../platform/db/database.js';
import { handleCache } from '../../platform/db/handle-cache.js';
import { organizations } from './org.tables.js';

const namesCache = handleCache(async (ex: Executor) => {
  const rows = await ex.select({ id: organizations.id, name: organizations.name }).from(organizations);
  return new Map(rows.map((r) => [r.id, r.name]));
});

export async function unitNames(ex: Executor, ids: Iterable<number>): Promise<Map<number, string>> {
  const all = await namesCache.get(ex);
  const found = new Map<number, string>();
  const missing: number[] = [];
  for (const id of new Set(ids)) {
    const name = all.get(id);
    if (name === undefined) missing.push(id);
    else found.set(id, name);
  }
  if (missing.length > 0) {
    const rows = await ex.select({ id: organizations.id, name: organizations.name }).from(organizations).where(anyId(organizations.id, missing));
    for (const r of rows) found.set(r.id, r.name);
  }
  return found;
}

/** Drops the cached names of the handle of `ex` (after any organization command). */
export function forgetUnitNames(ex: Executor): void {
  namesCache.invalidate(ex);
}

