/**
 * 批量派单: dispatches many cases, each in its own transaction, so one refusal (a case
 * already taken, a case with no route) does not undo the others; every case reports its outcome.
 */
import type { FastifyRequest } from 'fastify';
import { runCommand } from '../../../platform/http/command.js';
import { DomainError } from '../../../platform/http/errors.js';
import { caseDispatcher } from './case-dispatcher.js';

export async function bulkDispatch(request: FastifyRequest, body: { caseIds: number[]; orgId?: number | undefined }) {
  const results: Array<{ caseId: number; ok: boolean; code: string | null; number: string | null }> = [];
  for (const caseId of [...new Set(body.caseIds)]) {
    try {
      const row = await runCommand(request, (ctx) => caseDispatcher(ctx, { caseId, orgId: body.orgId }));
      results.push({ caseId, ok: true, code: null, number: row.number });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      results.push({ caseId, ok: false, code: err.code, number: null });
    }
  }
  return { results };
}
