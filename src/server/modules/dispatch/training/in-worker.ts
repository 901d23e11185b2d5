/**
 * Runs `trainHeads` in a worker thread, so that a server keeps answering while a version
 * trains (about ten seconds of CPU on the demo's history).
 *
 * Compiled, the worker is train-worker.js beside this file. From the TypeScript sources
 * (tsx, vitest) a new thread has no TypeScript loader: it registers tsx's, then imports
 * train-worker.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ModelStats } from '../dispatch.tables.js';
import type { TrainingSet } from './heads.js';

export interface Trained {
  /** The heads, gzipped JSON (`unpackHeads`). */
  packed: Uint8Array;
  stats: ModelStats;
}

/** tsx's ESM register API as a file URL (its `import` export; the CommonJS one cannot be imported by a thread's loader). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), pkg.exports['./esm/api']!.import.default)).href;
}

function startWorker(workerData: unknown): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./train-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData });
  const tsx = tsxEsmApi();
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

export function trainInWorker(set: TrainingSet, now: Date): Promise<Trained> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ set, now: now.toISOString() });
    let done = false;
    worker.once('message', (m: Trained) => {
      done = true;
      resolve({ packed: new Uint8Array(m.packed), stats: m.stats });
      void worker.terminate();
    });
    worker.once('error', (e) => {
      done = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`dispatch training worker exited (code ${code}) without a model`));
    });
  });
}
