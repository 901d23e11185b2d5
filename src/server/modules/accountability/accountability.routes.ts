/** HTTP routes of accountability records. */
import { Permission } from '../../platform/access/permission.js';
import { readContext, runCommand } from '../../platform/http/command.js';
import { IdParams } from '../../platform/http/fields.js';
import type { GzApp } from '../../platform/module.js';
import { appealRecord, listRecords, recordById, recordMeasure, reviewAppeal, type NewRecord } from './accountability-records.js';
import type { accountabilityRecords } from './accountability.tables.js';
import * as S from './accountability.schema.js';

const tags = ['accountability'];

function present(r: typeof accountabilityRecords.$inferSelect) {
  return { id: r.id, personId: r.personId, nodeId: r.nodeId, form: r.form, measure: r.measure, grounds: r.grounds, summary: r.summary, decidedBy: r.decidedBy, decidedOn: r.decidedOn, appeal: r.appeal, appealText: r.appealText, reviewNote: r.reviewNote, createdAt: r.createdAt.toISOString(), version: r.version };
}

export function accountabilityRoutes(app: GzApp): void {
  app.post('/api/accountability/records', {
    config: { access: Permission.AccountabilityWrite },
    schema: { tags, summary: '问责记录 Record a measure of the four forms or 通报批评 on a person', body: S.RecordBody, response: { 201: S.RecordOut } },
    handler: async (request, reply) => reply.code(201).send(present(await runCommand(request, (ctx) => recordMeasure(ctx, request.body as NewRecord)))),
  });
  app.get('/api/accountability/records', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '问责记录 Records in the caller’s scope (and a person’s own)', querystring: S.RecordQuery, response: { 200: S.RecordListOut } },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      return { items: (await listRecords(db, actor, request.query.personId)).map(present) };
    },
  });
  app.get('/api/accountability/records/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '问责记录详情 One record', params: IdParams, response: { 200: S.RecordOut } },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      return present(await recordById(db, actor, request.params.id));
    },
  });
  app.post('/api/accountability/records/:id/appeal', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '申诉 The person appeals their record', params: IdParams, body: S.AppealBody, response: { 200: S.RecordOut } },
    handler: async (request) => present(await runCommand(request, (ctx) => appealRecord(ctx, { id: request.params.id, text: request.body.text }))),
  });
  app.post('/api/accountability/records/:id/review', {
    config: { access: Permission.AccountabilityWrite },
    schema: { tags, summary: '申诉复查 Review a pending appeal: upheld, changed or revoked', params: IdParams, body: S.ReviewBody, response: { 200: S.RecordOut } },
    handler: async (request) => present(await runCommand(request, (ctx) => reviewAppeal(ctx, { id: request.params.id, ...request.body }))),
  });
}
