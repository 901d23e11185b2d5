/**
 * Demo data: every module's `seedDemo`, in manifest order, in one transaction, audited
 * as the system. Start-up seeds only into an empty database.
 */
import type { Db } from './platform/db/database.js';
import { modules } from './modules/index.js';

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  for (const m of modules) if (m.isEmpty && !(await m.isEmpty(db))) return false;
  return true;
}

export async function seedDemo(db: Db, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    for (const m of modules) if (m.seedDemo) await m.seedDemo({ tx, actor: null, requestId: 'seed', ip: null, now });
  });
}
