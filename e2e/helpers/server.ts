/**
 * Starts the real server as a child process on a free port with a fresh data directory,
 * as an operator would (`gongzhi serve --seed-demo-if-empty`), and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const webDir = join(repoRoot, 'dist', 'web');

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** The browser tests test the built console; building is CI's job, so a missing build is a failure, never a skip. */
export function requireBuiltWeb(): void {
  if (!existsSync(join(webDir, 'index.html'))) {
    throw new Error(`The web console is not built: ${join(webDir, 'index.html')} is missing. Run \`npm run build:web\` before the browser tests.`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server was not healthy within ${timeoutMs / 1000} s:\n${output()}`);
}

export async function startServer(): Promise<RunningServer> {
  requireBuiltWeb();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-e2e-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: '127.0.0.1',
    GONGZHI_DATA_DIR: dataDir,
    GONGZHI_WEB_DIR: webDir,
    LOG_LEVEL: 'warn',
    // Test the sources, never a stale dist/server build.
    GONGZHI_FROM_SOURCE: '1',
  };
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'gongzhi.js'), 'serve', '--seed-demo-if-empty'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // The first start of PGlite runs initdb, the migrations and the demo seed.
    await waitForHealth(baseUrl, child, () => log, 180_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, stop };
}
