/**
 * Opening the configured database for a process: the data-directory lock (embedded
 * mode), the connection, and migrations. Shared by every CLI command.
 */
import type { Config } from './config.js';
import { openDatabase, pgliteDirOf, type Database } from './platform/db/database.js';
import { lockDataDir, type DataDirLock } from './platform/db/data-dir-lock.js';
import { prepareDatabase } from './prepare.js';

export interface Runtime {
  database: Database;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, opts: { migrate: boolean } = { migrate: true }): Promise<Runtime> {
  let lock: DataDirLock | undefined;
  if (!config.databaseUrl) lock = lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.databaseUrl ? undefined : pgliteDirOf(config.dataDir) });
    if (opts.migrate) await prepareDatabase(database, config.databaseUrl);
    return {
      database,
      close: async () => {
        await database.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}
