/**
 * HTTP routes of the reply templates (常用回复): the ones that apply to a case, and
 * their upkeep.
 */
import { z } from 'zod';
import { Permission } from '../../../platform/access/permission.js';
import { readContext } from '../../../platform/http/command.js';
import type { GzApp } from '../../../platform/module.js';
import { IdParams } from '../../org/org.schema.js';
import { replyTemplateCreator } from './commands/reply-template-creator.js';
import { replyTemplateDeleter } from './commands/reply-template-deleter.js';
import { replyTemplateUpdater } from './commands/reply-template-updater.js';
import { runCatalogueCommand } from './catalogue.errors.js';
import { canAddTemplates } from './catalogue.policy.js';
import { presentTemplate } from './catalogue.presenter.js';
import { templatesFor } from './catalogue.queries.js';
import { TemplateCreateBody, TemplateOut, TemplatePatchBody, TemplateQuery } from './catalogue.schema.js';

const tags = ['cases-config'];

export function replyTemplateRoutes(app: GzApp): void {
  app.get('/api/cases/templates', {
    config: { access: Permission.CasesRead },
    schema: {
      tags,
      summary: '适用的常用回复（按分类前缀与状态）Templates that apply to a category and state',
      querystring: TemplateQuery,
      response: { 200: z.object({ items: z.array(TemplateOut), actions: z.array(z.string()) }) },
    },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      const q = request.query;
      const items = await templatesFor(db, { categoryPath: q.category, state: q.state, includeInactive: q.includeInactive });
      return { items: items.map((t) => presentTemplate(actor, t)), actions: canAddTemplates(actor) ? ['create'] : [] };
    },
  });

  app.post('/api/cases/templates', {
    config: { access: Permission.ReplyTemplatesWrite },
    schema: { tags, summary: '新增常用回复 Add a template', body: TemplateCreateBody, response: { 201: TemplateOut } },
    handler: async (request, reply) => {
      const b = request.body;
      const row = await runCatalogueCommand(request, (ctx) =>
        replyTemplateCreator(ctx, { title: b.title, body: b.body, category: b.category ?? null, state: b.state ?? null, active: b.active ?? true }),
      );
      return reply.code(201).send(presentTemplate(request.actor, row));
    },
  });

  app.patch('/api/cases/templates/:id', {
    config: { access: Permission.ReplyTemplatesWrite },
    schema: { tags, summary: '修改常用回复 Update a template', params: IdParams, body: TemplatePatchBody, response: { 200: TemplateOut } },
    handler: async (request) => presentTemplate(request.actor, await runCatalogueCommand(request, (ctx) => replyTemplateUpdater(ctx, { id: request.params.id, ...request.body }))),
  });

  app.delete('/api/cases/templates/:id', {
    config: { access: Permission.ReplyTemplatesWrite },
    schema: { tags, summary: '删除常用回复 Delete a template', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await runCatalogueCommand(request, (ctx) => replyTemplateDeleter(ctx, { id: request.params.id }));
      return reply.code(204).send(null);
    },
  });
}
