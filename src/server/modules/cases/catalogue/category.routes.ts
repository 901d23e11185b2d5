/**
 * HTTP routes of the category catalogue (派单目录): the public list for the resident
 * intake form, the staff list, and the configurator's create and update.
 */
import { z } from 'zod';
import { Permission } from '../../../platform/access/permission.js';
import { readContext } from '../../../platform/http/command.js';
import type { GzApp } from '../../../platform/module.js';
import { IdParams } from '../../org/org.schema.js';
import { categoryCreator } from './commands/category-creator.js';
import { categoryUpdater } from './commands/category-updater.js';
import { runCatalogueCommand } from './catalogue.errors.js';
import { presentCategory, presentPublicCategory } from './catalogue.presenter.js';
import { listCategories } from './catalogue.queries.js';
import { CategoryCreateBody, CategoryOut, CategoryPatchBody, CategoryQuery, PublicCategoryOut } from './catalogue.schema.js';

const tags = ['cases-config'];

export function categoryRoutes(app: GzApp): void {
  app.get('/api/public/categories', {
    config: { access: 'public' },
    schema: { tags, summary: '事项分类（公开，群众反映用）Active categories, for the intake form', response: { 200: z.object({ items: z.array(PublicCategoryOut) }) } },
    handler: async (request) => ({ items: (await listCategories(request.server.gz.db, { activeOnly: true })).map(presentPublicCategory) }),
  });

  app.get('/api/cases/categories', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '分类目录（平铺，按 parentId 成树）The catalogue, flat', querystring: CategoryQuery, response: { 200: z.object({ items: z.array(CategoryOut) }) } },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      return { items: (await listCategories(db, { activeOnly: request.query.activeOnly })).map((c) => presentCategory(actor, c)) };
    },
  });

  app.post('/api/cases/categories', {
    config: { access: Permission.CasesConfigure },
    schema: { tags, summary: '新增本地分类 Add a local category', body: CategoryCreateBody, response: { 201: CategoryOut } },
    handler: async (request, reply) => {
      const b = request.body;
      const created = await runCatalogueCommand(request, (ctx) => categoryCreator(ctx, { parentId: b.parentId ?? null, name: b.name, sortOrder: b.sortOrder }));
      return reply.code(201).send(presentCategory(request.actor, created));
    },
  });

  app.patch('/api/cases/categories/:id', {
    config: { access: Permission.CasesConfigure },
    schema: { tags, summary: '改名、启用/停用、排序 Rename, (de)activate or sort a category', params: IdParams, body: CategoryPatchBody, response: { 200: CategoryOut } },
    handler: async (request) => {
      const updated = await runCatalogueCommand(request, (ctx) => categoryUpdater(ctx, { id: request.params.id, ...request.body }));
      return presentCategory(request.actor, updated);
    },
  });
}
