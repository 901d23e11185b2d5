/**
 * The worker thread that trains a version (training takes seconds of CPU: off the server's
 * event loop). Receives a `TrainingSet` and the time; posts back the packed heads and stats.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packHeads, trainHeads, type TrainingSet } from './heads.js';

const input = workerData as { set: TrainingSet; now: string };
const { heads, stats } = trainHeads(input.set, new Date(input.now));
const packed = packHeads(heads);
parentPort!.postMessage({ packed, stats }, [packed.buffer as ArrayBuffer]);
