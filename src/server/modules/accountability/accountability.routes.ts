/** HTTP routes of accountability records. */
import { Permission } from '../../platform/access/permission.js';
import { readContext, runCommand } from '../../platform/http/command.js';
import { IdParams } from '../../platform/http/fields.js';
import type { GzApp } from '../../platform/module.js';
import type { FastifyRequest } from 'fastify';
import { appealRecord, listRecords, recordById, recordMeasure, reviewAppeal, type NewRecord, type RecordRow } from './accountability-records.js';
import { presentRecord, presentRecords } from './accountability.presenter.js';
import * as S from './accountability.schema.js';

const tags = ['accountability'];

function present(request: FastifyRequest, row: RecordRow) {
  const { db, actor } = readContext(request);
  return presentRecord(db, actor, row);
}

export function accountabilityRoutes(app: GzApp): void {
  app.post('/api/accountability/records', {
    config: { access: Permission.AccountabilityWrite },
    schema: { tags, summary: '问责记录 Record a measure of the four forms or 通报批评 on a person (通报批评 may be published to a subtree’s staff)', body: S.RecordBody, response: { 201: S.RecordOut } },
    handler: async (request, reply) => reply.code(201).send(await present(request, await runCommand(request, (ctx) => recordMeasure(ctx, request.body as NewRecord)))),
  });
  app.get('/api/accountability/records', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '问责记录 Records in the caller’s scope (and a person’s own)', querystring: S.RecordQuery, response: { 200: S.RecordListOut } },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      return { items: await presentRecords(db, actor, await listRecords(db, actor, request.query.personId)) };
    },
  });
  app.get('/api/accountability/records/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '问责记录详情 One record', params: IdParams, response: { 200: S.RecordOut } },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      return presentRecord(db, actor, await recordById(db, actor, request.params.id));
    },
  });
  app.post('/api/accountability/records/:id/appeal', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '申诉 The person appeals their record', params: IdParams, body: S.AppealBody, response: { 200: S.RecordOut } },
    handler: async (request) => present(request, await runCommand(request, (ctx) => appealRecord(ctx, { id: request.params.id, ...request.body }))),
  });
  app.post('/api/accountability/records/:id/review', {
    config: { access: Permission.AccountabilityWrite },
    schema: { tags, summary: '申诉复查 Review a pending appeal: upheld, changed or revoked', params: IdParams, body: S.ReviewBody, response: { 200: S.RecordOut } },
    handler: async (request) => present(request, await runCommand(request, (ctx) => reviewAppeal(ctx, { id: request.params.id, ...request.body }))),
  });
}
