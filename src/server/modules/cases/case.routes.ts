/**
 * HTTP routes of 接诉即办. Routes parse, call a query or one command, and present; the
 * rules live in the commands, the policy and the state machine.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/access/actor.js';
import { Permission, type RouteAccess } from '../../platform/access/permission.js';
import type { CommandContext } from '../../platform/context.js';
import { readContext, runCommand, runSingleWrite } from '../../platform/http/command.js';
import type { GzApp } from '../../platform/module.js';
import { presentCase, presentSubmitted } from './case.presenter.js';
import { caseTimeline, getCase, listCases, myCases, publicCases, searchCases, similarForResident, similarToCase, trackCase } from './case.queries.js';
import type { CaseRow } from './case.repo.js';
import * as S from './case.schema.js';
import { caseEvents as events, caseStates, transitions } from './case.workflow.js';
import { caseDispatcher } from './commands/case-dispatcher.js';
import { caseSubmitter } from './commands/case-submitter.js';
import { belongsToSupervision, reportHandoff } from './commands/report-handoff.js';
import { extensionDecider, extensionRequester } from './commands/extensions.js';
import { caseSigner, caseStarter, caseReplier } from './commands/handling.js';
import { caseAcceptor, caseAnswerer, caseMerger, caseRefuser } from './commands/intake-decisions.js';
import { objectionFiler, objectionReviewer } from './commands/objections.js';
import { caseRater, caseReopener, caseSupporter, redoRequester } from './commands/resident-actions.js';
import { callerOfActor } from './commands/transition.js';
import { caseCloser, caseVerifier } from './commands/verification.js';
import { bulkDispatch } from './commands/bulk-dispatch.js';
import { objectionStats } from './case.stats.js';
import { exportCases } from './case-export.js';

const tags = ['cases'];

async function present(request: FastifyRequest, row: CaseRow) {
  const { db, actor } = readContext(request);
  return presentCase(db, callerOfActor(actor), row);
}

/** Registers one case action: POST /api/cases/:id/<path> with its body, returning the case. */
function action<B extends z.ZodType>(app: GzApp, path: string, access: RouteAccess, summary: string, body: B, run: (ctx: CommandContext, caseId: number, body: z.infer<B>) => Promise<CaseRow>) {
  app.post(`/api/cases/:id/${path}`, {
    config: { access },
    schema: { tags, summary, params: S.CaseIdParams, body, response: { 200: S.CaseOut } },
    handler: async (request) => {
      const { id } = request.params as { id: number };
      const row = await runCommand(request, (ctx) => run(ctx, id, request.body as z.infer<B>));
      return present(request, row);
    },
  });
}

function actionRoutes(app: GzApp): void {
  const D = Permission.CasesDispatch;
  const H = Permission.CasesHandle;
  const V = Permission.CasesVerify;
  action(app, 'accept', D, '受理 Accept', S.OptionalReasonBody, (ctx, caseId, b) => caseAcceptor(ctx, { caseId, ...b }));
  action(app, 'refuse', D, '不予受理 Refuse, naming the proper channel', S.RefuseBody, (ctx, caseId, b) => caseRefuser(ctx, { caseId, ...b }));
  action(app, 'answer', D, '即时答复 Answer an enquiry at once', S.AnswerBody, (ctx, caseId, b) => caseAnswerer(ctx, { caseId, ...b }));
  action(app, 'merge', D, '合并 Merge into another case', S.MergeBody, (ctx, caseId, b) => caseMerger(ctx, { caseId, ...b }));
  action(app, 'dispatch', D, '派单 / 改派 Dispatch or re-dispatch', S.DispatchBody, (ctx, caseId, b) => caseDispatcher(ctx, { caseId, ...b }));
  action(app, 'objection', H, '派单异议 Object to an order', S.ObjectBody, (ctx, caseId, b) => objectionFiler(ctx, { caseId, ...b }));
  action(app, 'objection-decision', D, '异议审核 Decide an objection', S.ObjectionDecisionBody, (ctx, caseId, b) => objectionReviewer(ctx, { caseId, ...b }));
  action(app, 'sign', H, '签收 Sign for an order', S.OptionalReasonBody, (ctx, caseId, b) => caseSigner(ctx, { caseId, ...b }));
  action(app, 'start', H, '开始办理 Start handling', S.OptionalReasonBody, (ctx, caseId, b) => caseStarter(ctx, { caseId, ...b }));
  action(app, 'extension', H, '申请延期 Ask for an extension', S.ExtensionBody, (ctx, caseId, b) => extensionRequester(ctx, { caseId, ...b }));
  action(app, 'extension-decision', V, '延期审批 Decide an extension', S.ExtensionDecisionBody, (ctx, caseId, b) => extensionDecider(ctx, { caseId, ...b }));
  action(app, 'reply', H, '办理反馈 Reply to the resident', S.ReplyBody, (ctx, caseId, b) => caseReplier(ctx, { caseId, ...b }));
  action(app, 'verify', V, '核查 Verify the reply (pass or 返工)', S.VerifyBody, (ctx, caseId, b) => caseVerifier(ctx, { caseId, ...b }));
  action(app, 'close', V, '结案 Close', S.OptionalReasonBody, (ctx, caseId, b) => caseCloser(ctx, { caseId, ...b }));
  action(app, 'rate', 'authenticated', '评价 Rate (reporter)', S.RateBody, (ctx, caseId, b) => caseRater(ctx, { caseId, ...b }));
  action(app, 'redo', 'authenticated', '重办 Ask for a redo (reporter)', S.ReasonBody, (ctx, caseId, b) => redoRequester(ctx, { caseId, ...b }));
  action(app, 'reopen', 'authenticated', '重新打开 Reopen within the window (reporter)', S.ReasonBody, (ctx, caseId, b) => caseReopener(ctx, { caseId, ...b }));
}

function intakeRoutes(app: GzApp): void {
  app.post('/api/cases', {
    // Neither one-time secret (the tracking code, a handed-off report's receipt) is kept for replays.
    config: { access: 'authenticated', idempotent: { omit: ['trackingCode', 'receipt'] } },
    schema: {
      tags,
      summary: '提交诉求 Submit a request (residents; staff record hotline and patrol reports). A 举报 about an official goes to the supervision channel instead and answers its receipt',
      body: S.CaseCreateBody,
      response: { 201: z.union([S.SubmittedOut, S.HandedOffOut]) },
    },
    handler: async (request, reply) => {
      const b = request.body;
      const actor = request.actor!;
      // Staff who may record intake do so for a caller (hotline) or from patrol; everyone else reports as themselves on the web.
      const staffIntake = can(actor, Permission.CasesIntake) && b.channel !== undefined && b.channel !== 'web';
      const channel = staffIntake ? b.channel! : 'web';
      const { aboutOfficial, channel: _c, ...fields } = b;
      const props = {
        ...fields,
        categoryId: fields.categoryId ?? null,
        address: fields.address ?? null,
        latitude: fields.latitude ?? null,
        longitude: fields.longitude ?? null,
        contactName: fields.contactName ?? null,
        contactPhone: fields.contactPhone || null,
        channel,
        reporterUserId: channel === 'hotline' ? null : actor.userId,
        aboutOfficial,
      };
      const handoff = reportHandoff();
      if (handoff && (await belongsToSupervision(readContext(request).db, props))) {
        const { receipt } = await runCommand(request, (ctx) => handoff(ctx, props, request.server.gz.config));
        return reply.code(201).header('cache-control', 'no-store').send({ handedOff: 'supervision' as const, receipt });
      }
      // Intake writes once (case_intake): no transaction around it is needed.
      const out = await runSingleWrite(request, (ctx) => caseSubmitter(ctx, props));
      return reply.code(201).send({ case: presentSubmitted(callerOfActor(actor), out, readContext(request).now), trackingCode: out.trackingCode });
    },
  });
}

function readRoutes(app: GzApp): void {
  app.get('/api/cases', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '工单列表与待办箱 Case inboxes and lookup', querystring: S.CaseListQuery, response: { 200: S.CaseListOut } },
    handler: async (request) => listCases(readContext(request), request.query),
  });
  app.get('/api/cases/search', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '全文检索 Full-text search of cases, best match first, with excerpts', querystring: S.CaseSearchQuery, response: { 200: S.CaseSearchOut } },
    handler: async (request) => searchCases(readContext(request), request.query),
  });
  app.post('/api/cases/similar', {
    config: { access: 'authenticated', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags, summary: '类似诉求 Similar open public cases near a matter being written', body: S.SimilarProbeBody, response: { 200: S.SimilarCasesOut } },
    handler: async (request) => similarForResident(readContext(request), request.body),
  });
  app.get('/api/cases/:id/similar', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '疑似重复 Similar open cases near a case', params: S.CaseIdParams, response: { 200: S.SimilarCasesOut } },
    handler: async (request) => similarToCase(readContext(request), request.params.id),
  });
  app.get('/api/cases/export.xlsx', {
    config: { access: Permission.CasesExport },
    schema: { tags, summary: '导出 XLSX Export the filtered cases', querystring: S.CaseListQuery.omit({ limit: true, offset: true }) },
    handler: async (request, reply) => {
      const { file, type, name } = await exportCases(request, request.query);
      return reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`).send(file);
    },
  });
  app.get('/api/me/cases', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的诉求 My requests', querystring: z.object(S.PublicCaseListQuery.omit({ nodeId: true }).shape), response: { 200: S.CaseListOut } },
    handler: async (request) => myCases(readContext(request), request.query),
  });
  app.get('/api/public/cases', {
    config: { access: 'public' },
    schema: { tags, summary: '公开诉求（我也遇到）Public cases', querystring: S.PublicCaseListQuery, response: { 200: S.CaseListOut } },
    handler: async (request) => publicCases(readContext(request), request.query),
  });
  app.get('/api/public/cases/track', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags, summary: '凭查询码查看进度 Follow a case with its tracking code', querystring: S.TrackQuery, response: { 200: S.TrackedOut } },
    handler: async (request) => trackCase(readContext(request), request.query.code),
  });
  app.get('/api/public/cases/states', {
    config: { access: 'public' },
    schema: { tags, summary: '工单状态机 The case state machine', response: { 200: S.StateTableOut } },
    handler: async () => ({ states: [...caseStates], events: events.map((e) => ({ event: e, ...transitions[e], from: [...transitions[e].from], keep: [...transitions[e].keep] })) }),
  });
  app.get('/api/cases/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '工单详情 A case', params: S.CaseIdParams, response: { 200: S.CaseOut } },
    handler: async (request) => getCase(readContext(request), request.params.id),
  });
  app.get('/api/cases/:id/timeline', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '办理过程 Timeline', params: S.CaseIdParams, response: { 200: S.TimelineOut } },
    handler: async (request) => caseTimeline(readContext(request), request.params.id),
  });
  app.post('/api/cases/:id/support', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我也遇到 Support a public case and follow it', params: S.CaseIdParams, response: { 200: S.SupportOut } },
    handler: async (request) => runCommand(request, (ctx) => caseSupporter(ctx, request.params.id)),
  });
  app.post('/api/cases/bulk-dispatch', {
    config: { access: Permission.CasesDispatch },
    schema: { tags, summary: '批量派单 Bulk dispatch (each case to its route or the given unit)', body: S.BulkDispatchBody, response: { 200: S.BulkDispatchOut } },
    handler: async (request) => bulkDispatch(request, request.body),
  });
  app.get('/api/cases/objection-stats', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '各单位派单异议统计 Objections per unit', response: { 200: S.ObjectionStatsOut } },
    handler: async (request) => objectionStats(readContext(request)),
  });
}

export function caseRoutes(app: GzApp): void {
  intakeRoutes(app);
  readRoutes(app);
  actionRoutes(app);
}
