/**
 * An exclusive lock on the embedded database's directory. PGlite does not lock its
 * directory itself, and two processes writing one directory destroy committed rows,
 * so every process that opens the embedded database takes this lock first.
 */
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holderPid: number,
  ) {
    super(
      `数据目录 ${dir} 已被进程 ${holderPid} 占用；同一目录只能由一个 Gongzhi 进程打开。` +
        ` / The data directory ${dir} is in use by process ${holderPid}; stop it first (only one Gongzhi process may open an embedded database).`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

interface LockContent {
  pid: number;
  host: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockContent | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockContent;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock or throws {@link DataDirLockedError}. A lock left by a dead process on
 * this host is stale and is taken over; a lock from another host is always respected.
 */
export function lockDataDir(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'gongzhi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() } satisfies LockContent));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readHolder(file)?.pid === process.pid) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(file);
      const stale = holder !== undefined && holder.host === hostname() && holder.pid !== process.pid && !isAlive(holder.pid);
      if (!stale || attempt > 0) throw new DataDirLockedError(dir, holder?.pid ?? -1);
      unlinkSync(file);
    }
  }
  throw new DataDirLockedError(dir, -1);
}
