/**
 * HTTP routes of the working-day calendar (节假日与调休) and the deadline rules (办理时限).
 */
import { z } from 'zod';
import { Permission } from '../../../platform/access/permission.js';
import { readContext } from '../../../platform/http/command.js';
import type { GzApp } from '../../../platform/module.js';
import { IdParams } from '../../org/org.schema.js';
import { calendarDayClearer } from './commands/calendar-day-clearer.js';
import { calendarDaySetter } from './commands/calendar-day-setter.js';
import { deadlineRuleDeleter } from './commands/deadline-rule-deleter.js';
import { deadlineRuleSetter } from './commands/deadline-rule-setter.js';
import { runCatalogueCommand } from './catalogue.errors.js';
import { configActions } from './catalogue.policy.js';
import { presentDeadlineRule, presentDefaults } from './catalogue.presenter.js';
import { calendarDaysBetween, listDeadlineRules } from './catalogue.repo.js';
import { CalendarDayBody, CalendarDayOut, CalendarOut, CalendarQuery, DayParams, DeadlineRuleBody, DeadlineRuleOut, DeadlineRulesOut } from './catalogue.schema.js';

const tags = ['cases-config'];
const dayOut = (d: { day: string; kind: 'holiday' | 'workday'; name: string }) => ({ day: d.day, kind: d.kind, name: d.name });

export function calendarRoutes(app: GzApp): void {
  app.get('/api/cases/calendar', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '一年中的节假日与调休上班日 Holidays and make-up workdays of a year', querystring: CalendarQuery, response: { 200: CalendarOut } },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      const { year } = request.query;
      const items = await calendarDaysBetween(db, `${year}-01-01`, `${year}-12-31`);
      return { year, items: items.map(dayOut), actions: configActions(actor) };
    },
  });

  app.put('/api/cases/calendar/:day', {
    config: { access: Permission.CasesConfigure },
    schema: { tags, summary: '设置节假日或调休上班日 Set a holiday or make-up workday', params: DayParams, body: CalendarDayBody, response: { 200: CalendarDayOut } },
    handler: async (request) => dayOut(await runCatalogueCommand(request, (ctx) => calendarDaySetter(ctx, { day: request.params.day, ...request.body }))),
  });

  app.delete('/api/cases/calendar/:day', {
    config: { access: Permission.CasesConfigure },
    schema: { tags, summary: '恢复为按星期计算 Back to the weekday rule', params: DayParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await runCatalogueCommand(request, (ctx) => calendarDayClearer(ctx, { day: request.params.day }));
      return reply.code(204).send(null);
    },
  });

  app.get('/api/cases/deadline-rules', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '办理时限规则与默认值 Deadline rules and the defaults', response: { 200: DeadlineRulesOut } },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      const items = (await listDeadlineRules(db)).map((r) => presentDeadlineRule(actor, r));
      return { items, defaults: presentDefaults(), actions: configActions(actor) };
    },
  });

  app.put('/api/cases/deadline-rules', {
    config: { access: Permission.CasesConfigure },
    schema: { tags, summary: '设置某分类某紧急程度的时限 Set the rule of a category and urgency', body: DeadlineRuleBody, response: { 200: DeadlineRuleOut, 201: DeadlineRuleOut } },
    handler: async (request, reply) => {
      const b = request.body;
      const { rule, created } = await runCatalogueCommand(request, (ctx) =>
        deadlineRuleSetter(ctx, { ...b, feedbackHours: b.feedbackHours ?? null, feedbackWorkingDays: b.feedbackWorkingDays ?? null }),
      );
      return reply.code(created ? 201 : 200).send(presentDeadlineRule(request.actor, rule));
    },
  });

  app.delete('/api/cases/deadline-rules/:id', {
    config: { access: Permission.CasesConfigure },
    schema: { tags, summary: '删除时限规则 Delete a rule', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await runCatalogueCommand(request, (ctx) => deadlineRuleDeleter(ctx, { id: request.params.id }));
      return reply.code(204).send(null);
    },
  });
}
