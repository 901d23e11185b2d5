/** HTTP routes of the search dictionary (检索词典). */
import { z } from 'zod';
import { Permission } from '../../../platform/access/permission.js';
import { readContext } from '../../../platform/http/command.js';
import type { GzApp } from '../../../platform/module.js';
import { IdParams } from '../../org/org.schema.js';
import { runCatalogueCommand } from '../catalogue/catalogue.errors.js';
import { configActions } from '../catalogue/catalogue.policy.js';
import { SearchTermBody, SearchTermOut } from '../catalogue/catalogue.schema.js';
import type { Actor } from '../../../platform/access/actor.js';
import { forgetSegmenter } from './case-search.js';
import { listSearchTerms, searchTermAdder, searchTermRemover, type SearchTermRow } from './search-terms.js';

const tags = ['cases-config'];

function present(actor: Actor | null, t: SearchTermRow) {
  return { id: t.id, word: t.word, createdAt: t.createdAt.toISOString(), actions: configActions(actor).filter((a) => a === 'delete') };
}

export function searchTermRoutes(app: GzApp): void {
  app.get('/api/cases/search-terms', {
    config: { access: Permission.CasesRead },
    schema: { tags, summary: '检索词典 The search dictionary', response: { 200: z.object({ items: z.array(SearchTermOut) }) } },
    handler: async (request) => {
      const { db, actor } = readContext(request);
      return { items: (await listSearchTerms(db)).map((t) => present(actor, t)) };
    },
  });
  app.post('/api/cases/search-terms', {
    config: { access: Permission.CasesConfigure },
    schema: { tags, summary: '添加检索词 Add a word the search keeps whole', body: SearchTermBody, response: { 201: SearchTermOut } },
    handler: async (request, reply) => {
      const row = await runCatalogueCommand(request, (ctx) => searchTermAdder(ctx, request.body));
      forgetSegmenter(request.server.gz.db);
      return reply.code(201).send(present(request.actor, row));
    },
  });
  app.delete('/api/cases/search-terms/:id', {
    config: { access: Permission.CasesConfigure },
    schema: { tags, summary: '删除检索词 Remove a word', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await runCatalogueCommand(request, (ctx) => searchTermRemover(ctx, { id: request.params.id }));
      forgetSegmenter(request.server.gz.db);
      return reply.code(204).send(null);
    },
  });
}
