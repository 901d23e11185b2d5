/**
 * Finds a folder of the repository (migrations/, assets/data/) from this file's location,
 * which differs between the TypeScript sources and the compiled build.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest ancestor's `relative` folder that contains `marker`. */
export function repoFolder(relative: string, marker: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, relative);
    if (existsSync(join(candidate, marker))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`${relative} folder not found`);
}
