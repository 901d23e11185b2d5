/** HTTP routes of 问责复核事项 and the thresholds that open them (issue #5 point 7). */
import { scopeOf } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { audit } from '../../platform/audit/audit.js';
import { readContext, runCommand } from '../../platform/http/command.js';
import { IdParams } from '../../platform/http/fields.js';
import type { GzApp } from '../../platform/module.js';
import type { NewRecord } from './accountability-records.js';
import { presentRecord, presentReviewItem } from './accountability.presenter.js';
import { closedMonth, evaluatePeriod } from './review-evaluator.js';
import { dismissReviewItem, escalateReviewItem, listReviewItems, reviewItemById } from './review-items.js';
import { saveSettings, settingsView } from './review-settings.js';
import * as S from './review.schema.js';

const tags = ['accountability'];
const W = Permission.AccountabilityWrite;

function itemRoutes(app: GzApp): void {
  app.get('/api/accountability/review-items', {
    config: { access: Permission.AccountabilityRead },
    schema: { tags, summary: '问责复核事项 Review items over the caller’s scope, newest first', querystring: S.ReviewItemQuery, response: { 200: S.ReviewItemPage } },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      const { rows, total } = await listReviewItems(db, actor, request.query);
      return { items: rows.map((r) => presentReviewItem(actor, r)), total };
    },
  });
  app.get('/api/accountability/review-items/:id', {
    config: { access: Permission.AccountabilityRead },
    schema: { tags, summary: '问责复核事项详情 One review item with its figure and evidence', params: IdParams, response: { 200: S.ReviewItemOut } },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      return presentReviewItem(actor, await reviewItemById(db, actor, request.params.id));
    },
  });
  app.post('/api/accountability/review-items/:id/dismiss', {
    config: { access: W },
    schema: { tags, summary: '不予问责 Dismiss an open item with the reasons', params: IdParams, body: S.DismissBody, response: { 200: S.ReviewItemOut } },
    handler: async (request) => presentReviewItem(request.actor, await runCommand(request, (ctx) => dismissReviewItem(ctx, { id: request.params.id, ...request.body }))),
  });
  app.post('/api/accountability/review-items/:id/escalate', {
    config: { access: W },
    schema: { tags, summary: '转为问责记录 Record a measure with the item as its ground, and close the item', params: IdParams, body: S.EscalateBody, response: { 200: S.EscalateOut } },
    handler: async (request) => {
      const { version, note, record } = request.body;
      const out = await runCommand(request, (ctx) => escalateReviewItem(ctx, { id: request.params.id, version, note, record: record as NewRecord }));
      const { db, actor } = readContext(request);
      return { item: presentReviewItem(actor, out.item), record: await presentRecord(db, actor, out.record) };
    },
  });
  app.post('/api/accountability/review-items/evaluate', {
    config: { access: W },
    schema: { tags, summary: '立即评估 Evaluate an ended month now (as the daily job does), within the caller’s scope', body: S.EvaluateBody, response: { 200: S.EvaluateOut } },
    handler: async (request) => {
      const opened = await runCommand(request, async (ctx) => {
        const period = closedMonth(request.body.period, ctx);
        const items = await evaluatePeriod(ctx, period, scopeOf(ctx.actor, W));
        await audit(ctx, { action: 'accountability.review_items.evaluate', subjectType: 'accountability_review_item', changes: { period: period.key, opened: items.map((i) => i.id) } });
        return items;
      });
      return { period: request.body.period, opened: opened.length, items: opened.map((r) => presentReviewItem(request.actor, r)) };
    },
  });
}

function settingsRoutes(app: GzApp): void {
  app.get('/api/accountability/review-settings', {
    config: { access: W },
    schema: { tags, summary: '触发阈值设置 The review triggers’ thresholds for the deployment or a subtree (nodeId)', querystring: S.SettingsQuery, response: { 200: S.SettingsOut } },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      return settingsView(db, actor, request.query.nodeId ?? null);
    },
  });
  app.put('/api/accountability/review-settings', {
    config: { access: W },
    schema: { tags, summary: '保存触发阈值 Save triggers of one scope (each with the version it was read at)', body: S.SettingsBody, response: { 200: S.SettingsOut } },
    handler: async (request) => runCommand(request, (ctx) => saveSettings(ctx, request.body.nodeId, request.body.items)),
  });
}

export function reviewRoutes(app: GzApp): void {
  itemRoutes(app);
  settingsRoutes(app);
}
