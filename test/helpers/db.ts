/**
 * A fresh, migrated database for one test file: PGlite in memory loaded from the
 * template tarball, or on PostgreSQL a new database copied from the template.
 * Tests run against real PostgreSQL engines, never mocks.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/platform/db/database.js';
import { templateFile, templateName, withDatabase } from './db-names.js';

export interface TestDatabase {
  database: Database;
  /** The connection string of this test's own database (PostgreSQL runs only). */
  url: string | undefined;
  close(): Promise<void>;
}

export const onPostgres = !!process.env.DATABASE_URL;

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ loadDataDir: new Blob([readFileSync(templateFile())]) });
    return { database, url: undefined, close: () => database.close() };
  }
  const name = `gz_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
  await admin.end();
  const ownUrl = withDatabase(url, name);
  const database = await openDatabase({ databaseUrl: ownUrl, poolSize: 5 });
  return {
    database,
    url: ownUrl,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
