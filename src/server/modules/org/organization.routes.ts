/**
 * HTTP routes of organizations and their posts.
 */
import { z } from 'zod';
import { Permission } from '../../platform/access/permission.js';
import { readContext } from '../../platform/http/command.js';
import type { GzApp } from '../../platform/module.js';
import { organizationCreator } from './commands/organization-creator.js';
import { organizationDeactivator } from './commands/organization-deactivator.js';
import { organizationUpdater } from './commands/organization-updater.js';
import { postCreator } from './commands/post-creator.js';
import { postDeleter } from './commands/post-deleter.js';
import { postUpdater } from './commands/post-updater.js';
import { findOrganizations, findPosts, getOrganization, getPost } from './org.queries.js';
import { presentOrganization, presentPost } from './org.presenter.js';
import { blankToNull, runOrgCommand } from './org.errors.js';
import {
  IdParams,
  OrganizationCreateBody,
  OrganizationOut,
  OrganizationPatchBody,
  OrganizationQuery,
  PostCreateBody,
  PostOut,
  PostPatchBody,
  PostQuery,
  page,
} from './org.schema.js';

const tags = ['org'];

/** Registers organization routes. */
export function organizationRoutes(app: GzApp): void {
  app.get('/api/org/organizations', {
    config: { access: Permission.OrgRead },
    schema: { tags, summary: '组织列表 Organizations', querystring: OrganizationQuery, response: { 200: page(OrganizationOut) } },
    handler: async (request) => findOrganizations(readContext(request), request.query),
  });

  app.get('/api/org/organizations/:id', {
    config: { access: Permission.OrgRead },
    schema: { tags, summary: '组织详情 An organization', params: IdParams, response: { 200: OrganizationOut } },
    handler: async (request) => getOrganization(readContext(request), request.params.id),
  });

  app.post('/api/org/organizations', {
    config: { access: Permission.OrgWrite, idempotent: true },
    schema: { tags, summary: '新建组织 Create an organization', body: OrganizationCreateBody, response: { 201: OrganizationOut } },
    handler: async (request, reply) => {
      const b = request.body;
      const org = await runOrgCommand(request, (ctx) =>
        organizationCreator(ctx, {
          nodeId: b.nodeId,
          kind: b.kind,
          partyLevel: b.partyLevel ?? null,
          parentOrgId: b.parentOrgId ?? null,
          code: b.code,
          name: b.name,
          charterCategories: [...new Set(b.charterCategories ?? [])],
          charterNodeId: b.charterNodeId ?? null,
          phone: blankToNull(b.phone),
        }),
      );
      return reply.code(201).send(presentOrganization(request.actor, org));
    },
  });

  app.patch('/api/org/organizations/:id', {
    config: { access: Permission.OrgWrite },
    schema: { tags, summary: '修改组织 Update an organization', params: IdParams, body: OrganizationPatchBody, response: { 200: OrganizationOut } },
    handler: async (request) => {
      const { charterCategories, phone, ...rest } = request.body;
      const props = {
        id: request.params.id,
        ...rest,
        ...(charterCategories ? { charterCategories: [...new Set(charterCategories)] } : {}),
        ...(phone !== undefined ? { phone: blankToNull(phone) } : {}),
      };
      const org = await runOrgCommand(request, (ctx) => organizationUpdater(ctx, props));
      return presentOrganization(request.actor, org);
    },
  });

  app.delete('/api/org/organizations/:id', {
    config: { access: Permission.OrgWrite },
    schema: { tags, summary: '停用组织 Deactivate an organization', params: IdParams, response: { 200: OrganizationOut } },
    handler: async (request) => {
      const org = await runOrgCommand(request, (ctx) => organizationDeactivator(ctx, { id: request.params.id }));
      return presentOrganization(request.actor, org);
    },
  });
}

/** Registers post routes. */
export function postRoutes(app: GzApp): void {
  app.get('/api/org/posts', {
    config: { access: Permission.OrgRead },
    schema: { tags, summary: '岗位列表 Posts', querystring: PostQuery, response: { 200: page(PostOut) } },
    handler: async (request) => findPosts(readContext(request), request.query),
  });

  app.get('/api/org/posts/:id', {
    config: { access: Permission.OrgRead },
    schema: { tags, summary: '岗位详情 A post', params: IdParams, response: { 200: PostOut } },
    handler: async (request) => getPost(readContext(request), request.params.id),
  });

  app.post('/api/org/posts', {
    config: { access: Permission.OrgWrite, idempotent: true },
    schema: { tags, summary: '新建岗位 Create a post', body: PostCreateBody, response: { 201: PostOut } },
    handler: async (request, reply) => {
      const b = request.body;
      const post = await runOrgCommand(request, (ctx) => postCreator(ctx, { orgId: b.orgId, title: b.title, personId: b.personId ?? null }));
      return reply.code(201).send(presentPost(request.actor, post));
    },
  });

  app.patch('/api/org/posts/:id', {
    config: { access: Permission.OrgWrite },
    schema: { tags, summary: '修改岗位 Update a post', params: IdParams, body: PostPatchBody, response: { 200: PostOut } },
    handler: async (request) => {
      const post = await runOrgCommand(request, (ctx) => postUpdater(ctx, { id: request.params.id, ...request.body }));
      return presentPost(request.actor, post);
    },
  });

  app.delete('/api/org/posts/:id', {
    config: { access: Permission.OrgWrite },
    schema: { tags, summary: '删除岗位 Delete a post', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await runOrgCommand(request, (ctx) => postDeleter(ctx, { id: request.params.id }));
      return reply.code(204).send(null);
    },
  });
}
