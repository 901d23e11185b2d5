/**
 * Planner statistics kept fresh. PostgreSQL's autovacuum analyzes tables as they change;
 * the embedded PGlite runs no background workers, so without this its planner would keep
 * the statistics of an empty database and could, for example, pick a whole-table scan for
 * an inbox. ANALYZE samples each table (a fraction of a second at a million cases) and
 * blocks no reads or writes; on PostgreSQL it is redundant but harmless.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { defineModule } from '../module.js';

export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`ANALYZE`);
}

export const dbMaintenanceModule = defineModule({
  name: 'db-maintenance',
  jobs: [{ name: 'db.analyze', everyMs: 3_600_000, run: ({ db }) => refreshStatistics(db) }],
});
