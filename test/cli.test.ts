/**
 * The embedded database's operational guarantees, through the real CLI:
 * the data-directory lock, backup → restore round trip, and verify-audit's exit codes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config.js';
import { openRuntime } from '../src/server/runtime.js';
import { audit } from '../src/server/platform/audit/audit.js';
import { queryRows } from '../src/server/platform/db/database.js';
import { embeddedEnv, runCli, startServer, stop, tempDataDir } from './helpers/cli.js';

const dirs: string[] = [];
function newDir(): string {
  const d = tempDataDir();
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function withEmbedded<T>(dataDir: string, fn: (rt: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig({ GONGZHI_DATA_DIR: dataDir }));
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

async function writeEntries(dataDir: string, n: number): Promise<void> {
  await withEmbedded(dataDir, async (rt) => {
    for (let i = 0; i < n; i++) {
      await rt.database.db.transaction((tx) => audit({ tx, actor: null, requestId: `cli-${i}`, ip: null, now: new Date() }, { action: 'test.entry', subjectType: 'thing', subjectId: i, changes: { i } }));
    }
  });
}

describe('embedded database operations', { timeout: 120_000 }, () => {
  it('refuses a second process on the same data directory, with a clear message', async () => {
    const dataDir = newDir();
    const server = await startServer(embeddedEnv(dataDir, { PORT: '0' }));
    try {
      const second = await runCli(['serve'], embeddedEnv(dataDir, { PORT: '0' }));
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('in use by process');
      expect(second.stderr).toContain('已被进程');
      const migrate = await runCli(['migrate'], embeddedEnv(dataDir));
      expect(migrate.code).toBe(1);
    } finally {
      await stop(server.child);
    }
    // Once the first process has stopped, the directory opens again.
    const after = await runCli(['migrate'], embeddedEnv(dataDir));
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
  });

  it('backs up and restores the embedded database, audit chain intact', async () => {
    const source = newDir();
    await writeEntries(source, 7);
    const file = join(newDir(), 'backup.tar.gz');
    const backup = await runCli(['backup', '--out', file], embeddedEnv(source));
    expect(backup.code, backup.stderr).toBe(0);

    const target = newDir();
    const restore = await runCli(['restore', '--in', file], embeddedEnv(target));
    expect(restore.code, restore.stderr).toBe(0);
    const verify = await runCli(['verify-audit'], embeddedEnv(target));
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toContain('7 entries');
    const labels = await withEmbedded(target, (rt) => queryRows<{ request_id: string }>(rt.database.db, sql`SELECT request_id FROM audit_log ORDER BY seq`));
    expect(labels.map((r) => r.request_id)).toEqual(Array.from({ length: 7 }, (_, i) => `cli-${i}`));

    // Restoring over an existing database needs --force and keeps the old one aside.
    const again = await runCli(['restore', '--in', file], embeddedEnv(target));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    const forced = await runCli(['restore', '--in', file, '--force'], embeddedEnv(target));
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('kept at');
  });

  it('verify-audit exits non-zero naming the first altered entry', async () => {
    const dataDir = newDir();
    await writeEntries(dataDir, 5);
    await withEmbedded(dataDir, async (rt) => {
      await rt.database.db.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
        await tx.execute(sql`UPDATE audit_log SET changes = '{"i": 99}' WHERE seq = 4`);
        await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      });
    });
    const verify = await runCli(['verify-audit'], embeddedEnv(dataDir));
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('entry 4');
  });
});
