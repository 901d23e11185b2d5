/**
 * The versions of the dispatch model in the database, and the one a process uses: the
 * newest version, unpacked once and kept until a newer one is stored (by any server — a
 * cheap look at the newest version number, at most every few seconds, tells).
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { dispatchModels, type ModelStats } from './dispatch.tables.js';
import { unpackHeads, type Heads } from './training/heads.js';
import type { Trained } from './training/in-worker.js';

export type Trigger = (typeof dispatchModels.trigger.enumValues)[number];

export interface ModelVersion {
  version: number;
  trainedAt: Date;
  trainedBy: number | null;
  trigger: Trigger;
  stats: ModelStats;
  bytes: number;
}

/**
 * Versions whose model is kept: older ones keep their row (figures, who, when; auto-dispatch
 * decisions name them) but not their megabytes — a daily retraining would otherwise add
 * gigabytes a year.
 */
export const KEPT_MODELS = 5;

/** Stores a trained version (and its audit entry) in the caller's transaction; returns its number. */
export async function storeVersion(ctx: CommandContext, trained: Trained, trigger: Trigger): Promise<number> {
  const [row] = await ctx.tx
    .insert(dispatchModels)
    .values({ trainedAt: ctx.now, trainedBy: ctx.actor?.userId ?? null, trigger, stats: trained.stats, model: trained.packed })
    .returning({ version: dispatchModels.version });
  await ctx.tx
    .update(dispatchModels)
    .set({ model: new Uint8Array(0) })
    .where(sql`${dispatchModels.version} <= ${row!.version - KEPT_MODELS} AND octet_length(${dispatchModels.model}) > 0`);
  await audit(ctx, { action: 'dispatch.model.train', subjectType: 'dispatch_model', subjectId: row!.version, changes: { trigger, ...trained.stats } });
  return row!.version;
}

/** The versions, newest first, without their models. */
export async function listVersions(ex: Executor, limit = 20): Promise<ModelVersion[]> {
  const rows = await ex
    .select({ version: dispatchModels.version, trainedAt: dispatchModels.trainedAt, trainedBy: dispatchModels.trainedBy, trigger: dispatchModels.trigger, stats: dispatchModels.stats, bytes: sql<number>`octet_length(${dispatchModels.model})` })
    .from(dispatchModels)
    .orderBy(desc(dispatchModels.version))
    .limit(limit);
  return rows.map((r) => ({ ...r, bytes: Number(r.bytes) }));
}

export async function newestVersion(ex: Executor): Promise<{ version: number; trainedAt: Date } | undefined> {
  const [row] = await ex.select({ version: dispatchModels.version, trainedAt: dispatchModels.trainedAt }).from(dispatchModels).orderBy(desc(dispatchModels.version)).limit(1);
  return row;
}

/** How long a process trusts its model to be the newest before it looks again. */
const RECHECK_MS = 5_000;

let loaded: { version: number; heads: Heads; checkedAt: number } | undefined;
let loading: Promise<void> | undefined;

/** The newest version's heads (undefined: none trained yet). */
export async function currentModel(ex: Executor): Promise<{ version: number; heads: Heads } | undefined> {
  if (loaded && performance.now() - loaded.checkedAt < RECHECK_MS) return loaded;
  loading ??= refresh(ex).finally(() => (loading = undefined));
  await loading;
  return loaded;
}

async function refresh(ex: Executor): Promise<void> {
  const newest = await newestVersion(ex);
  if (!newest) {
    loaded = undefined;
    return;
  }
  if (loaded?.version !== newest.version) {
    const [row] = await ex.select({ model: dispatchModels.model }).from(dispatchModels).where(eq(dispatchModels.version, newest.version));
    loaded = { version: newest.version, heads: unpackHeads(row!.model), checkedAt: 0 };
  }
  loaded.checkedAt = performance.now();
}

/** Forgets the loaded model: the next use loads the newest version. */
export function forgetModel(): void {
  loaded = undefined;
}
