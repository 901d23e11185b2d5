/**
 * The two wire formats of GeoReport v2 — JSON and XML, chosen by the resource's extension
 * (`services.json`, `services.xml`) — its error shape, and its date-times (ISO 8601 with
 * the offset). The XML writer is deliberately tiny: fixed element names from this module,
 * every text escaped, characters XML 1.0 cannot carry dropped.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, TooManyRequests, type FieldError } from '../../platform/http/errors.js';
import { hasMessage, pickLang, translate, type Lang } from '../../platform/http/messages.js';

export type Format = 'json' | 'xml';
export const formats: readonly Format[] = ['json', 'xml'];

export const JSON_TYPE = 'application/json; charset=utf-8';
export const XML_TYPE = 'text/xml; charset=utf-8';

/** The format a URL asks for: `.xml` → XML, anything else JSON. */
export function formatOf(url: string): Format {
  const path = url.split('?')[0] ?? url;
  return path.toLowerCase().endsWith('.xml') ? 'xml' : 'json';
}

// ---- XML ----

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// eslint-disable-next-line no-control-regex -- characters XML 1.0 does not allow are the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for element content (and attributes): `& < > " '`, CR kept as a reference. */
export function escapeXml(text: string): string {
  return text
    .toWellFormed()
    .replace(NOT_XML, '')
    .replace(/[&<>"'\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' })[c]!);
}

function element(name: string, value: unknown, itemNames: Readonly<Record<string, string>>): string {
  if (!NAME.test(name)) throw new Error(`not an XML name: ${name}`);
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name];
    if (!item) throw new Error(`no item element for the list ${name}`);
    return `<${name}>${value.map((v) => element(item, v, itemNames)).join('')}</${name}>`;
  }
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v, itemNames)).join('')}</${name}>`;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `<${name}>${escapeXml(String(value))}</${name}>`;
  throw new Error(`no XML form for a ${typeof value} in ${name}`);
}

/**
 * An XML document of `value` under `root`. Lists become repeated elements named by
 * `itemNames` (`{ services: 'service' }`); null becomes an empty element.
 */
export function toXml(root: string, value: unknown, itemNames: Readonly<Record<string, string>>): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, itemNames)}\n`;
}

/** Every list element of the spec and the name of its items. */
export const ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

/** Sends `data` in the asked format: JSON as is, XML under `root` (see ITEM_NAMES). */
export function sendAs(reply: FastifyReply, format: Format, root: string, data: unknown, status = 200): FastifyReply {
  reply.code(status);
  if (format === 'xml') return reply.type(XML_TYPE).send(toXml(root, data, ITEM_NAMES));
  return reply.type(JSON_TYPE).send(JSON.stringify(data));
}

// ---- errors ----

/** A request the spec calls malformed (400): each field error becomes one `<error>`. */
export function badRequest(fields: FieldError[]): DomainError {
  return new DomainError(400, 'open311_invalid', {}, fields);
}

function statusOf(error: unknown): { status: number; code: string } {
  if (error instanceof DomainError) return { status: error.status, code: error.code };
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, code: 'body_too_large' };
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { status: 415, code: 'unsupported_media_type' };
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) return { status: 400, code: 'invalid_json' };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return { status: fe.statusCode, code: fe.statusCode === 404 ? 'route_not_found' : 'invalid' };
  return { status: 500, code: 'internal' };
}

function describe(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  return translate(hasMessage(code) ? code : 'invalid', lang, params);
}

/**
 * The error reply of every /open311 route, in the spec's shape — JSON
 * `[{"code":400,"description":"…"}]`, XML `<errors><error><code/><description/></error></errors>` —
 * with the HTTP status of the error (never problem+json).
 */
export function sendOpen311Error(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const lang = pickLang(request.headers['accept-language']);
  const { status, code } = statusOf(error);
  if (status >= 500) request.log.error({ err: error }, 'open311 request failed');
  const params = error instanceof DomainError ? error.params : {};
  const fields = error instanceof DomainError ? error.fieldErrors : [];
  const errors =
    fields.length > 0
      ? fields.map((f) => ({ code: status, description: `${f.path} ${describe(f.code, lang, f.params)}` }))
      : [{ code: status, description: describe(code, lang, params) }];
  if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
  return sendAs(reply, formatOf(request.url), 'errors', errors, status);
}

// ---- date-times ----

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-11-29T16:47:31+08:00`: ISO 8601 in the deployment's zone, with its offset (the spec's form). */
export function isoWithOffset(instant: Date, timeZone: string): string {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    zoneFormats.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(instant)) if (part.type !== 'literal') p[part.type] = part.value;
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offsetMin = Math.round((local - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}
