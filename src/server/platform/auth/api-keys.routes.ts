/**
 * Admin routes of API keys: issue (the key is in this one response only), list, revoke.
 */
import { z } from 'zod';
import { Permission } from '../access/permission.js';
import { runCommand } from '../http/command.js';
import { IdParams, line } from '../http/fields.js';
import { defineModule, type GzApp } from '../module.js';
import { apiKeyCreator, apiKeyRevoker, apiKeyScopes, listApiKeys, type ApiKeyListItem } from './api-keys.js';

const tags = ['api-keys'];

const ApiKeyCreateBody = z.object({
  name: line(100),
  scopes: z.array(z.enum(apiKeyScopes)).min(1).max(apiKeyScopes.length),
});

const ApiKeyOut = z.object({
  id: z.number(),
  name: z.string(),
  /** The 8 characters after `gz_`. */
  prefix: z.string(),
  scopes: z.array(z.string()),
  /** The account the key acts as. */
  userId: z.number(),
  username: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const CreatedOut = z.object({ key: z.string(), apiKey: ApiKeyOut });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function present(item: ApiKeyListItem): z.infer<typeof ApiKeyOut> {
  return { ...item, createdAt: item.createdAt.toISOString(), lastUsedAt: iso(item.lastUsedAt), revokedAt: iso(item.revokedAt) };
}

function routes(app: GzApp): void {
  // Not idempotent on purpose: a replay would have to keep the secret to show it again.
  app.post('/api/admin/api-keys', {
    config: { access: Permission.ApiKeysManage },
    schema: { tags, summary: '签发 API 密钥 Issue an API key (shown once)', body: ApiKeyCreateBody, response: { 201: CreatedOut } },
    handler: async (request, reply) => {
      const { key, item } = await runCommand(request, (ctx) => apiKeyCreator(ctx, request.body));
      return reply.code(201).header('cache-control', 'no-store').send({ key, apiKey: present(item) });
    },
  });

  app.get('/api/admin/api-keys', {
    config: { access: Permission.ApiKeysManage },
    schema: { tags, summary: 'API 密钥列表 API keys (no secrets)', response: { 200: z.object({ items: z.array(ApiKeyOut), scopes: z.array(z.string()) }) } },
    handler: async () => ({ items: (await listApiKeys(app.gz.db)).map(present), scopes: [...apiKeyScopes] }),
  });

  app.post('/api/admin/api-keys/:id/revoke', {
    config: { access: Permission.ApiKeysManage },
    schema: { tags, summary: '吊销 API 密钥 Revoke an API key', params: IdParams, response: { 200: ApiKeyOut } },
    handler: async (request) => present(await runCommand(request, (ctx) => apiKeyRevoker(ctx, request.params.id))),
  });
}

export const apiKeysModule = defineModule({
  name: 'api-keys',
  routes,
  messages: {
    api_key_exists: { zh: '该 API 密钥已存在', en: 'That API key already exists' },
    api_key_revoked: { zh: '该 API 密钥已被吊销', en: 'That API key is already revoked' },
  },
});
