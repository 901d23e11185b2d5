/**
 * Shared parts of the importers: who may write where, the per-row error list, and the
 * outcome every importer reports (what was created, what changed, what stayed).
 */
import { can, type Actor } from '../../../platform/access/actor.js';
import { Permission } from '../../../platform/access/permission.js';
import { Invalid, type FieldError } from '../../../platform/http/errors.js';
import { isTopAdmin } from '../org.policy.js';
import { cellPath } from './sheet-reader.js';

/** At most this many row errors are returned; the rest are counted in a last entry. */
export const MAX_REPORTED_ERRORS = 1_000;

export interface ImportAccess {
  /** Whether the importer may write things located at `path`. */
  allowed(path: string): boolean;
  /** Whether the importer may add root nodes (districts). */
  createRoot: boolean;
}

/**
 * An import needs org.import and the entity's write permission over each row's place.
 * The command line (`system`) imports as the operator of the installation: anywhere.
 */
export function importAccess(actor: Actor | null, system: boolean, write: Permission): ImportAccess {
  if (system) return { allowed: () => true, createRoot: true };
  return {
    allowed: (path) => can(actor, Permission.OrgImport, { path }) && can(actor, write, { path }),
    createRoot: isTopAdmin(actor),
  };
}

/** Collects problems per cell; a row with any problem is not considered further. */
export class RowErrors {
  readonly list: FieldError[] = [];
  private readonly lines = new Set<number>();

  constructor(initial: readonly FieldError[] = []) {
    for (const e of initial) {
      this.list.push(e);
      const line = /^row (\d+) /.exec(e.path);
      if (line) this.lines.add(Number(line[1]));
    }
  }

  add(line: number, header: string, code: string, params?: Record<string, string | number>): void {
    this.list.push({ path: cellPath(line, header), code, ...(params ? { params } : {}) });
    this.lines.add(line);
  }

  has(line: number): boolean {
    return this.lines.has(line);
  }

  /** Throws the 422 listing every bad row (nothing has been written yet). */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    // In sheet order (the checks run in phases), so a person can fix the file top to bottom.
    const rowOf = (path: string) => Number(/^row (\d+) /.exec(path)?.[1] ?? 0);
    const sorted = this.list.map((e, i) => ({ e, i })).sort((x, y) => rowOf(x.e.path) - rowOf(y.e.path) || x.i - y.i).map((x) => x.e);
    const shown = sorted.slice(0, MAX_REPORTED_ERRORS);
    if (this.list.length > MAX_REPORTED_ERRORS) {
      shown.push({ path: 'file', code: 'import_more_errors', params: { count: this.list.length - MAX_REPORTED_ERRORS } });
    }
    throw new Invalid('import_invalid', shown, { count: this.list.length });
  }
}

export interface ImportOutcome {
  /** Codes of the created rows. */
  created: string[];
  /** Code → changed fields of the updated rows. */
  updated: Record<string, Record<string, [unknown, unknown]>>;
  unchanged: number;
}

/** Indexes rows by a key, reporting later duplicates of the same key as errors. */
export function indexUnique<R extends { line: number }>(rows: readonly R[], keyOf: (r: R) => string | null, errors: RowErrors, header: string): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null) continue;
    const first = out.get(key);
    if (first) errors.add(r.line, header, 'import_duplicate_code', { first: first.line });
    else out.set(key, r);
  }
  return out;
}

export const CODE = /^[0-9A-Za-z][0-9A-Za-z_.-]{0,39}$/;
export const PHONE = /^\+?[0-9][0-9 ()-]{2,29}$/;
