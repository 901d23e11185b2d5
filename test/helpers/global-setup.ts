/**
 * Prepares one migrated database that every test file copies:
 *  - PGlite (default): a migrated data directory dumped to `.tmp/test-template.tar.gz`;
 *  - PostgreSQL (DATABASE_URL set): a template database `gz_test_template`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../src/server/platform/db/database.js';
import { runMigrations } from '../../src/server/platform/db/migrate.js';
import { PG_TEMPLATE, TEMPLATE_FILE, withDatabase } from './db-names.js';

export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    await runMigrations(database);
    const blob = await database.pglite!.dumpDataDir('gzip');
    mkdirSync('.tmp', { recursive: true });
    writeFileSync(TEMPLATE_FILE, Buffer.from(await blob.arrayBuffer()));
    await database.close();
    return;
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(url, PG_TEMPLATE);
  const database = await openDatabase({ databaseUrl: templateUrl, poolSize: 1 });
  await runMigrations(database, templateUrl);
  await database.close();
}
