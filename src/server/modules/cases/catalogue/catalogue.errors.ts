/**
 * Running the catalogue's commands: one transaction each, constraint races named
 * precisely, and the reference-data caches settled once the transaction has ended.
 */
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/database.js';
import { runCommand } from '../../../platform/http/command.js';
import { Conflict, DomainError, Invalid } from '../../../platform/http/errors.js';
import { settleCatalogueCaches } from './catalogue.queries.js';

/** Unique index → message code (a concurrent request passed the command's own check). */
const UNIQUE_CODES: Record<string, string> = {
  case_categories_path_key: 'category_path_taken',
  search_terms_word_key: 'search_term_exists',
  // A leftover responsibility entry already names the new path.
  responsibilities_key: 'category_path_taken',
  deadline_rules_key: 'deadline_rule_exists',
};

/** A 422 naming one field of the request. */
export function invalidField(path: string, code: string, params?: Record<string, string | number>): Invalid {
  return new Invalid(code, [{ path, code, ...(params ? { params } : {}) }], params);
}

function pgErrorOf(err: unknown): { code: string; constraint?: unknown } | null {
  for (let e: unknown = err, i = 0; e && typeof e === 'object' && i < 3; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as { code: string; constraint?: unknown };
  }
  return null;
}

/** This module's unique violations → 409 with its code; anything else unchanged. */
export function translateCatalogueError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  const pg = pgErrorOf(err);
  const code = pg?.code === '23505' && typeof pg.constraint === 'string' ? UNIQUE_CODES[pg.constraint] : undefined;
  return code ? new Conflict(code) : err;
}

/** `runCommand` for catalogue writes. */
export async function runCatalogueCommand<T>(request: FastifyRequest, fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  let tx: Executor | undefined;
  try {
    return await runCommand(request, (ctx) => {
      tx = ctx.tx;
      return fn(ctx);
    });
  } catch (err) {
    throw translateCatalogueError(err);
  } finally {
    if (tx) settleCatalogueCaches(tx);
  }
}
