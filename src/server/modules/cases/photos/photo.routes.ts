/**
 * Photo routes of a case: upload (multipart, one file per request), list, and the
 * image itself — the metadata-free copy, or for staff of the case on request the original.
 */
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { GzApp } from '../../../platform/module.js';
import { readContext, runCommand } from '../../../platform/http/command.js';
import { DomainError, NotFound } from '../../../platform/http/errors.js';
import { Id } from '../../../platform/http/fields.js';
import { casePolicy } from '../case.policy.js';
import { caseById, photoBytes, photosOf } from '../case.repo.js';
import { callerOfActor } from '../commands/transition.js';
import { MAX_PHOTO_BYTES } from './photo-check.js';
import { photoAdder } from './photo-adder.js';

const tags = ['cases'];
const PhotoOut = z.object({ id: z.number(), stage: z.enum(['intake', 'evidence']), mime: z.string(), size: z.number(), createdAt: z.string(), url: z.string() });
const present = (caseId: number, p: { id: number; stage: 'intake' | 'evidence'; mime: string; size: number; createdAt: Date }) => ({ ...p, createdAt: p.createdAt.toISOString(), url: `/api/cases/${caseId}/photos/${p.id}` });

export async function photoRoutes(app: GzApp): Promise<void> {
  await app.register(async (scope: GzApp) => {
    await scope.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0 } });

    scope.post('/api/cases/:id/photos', {
      config: { access: 'authenticated' },
      bodyLimit: MAX_PHOTO_BYTES + 64 * 1024,
      schema: { tags, summary: '上传照片 Add a photo (multipart field `file`; JPEG, PNG or WebP ≤ 8 MiB)', params: z.object({ id: Id }), response: { 201: PhotoOut } },
      handler: async (request, reply) => {
        if (!request.isMultipart()) throw new DomainError(415, 'unsupported_media_type');
        const file = await request.file();
        if (!file) throw new DomainError(422, 'photo_empty');
        let bytes: Buffer;
        try {
          bytes = await file.toBuffer();
        } catch (err) {
          if (err instanceof Error && 'code' in err && err.code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError(413, 'photo_too_large');
          throw err;
        }
        const photo = await runCommand(request, (ctx) => photoAdder(ctx, { caseId: request.params.id, bytes }));
        return reply.code(201).send(present(request.params.id, photo));
      },
    });

    scope.get('/api/cases/:id/photos', {
      config: { access: 'authenticated' },
      schema: { tags, summary: '照片列表 Photos of a case', params: z.object({ id: Id }), response: { 200: z.object({ items: z.array(PhotoOut) }) } },
      handler: async (request) => {
        const { db, actor } = readContext(request);
        const row = await caseById(db, request.params.id);
        if (!row || !casePolicy.view(callerOfActor(actor), row)) throw new NotFound();
        return { items: (await photosOf(db, row.id)).map((p) => present(row.id, p)) };
      },
    });

    scope.get('/api/cases/:id/photos/:photoId', {
      config: { access: 'authenticated' },
      schema: { tags, summary: '照片（默认去除位置等元数据）A photo (metadata removed unless staff ask for the original)', params: z.object({ id: Id, photoId: Id }), querystring: z.object({ original: z.enum(['true', 'false']).default('false') }) },
      handler: async (request, reply) => {
        const { db, actor } = readContext(request);
        const row = await caseById(db, request.params.id);
        const who = callerOfActor(actor);
        if (!row || !casePolicy.view(who, row)) throw new NotFound();
        const original = request.query.original === 'true' && casePolicy.seeInternal(who, row);
        const photo = await photoBytes(db, row.id, request.params.photoId, original);
        if (!photo) throw new NotFound();
        return reply.header('content-type', photo.mime).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(photo.bytes);
      },
    });
  });
}
