/**
 * Runs one domain action for a request: opens a transaction and hands the command its
 * context (transaction, actor, request id, address, time). The audit entry the command
 * writes commits or rolls back with its change.
 */
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '../context.js';
import type { Executor } from '../db/database.js';
import './app-types.js';

export function runCommand<T>(request: FastifyRequest, fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const { db } = request.server.gz;
  return db.transaction((tx) => fn(contextOf(request, tx)));
}

/**
 * Runs a command whose only write is a single statement — a database function that makes
 * the whole change, like `case_intake` — without BEGIN and COMMIT: PostgreSQL runs every
 * statement atomically on its own, and on a server those two are round trips of their own.
 * The command's reads before its write see committed data. Any command that writes more
 * than once must use `runCommand`.
 */
export function runSingleWrite<T>(request: FastifyRequest, fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  return fn(contextOf(request, request.server.gz.db));
}

function contextOf(request: FastifyRequest, tx: Executor): CommandContext {
  const { clock, config } = request.server.gz;
  return { tx, actor: request.actor, requestId: String(request.id), ip: request.ip, now: clock(), timeZone: config.timeZone };
}

/** Read-only context for queries that need no transaction. */
export function readContext(request: FastifyRequest) {
  return { db: request.server.gz.db, actor: request.actor, now: request.server.gz.clock(), timeZone: request.server.gz.config.timeZone };
}
