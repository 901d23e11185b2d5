/**
 * HTTP routes of the responsibility list (职责清单).
 */
import { z } from 'zod';
import { Permission } from '../../platform/access/permission.js';
import { readContext } from '../../platform/http/command.js';
import type { GzApp } from '../../platform/module.js';
import { responsibilityCreator } from './commands/responsibility-creator.js';
import { responsibilityDeleter } from './commands/responsibility-deleter.js';
import { responsibilityUpdater } from './commands/responsibility-updater.js';
import { findResponsibilities, getResponsibility } from './access.queries.js';
import { presentResponsibility } from './org.presenter.js';
import { blankToNull, runOrgCommand } from './org.errors.js';
import { IdParams, page } from './org.schema.js';
import { ResponsibilityCreateBody, ResponsibilityOut, ResponsibilityPatchBody, ResponsibilityQuery } from './access.schema.js';

const tags = ['org'];

/** Registers responsibility-list routes. */
export function responsibilityRoutes(app: GzApp): void {
  app.get('/api/org/responsibilities', {
    config: { access: Permission.ResponsibilityRead },
    schema: { tags, summary: '职责清单 Responsibility list', querystring: ResponsibilityQuery, response: { 200: page(ResponsibilityOut) } },
    handler: async (request) => findResponsibilities(readContext(request), request.query),
  });

  app.get('/api/org/responsibilities/:id', {
    config: { access: Permission.ResponsibilityRead },
    schema: { tags, summary: '职责条目 A responsibility entry', params: IdParams, response: { 200: ResponsibilityOut } },
    handler: async (request) => getResponsibility(readContext(request), request.params.id),
  });

  app.post('/api/org/responsibilities', {
    config: { access: Permission.ResponsibilityWrite, idempotent: true },
    schema: { tags, summary: '新增职责条目 Add a responsibility entry', body: ResponsibilityCreateBody, response: { 201: ResponsibilityOut } },
    handler: async (request, reply) => {
      const b = request.body;
      const entry = await runOrgCommand(request, (ctx) =>
        responsibilityCreator(ctx, { category: b.category, nodeId: b.nodeId, orgId: b.orgId, postId: b.postId ?? null, note: blankToNull(b.note) }),
      );
      return reply.code(201).send(presentResponsibility(request.actor, entry));
    },
  });

  app.patch('/api/org/responsibilities/:id', {
    config: { access: Permission.ResponsibilityWrite },
    schema: { tags, summary: '修改职责条目 Update a responsibility entry', params: IdParams, body: ResponsibilityPatchBody, response: { 200: ResponsibilityOut } },
    handler: async (request) => {
      const { note, ...rest } = request.body;
      const props = { id: request.params.id, ...rest, ...(note !== undefined ? { note: blankToNull(note) } : {}) };
      const entry = await runOrgCommand(request, (ctx) => responsibilityUpdater(ctx, props));
      return presentResponsibility(request.actor, entry);
    },
  });

  app.delete('/api/org/responsibilities/:id', {
    config: { access: Permission.ResponsibilityWrite },
    schema: { tags, summary: '删除职责条目 Delete a responsibility entry', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await runOrgCommand(request, (ctx) => responsibilityDeleter(ctx, { id: request.params.id }));
      return reply.code(204).send(null);
    },
  });
}
