import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: one real server (global-setup.ts) for all files, Chromium per file,
 * one file at a time (the server and the browser are the heavy parts, not the tests).
 */
export default defineConfig({
  // Paths below are relative to the repository, not to this folder.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    // A step waits for what the server answers (a state, a message): 1 s, the default, is a
    // guess about the machine's load, not about the page — on a busy two-core CI runner it fails.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
