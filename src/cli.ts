/**
 * The `gongzhi` command: serve, migrate, seed, verify-audit, backup, restore.
 */
import { Command } from 'commander';
import { loadConfig, type Config } from './server/config.js';
import { openRuntime } from './server/runtime.js';
import { buildApp } from './server/app.js';
import { isDatabaseEmpty, seedDemo } from './server/seed.js';
import { verifyAudit } from './server/platform/audit/verify.js';
import { scheduleAuthHousekeeping } from './server/platform/auth/housekeeping.js';
import { backupPglite, restorePglite } from './server/platform/db/backup.js';
import { lockDataDir } from './server/platform/db/data-dir-lock.js';
import { pgliteDirOf } from './server/platform/db/database.js';
import { DEMO_PASSWORD, demoLogins } from './server/modules/org/demo-logins.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function serve(config: Config, opts: { seedDemoIfEmpty?: boolean }): Promise<void> {
  const runtime = await openRuntime(config);
  const seeded = opts.seedDemoIfEmpty && (await isDatabaseEmpty(runtime.database.db));
  if (seeded) await seedDemo(runtime.database.db, new Date());
  const app = await buildApp({ config, database: runtime.database });
  const stopHousekeeping = scheduleAuthHousekeeping(runtime.database.db, () => new Date(), (err) => app.log.error({ err }, 'housekeeping failed'));
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    stopHousekeeping();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}/`;
  const db = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
  process.stdout.write(`\n共治 Gongzhi 已启动 / is running at ${url}\n数据库 Database: ${db}\nAPI 文档 docs: ${url}api/docs\n`);
  if (seeded || opts.seedDemoIfEmpty) {
    process.stdout.write(`\n演示账号 Demo logins (password ${DEMO_PASSWORD}):\n`);
    for (const l of demoLogins) process.stdout.write(`  ${l.username.padEnd(12)} ${l.role.padEnd(22)} ${l.displayName}\n`);
  }
}

const program = new Command().name('gongzhi').description('共治 Gongzhi — grassroots-governance platform');

program
  .command('serve')
  .description('run the server (migrates first)')
  .option('--seed-demo-if-empty', 'load the demo district when the database is empty')
  .action(async (opts: { seedDemoIfEmpty?: boolean }) => serve(loadConfig(), opts));

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const runtime = await openRuntime(loadConfig());
    await runtime.close();
    process.stdout.write('migrations applied\n');
  });

program
  .command('seed')
  .description('load data')
  .requiredOption('--demo', 'the demo district, people and one login per role')
  .action(async () => {
    const runtime = await openRuntime(loadConfig());
    try {
      if (!(await isDatabaseEmpty(runtime.database.db))) fail('数据库非空，未导入演示数据 / the database is not empty; demo data not loaded');
      await seedDemo(runtime.database.db, new Date());
      process.stdout.write('demo data loaded\n');
    } finally {
      await runtime.close();
    }
  });

program
  .command('verify-audit')
  .description('recompute the audit hash chain; exit 1 naming the first broken entry')
  .action(async () => {
    const runtime = await openRuntime(loadConfig());
    const result = await verifyAudit(runtime.database.db);
    await runtime.close();
    if (!result.ok) fail(`审计链断裂 / audit chain broken at entry ${result.brokenAt} (${result.reason}); ${result.checked} entries verified before it`);
    process.stdout.write(`audit chain ok: ${result.checked} entries\n`);
  });

program
  .command('backup')
  .description('write a consistent copy of the embedded database (stop the server first)')
  .requiredOption('--out <file>', 'backup file (.tar.gz)')
  .action(async (opts: { out: string }) => {
    const config = loadConfig();
    if (config.databaseUrl) fail('backup covers the embedded database; for PostgreSQL use pg_dump');
    const runtime = await openRuntime(config, { migrate: false });
    try {
      const bytes = await backupPglite(runtime.database.pglite!, opts.out);
      process.stdout.write(`backup written: ${opts.out} (${bytes} bytes)\n`);
    } finally {
      await runtime.close();
    }
  });

program
  .command('restore')
  .description('restore the embedded database from a backup (stop the server first)')
  .requiredOption('--in <file>', 'backup file written by `gongzhi backup`')
  .option('--force', 'keep the current database aside and restore over it')
  .action(async (opts: { in: string; force?: boolean }) => {
    const config = loadConfig();
    if (config.databaseUrl) fail('restore covers the embedded database; for PostgreSQL use pg_restore');
    const lock = lockDataDir(config.dataDir);
    try {
      const { keptAside } = await restorePglite(opts.in, pgliteDirOf(config.dataDir), { force: !!opts.force, now: new Date() });
      process.stdout.write(`restored from ${opts.in}${keptAside ? `; previous database kept at ${keptAside}` : ''}\n`);
    } finally {
      lock.release();
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
