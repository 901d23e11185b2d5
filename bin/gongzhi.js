#!/usr/bin/env node
// Runs the compiled CLI when it exists (npm start builds it); otherwise — or with
// GONGZHI_FROM_SOURCE=1, which the tests set so a stale build is never tested — runs the
// TypeScript sources through tsx, so `npx gongzhi …` works in a fresh checkout too.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'server', 'cli.js');
if (existsSync(compiled) && process.env.GONGZHI_FROM_SOURCE !== '1') {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli.ts')).href);
}
