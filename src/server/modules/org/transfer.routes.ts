/**
 * Import and export of the tree, organizations and people as XLSX or CSV. Uploads are
 * the raw request body (`Content-Type: text/csv` or the XLSX media type), up to 10 MB;
 * the parsers are registered in this module's scope only.
 */
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { Permission } from '../../platform/access/permission.js';
import { DomainError } from '../../platform/http/errors.js';
import type { GzApp } from '../../platform/module.js';
import { orgExporter, orgImporter } from './commands/org-importer.js';
import { runOrgCommand } from './org.errors.js';
import { columnsOf, entities, formats, sheetNames, type Format } from './transfer/columns.js';
import { readSheet } from './transfer/sheet-reader.js';
import { contentTypes, writeSheet } from '../../platform/data/sheet-writer.js';

export const IMPORT_LIMIT = 10 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['org'];

const EntityParams = z.object({ entity: z.enum(entities) });
const FormatQuery = z.object({ format: z.enum(formats).optional() });
const ImportOut = z.object({ imported: z.number(), created: z.number(), updated: z.number(), unchanged: z.number() });

/** The upload's format: `?format=` first, else its Content-Type. */
function formatOf(request: FastifyRequest, asked: Format | undefined): Format {
  if (asked) return asked;
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('text/csv') ? 'csv' : 'xlsx';
}

/** Registers the raw-body parsers and the import/export routes. */
export function transferRoutes(app: GzApp): void {
  app.addContentTypeParser(['text/csv', XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));

  app.get('/api/org/export/:entity', {
    config: { access: Permission.OrgRead },
    schema: { tags, summary: '导出（XLSX/CSV）Export the tree, organizations or people', params: EntityParams, querystring: FormatQuery },
    handler: async (request, reply) => {
      const { entity } = request.params;
      const format = request.query.format ?? 'xlsx';
      const rows = await runOrgCommand(request, (ctx) => orgExporter(ctx, { entity, format }));
      const file = await writeSheet(format, sheetNames[entity], columnsOf[entity], rows);
      const name = `${entity}.${format}`;
      return reply
        .header('content-type', contentTypes[format])
        .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`${sheetNames[entity]}.${format}`)}`)
        .send(file);
    },
  });

  app.post('/api/org/import/:entity', {
    config: { access: Permission.OrgImport },
    bodyLimit: IMPORT_LIMIT,
    schema: { tags, summary: '导入（XLSX/CSV，整表校验，全部成功或全部不写）Import a spreadsheet, all or nothing', params: EntityParams, querystring: FormatQuery, response: { 200: ImportOut } },
    handler: async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new DomainError(415, 'unsupported_media_type');
      const data = request.body;
      const { entity } = request.params;
      const format = formatOf(request, request.query.format);
      const sheet = await readSheet(data, format, columnsOf[entity]);
      return runOrgCommand(request, (ctx) => orgImporter(ctx, { entity, format, sheet, data }));
    },
  });
}
