/**
 * Applies the committed, drizzle-kit-generated SQL migrations (forward-only).
 * On PostgreSQL an advisory lock lets several app servers start at once safely.
 */
import { join } from 'node:path';
import pg from 'pg';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './database.js';
import { repoFolder } from '../repo-path.js';

const MIGRATION_LOCK_KEY = 7_007_001;

/** The repository's `migrations/` folder, found from source or compiled location. */
export function migrationsFolder(): string {
  return repoFolder('migrations', join('meta', '_journal.json'));
}

export async function runMigrations(database: Database, databaseUrl?: string): Promise<void> {
  const folder = migrationsFolder();
  if (database.kind === 'pglite' && database.pglite) {
    await migratePglite(drizzlePglite(database.pglite), { migrationsFolder: folder });
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(client), { migrationsFolder: folder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
