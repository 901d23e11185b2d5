/**
 * HTTP routes of the 监督微平台. The reporter's two (file, follow up) take no session, are
 * never cached (`Cache-Control: no-store`), log nothing per request (no address in any log)
 * and are rate-limited per client address.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Permission } from '../../platform/access/permission.js';
import { SESSION_COOKIE } from '../../platform/auth/auth.plugin.js';
import { readContext, runCommand } from '../../platform/http/command.js';
import { IdParams } from '../../platform/http/fields.js';
import type { GzApp } from '../../platform/module.js';
import { rootNodes } from '../org/org.exports.js';
import { fileReport } from './report-intake.js';
import { inspectorReports, reportByReceipt, reportForInspector } from './report-reading.js';
import * as S from './supervision.schema.js';
import { sessionKeyPair } from './user-keys.js';

const tags = ['supervision'];
const quiet = { logLevel: 'warn' as const };

function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
}

/** The signed-in user's supervision keypair, unlocked from their session. */
async function ownKeys(request: FastifyRequest) {
  const token = request.cookies[SESSION_COOKIE];
  if (!request.session || !token || !request.actor) return undefined;
  return sessionKeyPair(readContext(request).db, request.session.id, token, request.actor.userId);
}

export function supervisionRoutes(app: GzApp): void {
  app.post('/api/supervision/reports', {
    ...quiet,
    config: { access: 'public', rateLimit: { max: 5, timeWindow: '10 minutes' } },
    schema: { tags, summary: '监督举报 File a report about a cadre (anonymous or real-name); answers the receipt, shown once', body: S.ReportBody, response: { 201: S.ReceiptOut } },
    handler: async (request, reply) => {
      noStore(reply);
      const b = request.body;
      const nodeId = b.nodeId ?? (await rootNodes(readContext(request).db))[0]?.id;
      const filed = await runCommand(request, (ctx) => fileReport(ctx, { ...b, nodeId: nodeId ?? 0, reporterUserId: b.anonymous ? null : (request.actor?.userId ?? null) }));
      return reply.code(201).send({ receipt: filed.receipt });
    },
  });
  app.post('/api/supervision/follow-up', {
    ...quiet,
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
    schema: { tags, summary: '举报查询 The reporter’s view of one report, by its receipt', body: S.ReceiptBody, response: { 200: S.FollowUpOut } },
    handler: async (request, reply) => {
      noStore(reply);
      const v = await reportByReceipt(readContext(request).db, request.body.receipt);
      const { accusedPersonId: _p, nodeId: _n, ...matter } = v.matter;
      return { state: v.state, receivedAt: v.receivedAt, matter, messages: v.messages };
    },
  });
  app.get('/api/supervision/reports', {
    config: { access: Permission.SupervisionRead },
    schema: { tags, summary: '举报件 Reports sealed to the signed-in inspector', response: { 200: S.ReportListOut } },
    handler: async (request, reply) => {
      noStore(reply);
      return { items: await inspectorReports(readContext(request).db, request.actor!.userId) };
    },
  });
  app.get('/api/supervision/reports/:id', {
    config: { access: Permission.SupervisionRead },
    schema: { tags, summary: '举报件详情 A report sealed to the signed-in inspector, opened with their key', params: IdParams, response: { 200: S.ReportOut } },
    handler: async (request, reply) => {
      noStore(reply);
      return reportForInspector(readContext(request).db, request.params.id, request.actor!.userId, await ownKeys(request));
    },
  });
}
