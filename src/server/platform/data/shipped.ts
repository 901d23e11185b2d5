/**
 * The data files the project ships (assets/data/*.jsonl.gz): real citizen messages and
 * the category taxonomy, for the demo seed, tests, benchmarks and the dispatch model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { repoFolder } from '../repo-path.js';

export type ShippedFile = 'labelled-messages' | 'messages-with-votes' | 'messages-with-replies' | 'taxonomy';

/** The repository's `assets/data` folder, found from source or compiled location. */
export function shippedDataDir(): string {
  return repoFolder(join('assets', 'data'), 'taxonomy.jsonl.gz');
}

/** Every line of a shipped JSON Lines file, parsed. */
export function readShippedJsonl<T>(name: ShippedFile): T[] {
  const text = gunzipSync(readFileSync(join(shippedDataDir(), `${name}.jsonl.gz`))).toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
