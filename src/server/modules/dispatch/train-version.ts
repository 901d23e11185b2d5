/**
 * `gongzhi dispatch train`, the scheduled retraining and the console's 立即训练: reads what
 * the model learns from — the shipped labelled messages, unlabelled messages and taxonomy,
 * and the newest dispatched cases with the category and unit they ended with — trains in a
 * worker thread, and stores the result as a new version.
 */
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { Conflict } from '../../platform/http/errors.js';
import { dispatchedCases } from '../cases/case.exports.js';
import { shippedLabelled, shippedTaxonomy, shippedUnlabelled } from './model/shipped-knowledge.js';
import { forgetModel, newestVersion, storeVersion, type Trigger } from './model-store.js';
import { trainInWorker } from './training/in-worker.js';
import type { TrainingSet } from './training/heads.js';
import type { ModelStats } from './dispatch.tables.js';

/** The dispatched cases a version learns from: the newest this many. */
export const HISTORY_LIMIT = 20_000;

export async function trainingSet(db: Db): Promise<TrainingSet> {
  return { shipped: shippedLabelled(), unlabelled: shippedUnlabelled(), taxonomy: shippedTaxonomy(), history: await dispatchedCases(db, HISTORY_LIMIT) };
}

export interface TrainRequest {
  trigger: Trigger;
  actor: Actor | null;
  requestId: string;
  ip: string | null;
  now: Date;
}

let running = false;

/** Whether this server is training a version now (the console shows it; a second request waits its turn). */
export function trainingNow(): boolean {
  return running;
}

/** Trains and stores a version (on `set`, by default `trainingSet(db)`); returns its number and figures. One at a time per server. */
export async function trainVersion(db: Db, req: TrainRequest, set?: TrainingSet): Promise<{ version: number; stats: ModelStats }> {
  if (running) throw new Conflict('dispatch_training_busy');
  running = true;
  try {
    const trained = await trainInWorker(set ?? (await trainingSet(db)), req.now);
    const version = await db.transaction((tx) => storeVersion({ tx, actor: req.actor, requestId: req.requestId, ip: req.ip, now: req.now }, trained, req.trigger));
    forgetModel(); // this server answers with it at once; the others within seconds
    return { version, stats: trained.stats };
  } finally {
    running = false;
  }
}

/**
 * The scheduled run: trains unless a version newer than `everyMs` exists (another server,
 * or the console, trained one), so that servers starting together train once a period.
 */
export async function scheduledTraining(db: Db, now: Date, everyMs: number): Promise<number | undefined> {
  const newest = await newestVersion(db);
  if (trainingNow() || (newest && now.getTime() - newest.trainedAt.getTime() < everyMs * 0.9)) return undefined;
  return (await trainVersion(db, { trigger: 'schedule', actor: null, requestId: 'dispatch.train', ip: null, now })).version;
}
