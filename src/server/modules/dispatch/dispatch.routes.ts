/** HTTP routes of 智能派单: a case's suggestions, the model's versions and retraining, auto-dispatch settings. */
import { and, count, gte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Permission } from '../../platform/access/permission.js';
import { readContext, runCommand } from '../../platform/http/command.js';
import { Forbidden } from '../../platform/http/errors.js';
import { IdParams } from '../../platform/http/fields.js';
import type { Db } from '../../platform/db/database.js';
import type { GzApp } from '../../platform/module.js';
import { caseToDispatch } from '../cases/case.exports.js';
import { canConfigure } from '../cases/catalogue/catalogue.policy.js';
import { dispatchSettingsEditor, dispatchSettingsOf, type DispatchSettings } from './auto-dispatch.js';
import { dispatchDecisions } from './dispatch.tables.js';
import * as S from './dispatch.schema.js';
import { listVersions } from './model-store.js';
import { suggestDispatch } from './suggestions.js';
import { trainingNow, trainVersion } from './train-version.js';

const tags = ['dispatch'];
const DAY = 86_400_000;

async function presentSettings(db: Db, s: DispatchSettings, now: Date) {
  const [recent] = await db
    .select({ looked: count(), dispatched: sql<number>`count(*) FILTER (WHERE ${dispatchDecisions.dispatched})` })
    .from(dispatchDecisions)
    .where(and(gte(dispatchDecisions.decidedAt, new Date(now.getTime() - 30 * DAY))));
  return { autoDispatch: s.autoDispatch, minConfidence: s.minConfidence, updatedAt: s.updatedAt.toISOString(), recent: { looked: Number(recent?.looked ?? 0), dispatched: Number(recent?.dispatched ?? 0) } };
}

export function dispatchRoutes(app: GzApp): void {
  app.get('/api/cases/:id/dispatch-suggestions', {
    config: { access: Permission.CasesDispatch },
    schema: { tags, summary: '派单建议 The model’s likeliest categories and units for a case, with confidence and words', params: IdParams, response: { 200: S.DispatchSuggestionsOut } },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      return suggestDispatch(db, await caseToDispatch(db, actor, request.params.id));
    },
  });
  app.get('/api/dispatch/models', {
    config: { access: Permission.CasesConfigure },
    schema: { tags, summary: '派单模型版本 The trained versions, newest (in use) first', response: { 200: S.ModelVersionsOut } },
    handler: async (request) => {
      const items = await listVersions(readContext(request).db);
      return { items: items.map((v) => ({ ...v, trainedAt: v.trainedAt.toISOString() })), training: trainingNow() };
    },
  });
  app.post('/api/dispatch/models', {
    config: { access: Permission.CasesConfigure, rateLimit: { max: 3, timeWindow: '10 minutes' } },
    schema: { tags, summary: '立即训练 Train a new version now from the dispatched cases (takes seconds, off the event loop)', response: { 201: S.TrainedOut, 403: z.unknown(), 409: z.unknown() } },
    handler: async (request, reply) => {
      if (!canConfigure(request.actor)) throw new Forbidden();
      const { db, actor, now } = readContext(request);
      const trained = await trainVersion(db, { trigger: 'console', actor, requestId: String(request.id), ip: request.ip, now });
      return reply.code(201).send(trained);
    },
  });
  app.get('/api/dispatch/settings', {
    config: { access: Permission.CasesDispatch },
    schema: { tags, summary: '自动派单设置 Whether new cases are dispatched by the model, and above which confidence', response: { 200: S.DispatchSettingsOut } },
    handler: async (request) => {
      const { db, now } = readContext(request);
      return presentSettings(db, await dispatchSettingsOf(db), now);
    },
  });
  app.put('/api/dispatch/settings', {
    config: { access: Permission.CasesConfigure },
    schema: { tags, summary: '修改自动派单设置 Turn auto-dispatch on or off, set its confidence', body: S.DispatchSettingsBody, response: { 200: S.DispatchSettingsOut, 403: z.unknown() } },
    handler: async (request) => {
      if (!canConfigure(request.actor)) throw new Forbidden();
      const s = await runCommand(request, (ctx) => dispatchSettingsEditor(ctx, request.body));
      const { db, now } = readContext(request);
      return presentSettings(db, s, now);
    },
  });
}
