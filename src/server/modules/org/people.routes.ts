/**
 * HTTP routes of people records.
 */
import { z } from 'zod';
import { Permission } from '../../platform/access/permission.js';
import { readContext } from '../../platform/http/command.js';
import type { GzApp } from '../../platform/module.js';
import { personCreator } from './commands/person-creator.js';
import { personDeleter } from './commands/person-deleter.js';
import { personUpdater } from './commands/person-updater.js';
import { findPeople, getPerson } from './org.queries.js';
import { presentPerson } from './org.presenter.js';
import { blankToNull, runOrgCommand } from './org.errors.js';
import { IdParams, PeopleQuery, PersonCreateBody, PersonOut, PersonPatchBody, page } from './org.schema.js';

const tags = ['org'];

/** Registers people routes. */
export function peopleRoutes(app: GzApp): void {
  app.get('/api/org/people', {
    config: { access: Permission.PeopleRead },
    schema: { tags, summary: '人员列表 People', querystring: PeopleQuery, response: { 200: page(PersonOut) } },
    handler: async (request) => findPeople(readContext(request), request.query),
  });

  app.get('/api/org/people/:id', {
    config: { access: Permission.PeopleRead },
    schema: { tags, summary: '人员详情 A person', params: IdParams, response: { 200: PersonOut } },
    handler: async (request) => getPerson(readContext(request), request.params.id),
  });

  app.post('/api/org/people', {
    config: { access: Permission.PeopleWrite, idempotent: true },
    schema: { tags, summary: '新建人员 Create a person', body: PersonCreateBody, response: { 201: PersonOut } },
    handler: async (request, reply) => {
      const b = request.body;
      const person = await runOrgCommand(request, (ctx) =>
        personCreator(ctx, {
          nodeId: b.nodeId,
          code: b.code,
          name: b.name,
          phone: blankToNull(b.phone),
          gender: b.gender ?? null,
          partyMember: b.partyMember ?? false,
          note: blankToNull(b.note),
        }),
      );
      return reply.code(201).send(await getPerson(readContext(request), person.id));
    },
  });

  app.patch('/api/org/people/:id', {
    config: { access: Permission.PeopleWrite },
    schema: { tags, summary: '修改人员 Update a person', params: IdParams, body: PersonPatchBody, response: { 200: PersonOut } },
    handler: async (request) => {
      const { phone, note, ...rest } = request.body;
      const props = {
        id: request.params.id,
        ...rest,
        ...(phone !== undefined ? { phone: blankToNull(phone) } : {}),
        ...(note !== undefined ? { note: blankToNull(note) } : {}),
      };
      const person = await runOrgCommand(request, (ctx) => personUpdater(ctx, props));
      return presentPerson(request.actor, person);
    },
  });

  app.delete('/api/org/people/:id', {
    config: { access: Permission.PeopleWrite },
    schema: { tags, summary: '删除人员 Delete a person', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await runOrgCommand(request, (ctx) => personDeleter(ctx, { id: request.params.id }));
      return reply.code(204).send(null);
    },
  });
}
