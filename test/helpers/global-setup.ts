/**
 * Prepares one migrated database that every test file copies:
 *  - PGlite (default): a migrated data directory dumped to `.tmp/<template>.tar.gz`;
 *  - PostgreSQL (DATABASE_URL set): a template database.
 * Returns the teardown that removes it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/server/platform/db/database.js';
import { prepareDatabase } from '../../src/server/prepare.js';
import { templateFile, templateName, withDatabase } from './db-names.js';

async function adminQuery(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  process.env.GZ_TEST_TEMPLATE = `gz_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    await prepareDatabase(database);
    const blob = await database.pglite!.dumpDataDir('gzip');
    mkdirSync('.tmp', { recursive: true });
    writeFileSync(templateFile(), Buffer.from(await blob.arrayBuffer()));
    await database.close();
    return async () => rmSync(templateFile(), { force: true });
  }
  await adminQuery(url, `CREATE DATABASE ${templateName()}`);
  const templateUrl = withDatabase(url, templateName());
  const database = await openDatabase({ databaseUrl: templateUrl, poolSize: 1 });
  await prepareDatabase(database, templateUrl);
  await database.close();
  return async () => adminQuery(url, `DROP DATABASE IF EXISTS ${templateName()} WITH (FORCE)`);
}
