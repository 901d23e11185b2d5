/**
 * Backup and restore of the embedded database: a gzipped tarball of PGlite's data
 * directory, taken while PGlite holds its query lock (so no write is half-done in it).
 * On PostgreSQL use the server's own tools (pg_dump / pg_basebackup).
 */
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** Writes a consistent copy of an open PGlite database to `file`; returns its size in bytes. */
export async function backupPglite(client: PGlite, file: string): Promise<number> {
  const blob = await client.dumpDataDir('gzip');
  const bytes = Buffer.from(await blob.arrayBuffer());
  await writeFile(file, bytes, { mode: 0o600 });
  return bytes.length;
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Restores a backup into `pgliteDir`. An existing database is kept aside as
 * `<dir>.before-restore-<time>` when `force` is set, and refused otherwise.
 */
export async function restorePglite(file: string, pgliteDir: string, opts: { force: boolean; now: Date }): Promise<{ keptAside?: string }> {
  const bytes = await readFile(file);
  let keptAside: string | undefined;
  if (!isEmptyDir(pgliteDir)) {
    if (!opts.force) throw new Error(`数据目录非空 / ${pgliteDir} is not empty: pass --force to keep it aside and restore`);
    keptAside = `${pgliteDir}.before-restore-${opts.now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(pgliteDir, keptAside);
  }
  const client = await PGlite.create({ dataDir: pgliteDir, loadDataDir: new Blob([bytes]), extensions: { pg_trgm } });
  await client.query('select 1');
  await client.close();
  return keptAside ? { keptAside } : {};
}
