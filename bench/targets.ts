/**
 * The databases a benchmark runs on: a fresh, prepared database (migrations and reference
 * data) — PGlite in a temporary on-disk directory, and a new database on the PostgreSQL
 * server of DATABASE_URL when it is set — each removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, pgliteDirOf, type Database } from '../src/server/platform/db/database.js';
import { prepareDatabase } from '../src/server/prepare.js';

export interface BenchDatabase {
  label: 'pglite' | 'postgres';
  database: Database;
  /** Connection string of the benchmark's own database (PostgreSQL only). */
  url: string | undefined;
  cleanup: () => Promise<void>;
}

/** A fresh prepared database: PGlite on disk, or a new database on DATABASE_URL's server. */
export async function benchDatabase(kind: 'pglite' | 'postgres', serverUrl?: string): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'gongzhi-bench-'));
    const database = await openDatabase({ pgliteDir: pgliteDirOf(dir) });
    await prepareDatabase(database);
    return { label: 'pglite', database, url: undefined, cleanup: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `gz_bench_${process.pid}_${Date.now() % 100_000}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl!);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
  await prepareDatabase(database, u.toString());
  return {
    label: 'postgres',
    database,
    url: u.toString(),
    cleanup: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs `measure` on PGlite, then on PostgreSQL when DATABASE_URL is set (else says it was not run). */
export async function onEachDatabase(name: string, out: (line: string) => void, measure: (target: BenchDatabase) => Promise<void>): Promise<void> {
  // BENCH_DATABASES=postgres skips PGlite (a long PostgreSQL-only run, e.g. --full at 10M cases).
  const makers: Array<() => Promise<BenchDatabase>> = process.env.BENCH_DATABASES === 'postgres' ? [] : [() => benchDatabase('pglite')];
  if (process.env.DATABASE_URL) makers.push(() => benchDatabase('postgres', process.env.DATABASE_URL));
  else out(`${name} on postgres: not run (set DATABASE_URL to a PostgreSQL server to include it)`);
  for (const make of makers) {
    const target = await make();
    try {
      await measure(target);
    } finally {
      await target.cleanup();
    }
  }
}
