/**
 * Runs one domain action for a request: opens a transaction and hands the command its
 * context (transaction, actor, request id, address, time). The audit entry the command
 * writes commits or rolls back with its change.
 */
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '../context.js';
import './app-types.js';

export function runCommand<T>(request: FastifyRequest, fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const { db, clock, config } = request.server.gz;
  return db.transaction((tx) => fn({ tx, actor: request.actor, requestId: String(request.id), ip: request.ip, now: clock(), timeZone: config.timeZone }));
}

/** Read-only context for queries that need no transaction. */
export function readContext(request: FastifyRequest) {
  return { db: request.server.gz.db, actor: request.actor, now: request.server.gz.clock(), timeZone: request.server.gz.config.timeZone };
}
