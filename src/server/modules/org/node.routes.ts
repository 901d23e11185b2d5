/**
 * HTTP routes of the administrative tree. Routes only parse, call a query or command
 * and present; rules live in commands and the policy.
 */
import { z } from 'zod';
import { Permission } from '../../platform/access/permission.js';
import { readContext } from '../../platform/http/command.js';
import type { GzApp } from '../../platform/module.js';
import { nodeCreator } from './commands/node-creator.js';
import { nodeDeleter } from './commands/node-deleter.js';
import { nodeUpdater } from './commands/node-updater.js';
import { findNodes, getNode, nodeTree, publicNodes } from './org.queries.js';
import { presentNode } from './org.presenter.js';
import { runOrgCommand } from './org.errors.js';
import { IdParams, NodeCreateBody, NodeOut, NodePatchBody, NodeQuery, PublicNodeOut, page } from './org.schema.js';

const tags = ['org'];

/** Registers the tree routes (public tree for registration, browse and edit for staff). */
export function nodeRoutes(app: GzApp): void {
  app.get('/api/public/nodes', {
    config: { access: 'public' },
    schema: { tags, summary: '行政区划（公开，注册用）Public administrative tree', response: { 200: z.object({ items: z.array(PublicNodeOut) }) } },
    handler: async (request) => publicNodes(readContext(request)),
  });

  app.get('/api/org/nodes', {
    config: { access: Permission.OrgRead },
    schema: { tags, summary: '下级节点或可见根节点 Child nodes, or the roots visible to the caller', querystring: NodeQuery, response: { 200: page(NodeOut) } },
    handler: async (request) => findNodes(readContext(request), request.query),
  });

  app.get('/api/org/nodes/tree', {
    config: { access: Permission.OrgRead },
    schema: { tags, summary: '可见子树（平铺）Every node of the visible subtrees, flat', response: { 200: z.object({ items: z.array(NodeOut) }) } },
    handler: async (request) => nodeTree(readContext(request)),
  });

  app.get('/api/org/nodes/:id', {
    config: { access: Permission.OrgRead },
    schema: { tags, summary: '节点详情 A node', params: IdParams, response: { 200: NodeOut } },
    handler: async (request) => getNode(readContext(request), request.params.id),
  });

  app.post('/api/org/nodes', {
    config: { access: Permission.OrgWrite, idempotent: true },
    schema: { tags, summary: '新建节点 Create a node', body: NodeCreateBody, response: { 201: NodeOut } },
    handler: async (request, reply) => {
      const b = request.body;
      const node = await runOrgCommand(request, (ctx) =>
        nodeCreator(ctx, { parentId: b.parentId ?? null, level: b.level, kind: b.kind, code: b.code, name: b.name, households: b.households ?? null }),
      );
      return reply.code(201).send(presentNode(request.actor, node));
    },
  });

  app.patch('/api/org/nodes/:id', {
    config: { access: Permission.OrgWrite },
    schema: { tags, summary: '修改节点 Update a node', params: IdParams, body: NodePatchBody, response: { 200: NodeOut } },
    handler: async (request) => {
      const node = await runOrgCommand(request, (ctx) => nodeUpdater(ctx, { id: request.params.id, ...request.body }));
      return presentNode(request.actor, node);
    },
  });

  app.delete('/api/org/nodes/:id', {
    config: { access: Permission.OrgWrite },
    schema: { tags, summary: '删除空节点 Delete an empty node', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await runOrgCommand(request, (ctx) => nodeDeleter(ctx, { id: request.params.id }));
      return reply.code(204).send(null);
    },
  });
}
