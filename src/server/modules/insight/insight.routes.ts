/** HTTP routes of 主动治理 insight: dashboard figures, hot issues, 每月一题, warnings and their rules. */
import { z } from 'zod';
import { Permission } from '../../platform/access/permission.js';
import { readContext, runCommand } from '../../platform/http/command.js';
import { Forbidden } from '../../platform/http/errors.js';
import type { GzApp } from '../../platform/module.js';
import { IdParams } from '../org/org.schema.js';
import { canConfigure } from '../cases/catalogue/catalogue.policy.js';
import { hotIssues, monthlyTopics } from './hot-issue-queries.js';
import { insightArea } from './insight-area.js';
import * as S from './insight.schema.js';
import { overview } from './overview.js';
import { listRules, listWarnings, ruleEditor, warningHandler } from './warnings.js';

const tags = ['insight'];

export function insightRoutes(app: GzApp): void {
  app.get('/api/insight/overview', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '热点分析概览 Dashboard figures of an area and period', querystring: S.InsightQuery, response: { 200: S.OverviewOut } },
    handler: async (request) => {
      const rc = readContext(request);
      return overview(rc.db, await insightArea(rc.db, rc.actor, request.query, rc.now, rc.timeZone));
    },
  });
  app.get('/api/insight/hot-issues', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '热点问题 Hot issues: clusters of cases by topic and place, with trends', querystring: S.HotIssuesQuery, response: { 200: S.HotIssuesOut } },
    handler: async (request) => {
      const rc = readContext(request);
      return hotIssues(rc.db, await insightArea(rc.db, rc.actor, request.query, rc.now, rc.timeZone), request.query.bucket, rc.now);
    },
  });
  app.get('/api/insight/monthly-topics', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '每月一题候选 Problems recurring across months', querystring: S.InsightQuery, response: { 200: S.MonthlyTopicsOut } },
    handler: async (request) => {
      const rc = readContext(request);
      return monthlyTopics(rc.db, await insightArea(rc.db, rc.actor, request.query, rc.now, rc.timeZone), rc.now);
    },
  });
  app.get('/api/insight/warnings', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '矛盾预警 Warnings of the caller’s subtree', querystring: S.WarningsQuery, response: { 200: S.WarningsOut } },
    handler: async (request) => {
      const rc = readContext(request);
      return listWarnings(rc.db, rc.actor, request.query);
    },
  });
  for (const action of ['acknowledge', 'close'] as const) {
    app.post(`/api/insight/warnings/:id/${action}`, {
      config: { access: Permission.CasesVerify },
      schema: { tags, summary: action === 'close' ? '关闭预警 Close a warning' : '签收预警 Acknowledge a warning', params: IdParams, body: S.WarningActionBody, response: { 200: S.WarningOut } },
      handler: async (request) => runCommand(request, (ctx) => warningHandler(ctx, { id: request.params.id, action, note: request.body.note })),
    });
  }
  app.get('/api/insight/warning-rules', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '预警规则 Warning rules', response: { 200: S.WarningRulesOut } },
    handler: async (request) => listRules(readContext(request).db),
  });
  app.put('/api/insight/warning-rules/:id', {
    config: { access: Permission.CasesConfigure },
    schema: { tags, summary: '修改预警规则 Change a rule’s figures or turn it on or off', params: IdParams, body: S.WarningRuleBody, response: { 200: S.WarningRuleOut, 403: z.unknown() } },
    handler: async (request) => {
      if (!canConfigure(request.actor)) throw new Forbidden();
      return runCommand(request, (ctx) => ruleEditor(ctx, { id: request.params.id, ...request.body }));
    },
  });
}
