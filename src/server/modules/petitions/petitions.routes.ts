/**
 * HTTP routes of petitions: thin — validate, run one command in a transaction, present.
 * Every route needs an account; the commands decide role × subtree × relation (a resident
 * acts only on their own petitions), so the routes declare `authenticated`.
 */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { CommandContext } from '../../platform/context.js';
import { readContext, runCommand } from '../../platform/http/command.js';
import { IdParams } from '../../platform/http/fields.js';
import type { GzApp } from '../../platform/module.js';
import { acceptPetition, concludePetition, objectPetition, requestExtension } from './petition-handling.js';
import { receivePetition } from './petition-intake.js';
import { presentPetition } from './petition.presenter.js';
import { petitionList, petitionView } from './petition-queries.js';
import { decideExtension, linkSameFacts, refusePetition, registerPetition } from './petition-registry.js';
import { answerReview, requestReview } from './petition-reviews.js';
import type { PetitionRow } from './petitions.repo.js';
import * as S from './petitions.schema.js';

const tags = ['petitions'];
const config = { access: 'authenticated' as const };

/** Runs an action and answers the petition as the caller now sees it. */
async function act(request: FastifyRequest, run: (ctx: CommandContext) => Promise<PetitionRow>) {
  const row = await runCommand(request, run);
  const { db, actor, now } = readContext(request);
  return presentPetition(db, row, actor, now);
}

interface ActionRoute<B extends z.ZodType> {
  path: string;
  summary: string;
  body: B;
  run: (ctx: CommandContext, p: { id: number } & z.infer<B>) => Promise<PetitionRow>;
}

function action<B extends z.ZodType>(app: GzApp, r: ActionRoute<B>): void {
  app.post(`/api/petitions/:id/${r.path}`, {
    config,
    schema: { tags, summary: r.summary, params: IdParams, body: r.body, response: { 200: S.PetitionOut } },
    handler: async (request) => {
      // The schemas above validated both; the generic body type is lost on the way.
      const props = { id: (request.params as { id: number }).id, ...(request.body as object) } as { id: number } & z.infer<B>;
      return act(request, (ctx) => r.run(ctx, props));
    },
  });
}

function actionRoutes(app: GzApp): void {
  action(app, { path: 'link', summary: '同一事实关联 Link to an earlier petition on the same facts (or clear it)', body: S.LinkBody, run: linkSameFacts });
  action(app, { path: 'register', summary: '登记转送/交办 Register and route to a handling unit (15 days from receipt)', body: S.RegisterBody, run: registerPetition });
  action(app, { path: 'refuse', summary: '不予受理 Refuse, with the reason and where to go instead', body: S.RefuseBody, run: refusePetition });
  action(app, { path: 'accept', summary: '受理 The handling body accepts (60 days to conclude)', body: S.AcceptBody, run: acceptPetition });
  action(app, { path: 'object', summary: '异议 Outside the body’s remit, within 5 working days of receipt', body: S.ObjectBody, run: objectPetition });
  action(app, { path: 'conclude', summary: '办结 Conclude with the 处理意见 (support / partial / reject)', body: S.ConcludeBody, run: concludePetition });
  action(app, { path: 'extend', summary: '申请延期 Ask once for at most 30 more days', body: S.ExtendBody, run: requestExtension });
  action(app, { path: 'decide-extension', summary: '延期审批 The registrar approves or denies the extension', body: S.DecideExtensionBody, run: decideExtension });
  action(app, { path: 'request-review', summary: '申请复查/复核 The petitioner asks the level above, within 30 days of the answer', body: S.RequestReviewBody, run: requestReview });
  action(app, { path: 'answer-review', summary: '复查/复核意见 The review body answers within 30 days', body: S.AnswerReviewBody, run: answerReview });
}

export function petitionRoutes(app: GzApp): void {
  app.post('/api/petitions', {
    config,
    schema: { tags, summary: '信访登记 / 网上信访 A resident’s online petition, or a letter, visit or call recorded by a registrar', body: S.PetitionBody, response: { 201: S.PetitionOut } },
    handler: async (request, reply) => reply.code(201).send(await act(request, (ctx) => receivePetition(ctx, request.body))),
  });
  app.get('/api/petitions', {
    config,
    schema: { tags, summary: '信访件 Petitions in the caller’s scope (a resident: their own), newest first', querystring: S.PetitionQuery, response: { 200: S.PetitionListOut } },
    handler: async (request) => {
      const { db, actor, now } = readContext(request);
      return petitionList(db, actor, request.query, now);
    },
  });
  app.get('/api/petitions/:id', {
    config,
    schema: { tags, summary: '信访件详情 One petition with its reviews, timeline and the caller’s actions', params: IdParams, response: { 200: S.PetitionOut } },
    handler: async (request) => {
      const { db, actor, now } = readContext(request);
      return petitionView(db, actor, request.params.id, now);
    },
  });
  actionRoutes(app);
}
