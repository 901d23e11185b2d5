/**
 * The multipart form of a report or of material added later (issue #5 point 10: "JSON, or
 * multipart with files"). Text fields are read as they are; every file part, whatever its
 * field name, is an attachment. Limits are checked while reading, so an oversize upload is
 * cut off at the limit instead of being buffered whole.
 */
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../platform/http/errors.js';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REQUEST } from './attachment-kinds.js';

export interface Upload {
  /** The name the sender gave (cleaned before it is shown). */
  name: string;
  bytes: Buffer;
}

export interface Form {
  fields: Record<string, string>;
  files: Upload[];
}

/** Options for `@fastify/multipart` on the supervision routes. */
export const formLimits = { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_ATTACHMENTS_PER_REQUEST, fields: 20, fieldSize: 64 * 1024, parts: 40 };

const tooLarge = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT', 'FST_PARTS_LIMIT']);

/** Reads the whole form; a limit passed is a 413 problem, a malformed body a 400. */
export async function readForm(request: FastifyRequest): Promise<Form> {
  const form: Form = { fields: {}, files: [] };
  try {
    for await (const part of request.parts({ limits: formLimits })) {
      if (part.type === 'file') form.files.push({ name: part.filename, bytes: await part.toBuffer() });
      else if (typeof part.value === 'string') form.fields[part.fieldname] = part.value;
    }
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    if (tooLarge.has(code)) throw new DomainError(413, 'supervision_attachment_too_large', { mib: MAX_ATTACHMENT_BYTES / 1024 / 1024, files: MAX_ATTACHMENTS_PER_REQUEST });
    if (err instanceof DomainError) throw err;
    throw new DomainError(400, 'supervision_form_malformed');
  }
  return form;
}

const optional = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
const flag = (v: string | undefined) => (v === 'true' ? true : v === 'false' ? false : v);

/** The report's JSON body from form fields (`reporter.name`, `reporter.phone`, `reporter.idNumber` for a real-name one); the schema validates it. */
export function reportBodyOf(fields: Record<string, string>): Record<string, unknown> {
  const reporter = { name: fields['reporter.name'], phone: fields['reporter.phone'], idNumber: optional(fields['reporter.idNumber']) };
  return {
    anonymous: flag(fields.anonymous),
    accused: fields.accused,
    accusedPersonId: optional(fields.accusedPersonId),
    content: fields.content,
    happenedAt: optional(fields.happenedAt),
    place: optional(fields.place),
    nodeId: optional(fields.nodeId),
    reporter: reporter.name !== undefined || reporter.phone !== undefined ? reporter : undefined,
  };
}
