/**
 * The one error handler: every failure leaves as RFC 9457 problem+json, with the title
 * and detail in the caller's language (Accept-Language: zh-CN by default, en-US).
 */
import { ChallengeRequired } from './proof-of-work.js';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, TooManyRequests, type FieldError } from './errors.js';
import { pickLang, registerMessages, translate, hasMessage } from './messages.js';

registerMessages({
  'field.invalid_type': { zh: '类型不正确', en: 'has the wrong type' },
  'field.too_small': { zh: '太短或太小', en: 'is too short or too small' },
  'field.too_big': { zh: '太长或太大', en: 'is too long or too large' },
  'field.invalid_format': { zh: '格式不正确', en: 'has an invalid format' },
  'field.invalid_value': { zh: '取值不在允许范围内', en: 'is not one of the allowed values' },
  'field.unrecognized_keys': { zh: '包含不允许的字段', en: 'contains fields that are not allowed' },
  'field.required': { zh: '必填', en: 'is required' },
  'field.invalid': { zh: '不正确', en: 'is invalid' },
});

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: Array<{ path: string; code: string; message: string }>;
}

/**
 * Database errors that hostile or racing input can cause, by SQLSTATE. Commands check
 * what they can first; these catch the races (two inserts of one code) and the bytes
 * PostgreSQL refuses (NUL in text), so neither becomes a 500.
 */
const SQLSTATE_PROBLEMS: Record<string, { status: number; code: string }> = {
  '23505': { status: 409, code: 'conflict' }, // unique_violation
  '23503': { status: 422, code: 'ref_not_found' }, // foreign_key_violation
  '23514': { status: 422, code: 'invalid' }, // check_violation
  '22001': { status: 400, code: 'invalid' }, // string_data_right_truncation
  '22021': { status: 400, code: 'invalid' }, // character_not_in_repertoire (NUL)
  '22P05': { status: 400, code: 'invalid' }, // untranslatable_character
  '22P02': { status: 400, code: 'invalid' }, // invalid_text_representation
  '22003': { status: 400, code: 'invalid' }, // numeric_value_out_of_range
  '40001': { status: 409, code: 'retry' }, // serialization_failure
  '40P01': { status: 409, code: 'retry' }, // deadlock_detected
};

function sqlState(error: unknown): string | undefined {
  // node-postgres puts the SQLSTATE on the error; Drizzle wraps it as `cause`.
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function problemFor(error: FastifyError | DomainError | Error): { status: number; code: string; params: Record<string, string | number>; fields: FieldError[] } {
  if (error instanceof DomainError) return { status: error.status, code: error.code, params: error.params, fields: error.fieldErrors };
  const state = sqlState(error);
  const mapped = state ? SQLSTATE_PROBLEMS[state] : undefined;
  if (mapped) return { ...mapped, params: {}, fields: [] };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      path: `${(error as FastifyError).validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
      code: `field.${v.keyword}`,
    }));
    return { status: 400, code: 'invalid', params: {}, fields };
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'body_too_large', params: {}, fields: [] };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', params: {}, fields: [] };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid_json', params: {}, fields: [] };
  }
  if (fe.statusCode === 400 && error instanceof SyntaxError) return { status: 400, code: 'invalid_json', params: {}, fields: [] };
  if (fe.validation) {
    return { status: 400, code: 'invalid', params: {}, fields: fe.validation.map((v) => ({ path: v.instancePath, code: `field.${v.keyword}` })) };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: fe.statusCode === 404 ? 'not_found' : 'invalid', params: {}, fields: [] };
  }
  return { status: 500, code: 'internal', params: {}, fields: [] };
}

/** Writes a problem+json reply. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: Error): FastifyReply {
  const lang = pickLang(request.headers['accept-language']);
  const { status, code, params, fields } = problemFor(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  const body: ProblemBody = {
    type: `/api/problems/${code}`,
    title: translate(hasMessage(code) ? code : 'invalid', lang, params),
    status,
    detail: translate(hasMessage(code) ? code : 'invalid', lang, params),
    instance: request.url.split('?')[0] ?? request.url,
    code,
    requestId: String(request.id),
  };
  if (fields.length > 0) {
    body.errors = fields.map((f) => ({ path: f.path, code: f.code, message: `${f.path}: ${translate(hasMessage(f.code) ? f.code : 'field.invalid', lang, f.params)}` }));
    body.detail = body.errors.map((e) => e.message).join('; ');
  }
  if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
  // RFC 9457 extension members: what the client must solve (proof-of-work.ts).
  if (error instanceof ChallengeRequired) Object.assign(body, { challenge: error.challenge, difficulty: error.difficulty });
  return reply.code(status).type('application/problem+json; charset=utf-8').send(body);
}

/**
 * Errors and unknown routes as problems. With `spaIndex`, unknown GET pages outside
 * /api serve the web console's index (a single-page app routes them itself).
 */
export function installProblemHandlers(app: FastifyInstance, spaIndex?: (reply: FastifyReply) => FastifyReply): void {
  app.setErrorHandler((error: FastifyError, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) => {
    const page = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/metrics');
    if (spaIndex && page) return spaIndex(reply);
    return sendProblem(request, reply, new DomainError(404, 'route_not_found'));
  });
}
