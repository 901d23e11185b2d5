/**
 * The `gongzhi` command: serve, migrate, seed, verify-audit, sweep, search-reindex, backup, restore, dispatch (train, evaluate).
 */
import { Command } from 'commander';
import { loadConfig, type Config } from './server/config.js';
import { openRuntime } from './server/runtime.js';
import { buildApp } from './server/app.js';
import { isDatabaseEmpty, seedDemo } from './server/seed.js';
import { sweepDeadlines } from './server/modules/cases/case-sweeper.js';
import { reindexCaseSearch } from './server/modules/cases/search/case-search.js';
import { verifyAudit } from './server/platform/audit/verify.js';
import { createScheduler, scheduleModuleJobs } from './server/platform/jobs/scheduler.js';
import { modules } from './server/modules/index.js';
import { backupPglite, restorePglite } from './server/platform/db/backup.js';
import { lockDataDir } from './server/platform/db/data-dir-lock.js';
import { pgliteDirOf } from './server/platform/db/database.js';
import { DEMO_PASSWORD, demoLogins } from './server/modules/org/demo-logins.js';
import { DEMO_API_KEY } from './server/modules/open311/open311.seed.js';
import { dispatchEvaluate } from './server/modules/dispatch/model/evaluate-command.js';
import { trainVersion } from './server/modules/dispatch/train-version.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function serve(config: Config, opts: { seedDemoIfEmpty?: boolean }): Promise<void> {
  const runtime = await openRuntime(config);
  const seeded = opts.seedDemoIfEmpty && (await isDatabaseEmpty(runtime.database.db));
  if (seeded) await seedDemo(runtime.database.db, new Date());
  const app = await buildApp({ config, database: runtime.database });
  // The one scheduler of periodic tasks (outbox delivery, session clean-up…): every module's `jobs`.
  const scheduler = createScheduler(app.log);
  scheduleModuleJobs(scheduler, modules, { db: runtime.database.db, clock: () => new Date(), log: app.log, config });
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await scheduler.stop();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  scheduler.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}/`;
  const db = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
  process.stdout.write(`\n共治 Gongzhi 已启动 / is running at ${url}\n数据库 Database: ${db}\nAPI 文档 docs: ${url}api/docs\n`);
  if (seeded || opts.seedDemoIfEmpty) {
    process.stdout.write(`\n演示账号 Demo logins (password ${DEMO_PASSWORD}):\n`);
    for (const l of demoLogins) process.stdout.write(`  ${l.username.padEnd(12)} ${l.role.padEnd(22)} ${l.displayName}\n`);
    process.stdout.write(`\n演示 API 密钥 Demo API key (Open311 at ${url}open311/v2/): ${DEMO_API_KEY}\n`);
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
  .command('sweep')
  .description('run the deadline sweeper once (催办, overdue, escalation); safe beside running servers')
  .option('--at <time>', 'sweep as of this ISO time instead of now (testing, catching up)')
  .action(async (opts: { at?: string }) => {
    const now = opts.at ? new Date(opts.at) : new Date();
    if (Number.isNaN(now.getTime())) fail(`not a time: ${opts.at}`);
    const runtime = await openRuntime(loadConfig());
    try {
      const result = await sweepDeadlines(runtime.database.db, now);
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } finally {
      await runtime.close();
    }
  });

program
  .command('search-reindex')
  .description('cut the words of every case again with the current search dictionary and rewrite the search index; safe beside running servers')
  .action(async () => {
    const runtime = await openRuntime(loadConfig());
    try {
      process.stdout.write(`search index rewritten: ${await reindexCaseSearch(runtime.database.db)} cases\n`);
    } finally {
      await runtime.close();
    }
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

const dispatch = program.command('dispatch').description('智能派单: the dispatch model');

dispatch
  .command('evaluate')
  .description('train the first-level dispatch model and report accuracy, macro-F1 and the confusion matrix (5-fold cross-validation without --data)')
  .option('--data <file>', 'JSON Lines to classify: title, body, category on each line')
  .option('--train <file>', 'JSON Lines to train on (default: the labelled messages the project ships)')
  .option('--folds <n>', 'folds of the cross-validation when there is no --data', '5')
  .action(async (opts: { data?: string; train?: string; folds: string }) => {
    const folds = Number(opts.folds);
    if (!Number.isInteger(folds) || folds < 2) fail(`--folds must be a whole number of at least 2, not ${opts.folds}`);
    await dispatchEvaluate({ data: opts.data, train: opts.train, folds, out: (line) => process.stdout.write(`${line}\n`) });
  });

dispatch
  .command('train')
  .description('train a new version of the dispatch model from the shipped messages and the dispatched cases (their final categories and units: dispatchers\' corrections included) and store it; servers use it within seconds')
  .action(async () => {
    const runtime = await openRuntime(loadConfig());
    try {
      const { version, stats } = await trainVersion(runtime.database.db, { trigger: 'cli', actor: null, requestId: 'cli', ip: null, now: new Date() });
      const heads = Object.entries(stats.heads).map(([h, n]) => `${h} ${n} labels`).join(', ');
      process.stdout.write(`dispatch model version ${version} stored: ${stats.shipped} shipped + ${stats.history} dispatched cases (${stats.corrections} corrected), ${stats.unlabelled} unlabelled; ${heads}; ${stats.seconds} s\n`);
    } finally {
      await runtime.close();
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
