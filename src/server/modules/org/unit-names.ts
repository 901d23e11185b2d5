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
import { handleCache, pickCached } from '../../platform/db/handle-cache.js';
import { organizations } from './org.tables.js';

const namesCache = handleCache(async (ex: Executor) => {
  const rows = await ex.select({ id: organizations.id, name: organizations.name }).from(organizations);
  return new Map(rows.map((r) => [r.id, r.name]));
});

export async function unitNames(ex: Executor, ids: Iterable<number>): Promise<Map<number, string>> {
  return pickCached(await namesCache.get(ex), ids, async (missing) =>
    (await ex.select({ id: organizations.id, name: organizations.name }).from(organizations).where(anyId(organizations.id, missing))).map((r) => [r.id, r.name] as const),
  );
}

/** Drops the cached names of the handle of `ex` (after any organization command). */
export function forgetUnitNames(ex: Executor): void {
  namesCache.invalidate(ex);
}

