/**
 * Database constraint errors → domain errors. Commands check uniqueness and references
 * first, but two concurrent requests can still race past the check; the constraint
 * then decides, and the caller gets a 409 with a clear code instead of a 500.
 */
import type { FastifyRequest } from 'fastify';
import { Conflict, DomainError, Invalid } from '../../platform/http/errors.js';
import { runCommand } from '../../platform/http/command.js';
import type { CommandContext } from '../../platform/context.js';
import { forgetUnitNames } from './unit-names.js';

/** Unique index → message code. */
const UNIQUE_CODES: Record<string, string> = {
  admin_nodes_code_key: 'node_code_taken',
  // A node is inserted with the placeholder path `tmp:<code>`, so a race on a code can trip this index first.
  admin_nodes_path_key: 'node_code_taken',
  organizations_code_key: 'org_code_taken',
  people_code_key: 'person_code_taken',
  people_user_key: 'person_has_account',
  users_username_key: 'username_taken',
  users_phone_key: 'phone_taken',
  role_assignments_key: 'role_exists',
  responsibilities_key: 'responsibility_exists',
};

interface PgErrorLike {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

/** The driver's error, unwrapped from Drizzle's `DrizzleQueryError` when wrapped. */
function pgErrorOf(err: unknown): PgErrorLike | null {
  for (let e: unknown = err, i = 0; e && typeof e === 'object' && i < 3; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as PgErrorLike).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as PgErrorLike;
  }
  return null;
}

/**
 * Names this module's constraint violations precisely (which code is taken; whether a
 * deleted row is still in use or a referenced row vanished). Anything else is returned
 * unchanged for the platform's generic SQLSTATE mapping.
 */
export function translateDbError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  const pg = pgErrorOf(err);
  if (!pg) return err;
  const constraint = typeof pg.constraint === 'string' ? pg.constraint : '';
  if (pg.code === '23505') return new Conflict(UNIQUE_CODES[constraint] ?? 'conflict');
  if (pg.code === '23503') {
    // PostgreSQL words the two directions differently: deleting a referenced row, or pointing at a missing one.
    const deleting = typeof pg.message === 'string' && pg.message.startsWith('update or delete');
    return deleting ? new Conflict('in_use') : new Invalid('ref_not_found');
  }
  return err;
}

/** `runCommand` with constraint violations translated, then this module's caches cleared (use for every write of this module). */
export async function runOrgCommand<T>(request: FastifyRequest, fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  try {
    return await runCommand(request, fn);
  } catch (err) {
    throw translateDbError(err);
  } finally {
    // Accounts, roles, posts, people and nodes make up signed-in callers, and units have
    // names shown everywhere: none may be remembered stale on this server.
    request.server.gz.sessionCache.forgetAll();
    forgetUnitNames(request.server.gz.db);
  }
}

/** Turns an empty optional text into null, so '' and absent mean the same. */
export function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
