/**
 * HTTP routes of the 监督微平台. The reporter's (file, follow up) take no session, are never
 * cached (`Cache-Control: no-store`), log nothing per request (no address in any log), are
 * rate-limited per client address, and ask for proof of work when traffic looks like abuse.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Permission } from '../../platform/access/permission.js';
import { SESSION_COOKIE } from '../../platform/auth/auth.plugin.js';
import { readContext, runCommand } from '../../platform/http/command.js';
import { IdParams } from '../../platform/http/fields.js';
import { DomainError, NotFound } from '../../platform/http/errors.js';
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from '../../platform/http/idempotency.js';
import { ChallengeRequired, checkProof, DEFAULT_DIFFICULTY, newChallenge, POW_HEADER } from '../../platform/http/proof-of-work.js';
import { guards, type Guarded } from './abuse-guard.js';
import type { GzApp } from '../../platform/module.js';
import { rootNodes } from '../org/org.exports.js';
import { fileReport } from './report-intake.js';
import { attachmentForInspector, inspectorReports, reportByReceipt, reportForInspector } from './report-reading.js';
import { formLimits, readForm, reportBodyOf, type Upload } from './report-form.js';
import { audit } from '../../platform/audit/audit.js';
import * as S from './supervision.schema.js';
import { sessionKeyPair } from './user-keys.js';
import { inspectorMessage, recuseFromReport, reportAction, reporterMessage, transferReport } from './report-actions.js';
import { decideIdentityRequest, identityForInspector, identityRequestsFor, myIdentityRequests, requestIdentity } from './identity-requests.js';
import { reportEvents, type ReportEvent } from './report-workflow.js';
import { approveRecovery, keyState, recoveriesFor } from './key-recovery.js';
import { defaultCountNode, reportCounts } from './report-counts.js';
import { z } from 'zod';

const tags = ['supervision'];
const quiet = { logLevel: 'warn' as const };

function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
}

/** The deployment's rule on the reported person's line superiors. */
const lineRule = (request: FastifyRequest) => request.server.gz.config.supervisionLineSuperiors;

/** The signed-in user's supervision keypair, unlocked from their session. */
async function ownKeys(request: FastifyRequest) {
  const token = request.cookies[SESSION_COOKIE];
  if (!request.session || !token || !request.actor) return undefined;
  return sessionKeyPair(readContext(request).db, request.session.id, token, request.actor.userId);
}

function actionRoutes(app: GzApp): void {
  for (const event of reportEvents) {
    app.post(`/api/supervision/reports/:id/${event}`, {
      config: { access: Permission.SupervisionHandle },
      schema: { tags, summary: `${actionNames[event]} (${event})`, params: IdParams, body: S.ReportActionBody, response: { 200: S.ActionOut } },
      handler: async (request, reply) => {
        noStore(reply);
        const row = await runCommand(request, (ctx) => reportAction(ctx, { reportId: request.params.id, event, ...request.body }));
        return { id: row.id, state: row.state, version: row.version };
      },
    });
  }
  app.post('/api/supervision/reports/:id/transfer', {
    config: { access: Permission.SupervisionHandle },
    schema: { tags, summary: '转交 Transfer to the competent level of another place', params: IdParams, body: S.TransferBody, response: { 200: S.ActionOut } },
    handler: async (request, reply) => {
      noStore(reply);
      const own = await ownKeys(request);
      const row = await runCommand(request, (ctx) => transferReport(ctx, { reportId: request.params.id, own, ...request.body, lineSuperiors: lineRule(request) }));
      return { id: row.id, state: row.state, version: row.version };
    },
  });
  app.post('/api/supervision/reports/:id/recuse', {
    config: { access: Permission.SupervisionHandle },
    schema: { tags, summary: '回避 Step aside from a report (related to the matter or the person): the caller’s key to it is destroyed', params: IdParams, body: S.RecuseBody, response: { 204: z.null() } },
    handler: async (request, reply) => {
      noStore(reply);
      await runCommand(request, (ctx) => recuseFromReport(ctx, { reportId: request.params.id, reason: request.body.reason }));
      return reply.code(204).send(null);
    },
  });
  app.post('/api/supervision/reports/:id/messages', {
    config: { access: Permission.SupervisionHandle },
    schema: { tags, summary: '询问 / 答复 A question or answer to the reporter (sealed)', params: IdParams, body: S.InspectorMessageBody, response: { 204: z.null() } },
    handler: async (request, reply) => {
      noStore(reply);
      await runCommand(request, (ctx) => inspectorMessage(ctx, { reportId: request.params.id, ...request.body }));
      return reply.code(204).send(null);
    },
  });
  app.get('/api/supervision/reports/:id/attachments/:attachmentId', {
    config: { access: Permission.SupervisionRead },
    schema: { tags, summary: '附件 An attachment of a report sealed to the signed-in inspector (download; each opening audited)', params: S.AttachmentParams },
    handler: async (request, reply) => {
      const { id, attachmentId } = request.params;
      const own = await ownKeys(request);
      const file = await runCommand(request, async (ctx) => {
        const opened = await attachmentForInspector(ctx.tx, id, attachmentId, ctx.actor!.userId, own);
        await audit(ctx, { action: 'supervision.report.attachment_open', subjectType: 'supervision_report', subjectId: id, changes: { attachmentId } });
        return opened;
      });
      noStore(reply);
      return sendDownload(reply, file);
    },
  });
}

/** An opened attachment as a download: never rendered in the console's origin (only photos keep their type, for preview). */
function sendDownload(reply: FastifyReply, file: { name: string; mime: string; bytes: Buffer }) {
  const type = file.mime.startsWith('image/') ? file.mime : 'application/octet-stream';
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.bytes);
}

/**
 * A filing's `Idempotency-Key`: at least 128 bits' worth (22+ visible characters, e.g. a
 * UUID), since the receipt is drawn from it; shorter keys are refused, not weakened.
 */
function filingKey(request: FastifyRequest): string | undefined {
  const header = request.headers[IDEMPOTENCY_HEADER];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !/^[\x21-\x7e]{22,255}$/.test(header)) throw new DomainError(400, 'idempotency_key_invalid');
  return header;
}

/** Files of a multipart request, read in preValidation and taken by the handler. */
const uploads = new WeakMap<FastifyRequest, Upload[]>();

/** A multipart body becomes the route's JSON shape before validation (the schema checks both alike); its files wait on the request. */
function fromForm(shape: (fields: Record<string, string>, files: Upload[]) => Record<string, unknown>) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!request.isMultipart()) return;
    const form = await readForm(request);
    uploads.set(request, form.files);
    request.body = shape(form.fields, form.files);
  };
}

const materialOf = (fields: Record<string, string>, files: Upload[]) => ({
  receipt: fields.receipt,
  kind: fields.kind ?? 'material',
  // Files alone are material enough; the thread says how many came.
  body: fields.body?.trim() ? fields.body : files.length > 0 ? `补充材料（附件 ${files.length} 个）` : fields.body,
});

/** The reporter's routes that take files: filing and adding material. */
async function reporterFormRoutes(app: GzApp): Promise<void> {
  await app.register(async (scope: GzApp) => {
    await scope.register(multipart, { limits: formLimits });
    scope.post('/api/supervision/reports', {
      ...quiet,
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '10 minutes' } },
      preValidation: fromForm((fields) => reportBodyOf(fields)),
      schema: { tags, summary: '监督举报 File a report about a cadre (anonymous or real-name; JSON, or multipart with files); answers the receipt, shown once', consumes: ['application/json', 'multipart/form-data'], body: S.ReportBody, response: { 201: S.ReceiptOut } },
      handler: async (request, reply) => {
        noStore(reply);
        await guard(request, 'file', 'report');
        const b = request.body;
        const nodeId = b.nodeId ?? (await rootNodes(readContext(request).db))[0]?.id;
        const idempotencyKey = filingKey(request);
        const filed = await runCommand(request, (ctx) => fileReport(ctx, { ...b, nodeId: nodeId ?? 0, reporterUserId: b.anonymous ? null : (request.actor?.userId ?? null), files: uploads.get(request) ?? [], lineSuperiors: lineRule(request), idempotencyKey }));
        if (filed.replayed) reply.header(REPLAYED_HEADER, 'true');
        return reply.code(201).send({ receipt: filed.receipt });
      },
    });
    scope.post('/api/supervision/follow-up/messages', {
      ...quiet,
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
      preValidation: fromForm(materialOf),
      schema: { tags, summary: '补充材料 / 回答 The reporter adds material (JSON, or multipart with files) or answers, with the receipt', consumes: ['application/json', 'multipart/form-data'], body: S.ReporterMessageBody, response: { 204: z.null() } },
      handler: async (request, reply) => {
        noStore(reply);
        await withReceipt(request, () => runCommand(request, (ctx) => reporterMessage(ctx, { ...request.body, files: uploads.get(request) ?? [] })));
        return reply.code(204).send(null);
      },
    });
  });
}

function identityRoutes(app: GzApp): void {
  app.post('/api/supervision/reports/:id/identity-requests', {
    config: { access: Permission.SupervisionHandle },
    schema: { tags, summary: '申请查看举报人身份 Ask the custodians for a real-name reporter’s identity, with a reason', params: IdParams, body: S.IdentityRequestBody, response: { 201: S.CreatedOut } },
    handler: async (request, reply) => {
      noStore(reply);
      const id = await runCommand(request, (ctx) => requestIdentity(ctx, { reportId: request.params.id, reason: request.body.reason }));
      return reply.code(201).send({ id });
    },
  });
  app.get('/api/supervision/reports/:id/identity-requests', {
    config: { access: Permission.SupervisionRead },
    schema: { tags, summary: '我的身份查看申请 The caller’s own requests on a report and their state', params: IdParams, response: { 200: S.MyIdentityRequestsOut } },
    handler: async (request, reply) => {
      noStore(reply);
      return { items: await myIdentityRequests(readContext(request).db, request.params.id, request.actor!.userId) };
    },
  });
  app.get('/api/supervision/identity-requests', {
    config: { access: Permission.SupervisionCustody },
    schema: { tags, summary: '身份查看申请 Requests on the reports a custodian holds in escrow', response: { 200: S.IdentityRequestsOut } },
    handler: async (request, reply) => {
      noStore(reply);
      return { items: await identityRequestsFor(readContext(request).db, request.actor!.userId, await ownKeys(request)) };
    },
  });
  app.post('/api/supervision/identity-requests/:id/decision', {
    config: { access: Permission.SupervisionCustody },
    schema: { tags, summary: '审批身份查看申请 Approve (the identity is sealed to the inspector; the reporter is told) or deny', params: IdParams, body: S.IdentityDecisionBody, response: { 204: z.null() } },
    handler: async (request, reply) => {
      noStore(reply);
      const own = await ownKeys(request);
      await runCommand(request, (ctx) => decideIdentityRequest(ctx, { requestId: request.params.id, approve: request.body.approve, own }));
      return reply.code(204).send(null);
    },
  });
  app.get('/api/supervision/reports/:id/identity', {
    config: { access: Permission.SupervisionRead },
    schema: { tags, summary: '举报人身份 The reporter’s identity, once a custodian approved the request', params: IdParams, response: { 200: S.IdentityOut } },
    handler: async (request, reply) => {
      noStore(reply);
      return identityForInspector(readContext(request).db, request.params.id, request.actor!.userId, await ownKeys(request));
    },
  });
}

function countRoutes(app: GzApp): void {
  app.get('/api/supervision/counts', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '举报件统计 How many reports about matters in a subtree, by state and month (counts of 1–2 withheld); for those who assess the area', querystring: S.CountsQuery, response: { 200: S.CountsOut } },
    handler: async (request) => {
      const { db, actor, timeZone } = readContext(request);
      const nodeId = request.query.nodeId ?? defaultCountNode(actor);
      if (nodeId === undefined) throw new NotFound();
      return reportCounts(db, actor, nodeId, timeZone);
    },
  });
}

function keyRoutes(app: GzApp): void {
  app.get('/api/supervision/key-status', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的举报密钥 Whether the caller’s supervision key is open in this session, or awaits a custodian’s recovery', response: { 200: S.KeyStateOut } },
    handler: async (request, reply) => {
      noStore(reply);
      return { state: await keyState(readContext(request).db, request.actor!.userId, (await ownKeys(request)) !== undefined) };
    },
  });
  app.get('/api/supervision/key-recoveries', {
    config: { access: Permission.SupervisionCustody },
    schema: { tags, summary: '密钥恢复申请 Users whose key awaits recovery after a password reset (escrow held by the caller)', response: { 200: S.KeyRecoveriesOut } },
    handler: async (request, reply) => {
      noStore(reply);
      return { items: await recoveriesFor(readContext(request).db, request.actor!.userId) };
    },
  });
  app.post('/api/supervision/key-recoveries/:id/approve', {
    config: { access: Permission.SupervisionCustody },
    schema: { tags, summary: '恢复密钥 Seal the escrowed key to the user’s transfer key; it is theirs again at their next sign-in', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      noStore(reply);
      const own = await ownKeys(request);
      await runCommand(request, (ctx) => approveRecovery(ctx, { userId: request.params.id, own }));
      return reply.code(204).send(null);
    },
  });
}

const actionNames: Record<ReportEvent, string> = { accept: '受理 Accept', dispose: '处置 Dispose of the clue', conclude: '办结 Conclude', close: '结案 Close', archive: '归档 Archive' };

/** Asks for proof of work when the guard says so (abuse-guard.ts), then counts the attempt. */
async function guard(request: FastifyRequest, kind: Guarded, purpose: string): Promise<void> {
  const { db, now } = readContext(request);
  if (guards[kind].needsProof(request.ip, now.getTime())) {
    const header = request.headers[POW_HEADER];
    if (!(await checkProof(db, typeof header === 'string' ? header : undefined, purpose, now))) throw new ChallengeRequired(await newChallenge(db, purpose, now), DEFAULT_DIFFICULTY);
  }
  if (kind === 'file') guards.file.record(request.ip, now.getTime());
}

/** Runs a receipt look-up, counting a receipt of no report against the address. */
async function withReceipt<T>(request: FastifyRequest, run: () => Promise<T>): Promise<T> {
  await guard(request, 'receipt', 'receipt');
  try {
    return await run();
  } catch (e) {
    if (e instanceof NotFound) guards.receipt.record(request.ip, readContext(request).now.getTime());
    throw e;
  }
}

export async function supervisionRoutes(app: GzApp): Promise<void> {
  actionRoutes(app);
  identityRoutes(app);
  keyRoutes(app);
  countRoutes(app);
  await reporterFormRoutes(app);
  app.post('/api/supervision/follow-up', {
    ...quiet,
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
    schema: { tags, summary: '举报查询 The reporter’s view of one report, by its receipt', body: S.ReceiptBody, response: { 200: S.FollowUpOut } },
    handler: async (request, reply) => {
      noStore(reply);
      const v = await withReceipt(request, () => reportByReceipt(readContext(request).db, request.body.receipt));
      const { accusedPersonId: _p, nodeId: _n, ...matter } = v.matter;
      return { state: v.state, receivedAt: v.receivedAt, matter, messages: v.messages.filter((m) => m.kind !== 'internal'), attachments: v.attachments };
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
