/**
 * Bringing a database up to date: the migrations, then every module's reference data
 * (catalogues, calendars) that is still missing — in one transaction, audited as the system.
 * Runs at every start, at `gongzhi migrate`, and for the tests' template database.
 */
import type { Database } from './platform/db/database.js';
import { runMigrations } from './platform/db/migrate.js';
import { modules } from './modules/index.js';

export async function prepareDatabase(database: Database, databaseUrl?: string, now: Date = new Date()): Promise<void> {
  await runMigrations(database, databaseUrl);
  await database.db.transaction(async (tx) => {
    for (const m of modules) if (m.seedBaseline) await m.seedBaseline({ tx, actor: null, requestId: 'baseline', ip: null, now });
  });
}
