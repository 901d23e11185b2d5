/**
 * GeoReport service requests: reading the query of GET requests, presenting cases in the
 * spec's fields (public-safe only: case.exports decides), and turning a POSTed request
 * into a case through the cases module's `caseSubmitter` (channel `api`, no reporter
 * account, acting as the API key's account).
 */
import type { CommandContext } from '../../platform/context.js';
import { DEFAULT_TIME_ZONE } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { DomainError, type FieldError } from '../../platform/http/errors.js';
import { phone as phoneField, SINGLE_LINE, MULTI_LINE } from '../../platform/http/fields.js';
import { translate, type Lang } from '../../platform/http/messages.js';
import { startOfLocalDate, addDays } from '../../platform/time/zoned.js';
import { caseSubmitter, urgencies, type CaseType, type PublicCaseFilter, type PublicCaseSummary, type Urgency } from '../cases/case.exports.js';
import { placeNamedIn, rootNodes, type RootNode } from '../org/org.exports.js';
import { badRequest, isoWithOffset } from './open311.format.js';
import { DEFAULT_CASE_TYPE, openCaseTypes, type Service } from './open311.services.js';

/** At most this many requests per answer, and the default (and widest) window. */
export const MAX_REQUESTS = 1000;
const WINDOW_MS = 90 * 86_400_000;

type Params = Record<string, unknown>;

/** One parameter as text: the first of repeated ones, numbers as written; blank → undefined. */
export function textParam(params: Params, name: string): string | undefined {
  let v = params[name];
  if (Array.isArray(v)) v = v[0];
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function list(params: Params, name: string): string[] | undefined {
  const raw = params[name];
  const parts = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  const out = parts.flatMap((p) => String(p).split(',')).map((s) => s.trim()).filter(Boolean);
  return out.length > 0 ? out : undefined;
}

// ---- jurisdictions ----

/** The jurisdiction a request names (`jurisdiction_id` = a root node's code), else the first root. */
export async function jurisdictionOf(ex: Executor, id: string | undefined): Promise<RootNode> {
  const roots = await rootNodes(ex);
  const root = id === undefined ? roots[0] : roots.find((r) => r.code === id);
  if (!root) throw new DomainError(404, id === undefined ? 'open311_no_jurisdiction' : 'open311_jurisdiction_not_found');
  return root;
}

// ---- GET requests ----

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO 8601 date-time with its zone; a bare date is that local day (its start, or its end for `end_date`). */
function parseDate(value: string, end: boolean, timeZone: string): Date | undefined {
  if (DATE_ONLY.test(value)) {
    if (Number.isNaN(Date.parse(value))) return undefined;
    return end ? new Date(startOfLocalDate(addDays(value, 1), timeZone).getTime() - 1) : startOfLocalDate(value, timeZone);
  }
  if (!DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * The filter of GET requests: `service_request_id` (comma list; overrides everything
 * else), `service_code` (comma list), `start_date`/`end_date` (at most 90 days apart;
 * the last 90 days by default), `status` (open, closed or both).
 */
export function requestFilter(query: Params, now: Date, timeZone: string): Omit<PublicCaseFilter, 'underPath'> {
  const errors: FieldError[] = [];
  const ids = list(query, 'service_request_id');
  if (ids) {
    if (ids.length > MAX_REQUESTS) errors.push({ path: 'service_request_id', code: 'open311_too_many', params: { max: MAX_REQUESTS } });
    if (ids.some((id) => !/^[0-9A-Za-z-]{1,40}$/.test(id))) errors.push({ path: 'service_request_id', code: 'open311_bad_value' });
    if (errors.length > 0) throw badRequest(errors);
    return { numbers: ids, limit: MAX_REQUESTS };
  }
  const codes = list(query, 'service_code');
  if (codes?.some((c) => !/^[1-9]\d{0,15}$/.test(c))) errors.push({ path: 'service_code', code: 'open311_bad_value' });
  const statuses = list(query, 'status');
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) errors.push({ path: 'status', code: 'open311_bad_value' });
  const start = textParam(query, 'start_date');
  const end = textParam(query, 'end_date');
  let from = start === undefined ? undefined : parseDate(start, false, timeZone);
  let to = end === undefined ? undefined : parseDate(end, true, timeZone);
  if (start !== undefined && !from) errors.push({ path: 'start_date', code: 'open311_bad_date' });
  if (end !== undefined && !to) errors.push({ path: 'end_date', code: 'open311_bad_date' });
  if (from && to && to < from) errors.push({ path: 'end_date', code: 'open311_date_order' });
  else if (from && to && to.getTime() - from.getTime() > WINDOW_MS) errors.push({ path: 'end_date', code: 'open311_date_span' });
  if (errors.length > 0) throw badRequest(errors);
  if (!from && !to) [from, to] = [new Date(now.getTime() - WINDOW_MS), now];
  else if (!to) to = new Date(from!.getTime() + WINDOW_MS);
  else if (!from) from = new Date(to.getTime() - WINDOW_MS);
  const status = statuses && new Set(statuses).size === 1 ? (statuses[0] as 'open' | 'closed') : undefined;
  return { categoryIds: codes?.map(Number), from, to, status, limit: MAX_REQUESTS };
}

/** One case in the spec's fields. Words and place only when case.exports gives them. */
export interface ServiceRequestOut {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export function presentRequests(rows: readonly PublicCaseSummary[], lang: Lang, timeZone: string): ServiceRequestOut[] {
  const iso = (d: Date) => isoWithOffset(d, timeZone);
  return rows.map((r) => ({
    service_request_id: r.number,
    status: r.open ? 'open' : 'closed',
    status_notes: r.content?.statusNotes ?? null,
    service_name: r.categoryName,
    service_code: r.categoryId === null ? null : String(r.categoryId),
    description: r.content ? r.content.description : null,
    agency_responsible: r.leadUnit,
    service_notice: r.content ? null : translate('open311_notice_private', lang),
    requested_datetime: iso(r.submittedAt),
    updated_datetime: iso(r.updatedAt),
    expected_datetime: r.feedbackDueAt ? iso(r.feedbackDueAt) : null,
    address: r.content?.address ?? null,
    address_id: null,
    zipcode: null,
    lat: r.content?.latitude ?? null,
    long: r.content?.longitude ?? null,
    media_url: null,
  }));
}

// ---- POST requests ----

/** A POSTed service request, checked. */
export interface Submission {
  jurisdictionId: string | undefined;
  latitude: number | null;
  longitude: number | null;
  addressString: string | null;
  urgency: Urgency;
  isPublic: boolean;
  type: CaseType;
  description: string | null;
  mediaUrl: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  deviceId: string | null;
  accountId: string | null;
}

/** `attribute[code]` fields (form or JSON keys) and a JSON `attribute` object, merged. */
function attributesOf(body: Params): Record<string, string> {
  const out: Record<string, string> = {};
  const nested = body['attribute'];
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [k, v] of Object.entries(nested as Params)) {
      const t = textParam({ v }, 'v');
      if (t !== undefined) out[k] = t;
    }
  }
  for (const k of Object.keys(body)) {
    const m = /^attribute\[([^\]]{1,100})\]$/.exec(k);
    const t = m ? textParam(body, k) : undefined;
    if (m && t !== undefined) out[m[1]!] = t;
  }
  return out;
}

const URL_PATTERN = /^https?:\/\/[^\s<>"]{1,490}$/i;
const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,190}$/;

/** Reads a POSTed request's parameters; every problem found is one error of the 400 answer. */
export function parseSubmission(body: Params): Submission {
  const errors: FieldError[] = [];
  const text = (name: string, max: number, multiLine = false): string | null => {
    const v = textParam(body, name);
    if (v === undefined) return null;
    if (v.length > max) errors.push({ path: name, code: 'open311_too_long', params: { max } });
    else if (!(multiLine ? MULTI_LINE : SINGLE_LINE).test(v)) errors.push({ path: name, code: 'open311_bad_value' });
    return v;
  };
  const number = (name: string, limit: number): number | null => {
    const v = textParam(body, name);
    if (v === undefined) return null;
    const n = Number(v);
    if (!/^[+-]?\d{1,3}(\.\d{1,15})?$/.test(v) || !Number.isFinite(n)) errors.push({ path: name, code: 'open311_not_a_number' });
    else if (Math.abs(n) > limit) errors.push({ path: name, code: 'open311_out_of_range' });
    return n;
  };
  const latitude = number('lat', 90);
  const longitude = number('long', 180);
  const addressString = text('address_string', 200);
  const hasPosition = latitude !== null && longitude !== null;
  if ((latitude === null) !== (longitude === null)) errors.push({ path: latitude === null ? 'lat' : 'long', code: 'open311_required' });
  else if (!hasPosition && addressString === null) errors.push({ path: 'lat/long/address_string', code: 'open311_location_required' });

  const attributes = attributesOf(body);
  const urgency = attributes['urgency'];
  if (urgency === undefined) errors.push({ path: 'attribute[urgency]', code: 'open311_required' });
  else if (!(urgencies as readonly string[]).includes(urgency)) errors.push({ path: 'attribute[urgency]', code: 'open311_bad_value' });
  const isPublic = attributes['is_public'] ?? 'true';
  if (isPublic !== 'true' && isPublic !== 'false') errors.push({ path: 'attribute[is_public]', code: 'open311_bad_value' });
  const type = attributes['case_type'] ?? DEFAULT_CASE_TYPE;
  if (!(openCaseTypes as readonly string[]).includes(type)) errors.push({ path: 'attribute[case_type]', code: 'open311_bad_value' });

  const description = text('description', 4000, true);
  const mediaUrl = text('media_url', 500);
  if (mediaUrl !== null && !URL_PATTERN.test(mediaUrl)) errors.push({ path: 'media_url', code: 'open311_bad_value' });
  const phone = text('phone', 30);
  if (phone !== null && !phoneField.safeParse(phone).success) errors.push({ path: 'phone', code: 'open311_bad_value' });
  const email = text('email', 254);
  if (email !== null && !EMAIL.test(email)) errors.push({ path: 'email', code: 'open311_bad_value' });
  const submission: Submission = {
    jurisdictionId: textParam(body, 'jurisdiction_id'),
    latitude: hasPosition ? latitude : null,
    longitude: hasPosition ? longitude : null,
    addressString,
    urgency: (urgency ?? 'general') as Urgency,
    isPublic: isPublic === 'true',
    type: type as CaseType,
    description,
    mediaUrl,
    firstName: text('first_name', 50),
    lastName: text('last_name', 50),
    phone,
    email,
    deviceId: text('device_id', 100),
    accountId: text('account_id', 100),
  };
  if (errors.length > 0) throw badRequest(errors);
  return submission;
}

const CJK = /[\u3400-\u9fff]/;

/** Chinese names read family name first, without a space; others "first last". */
function contactName(s: Submission): string | null {
  const parts = [s.firstName, s.lastName].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  const name = CJK.test(parts.join('')) ? [s.lastName, s.firstName].filter(Boolean).join('') : parts.join(' ');
  return name.slice(0, 50);
}

/** A title from the description's first line (40 characters at most), or the service's name. */
function titleOf(s: Submission, service: Service): string {
  const first = s.description?.split(/\r?\n/).map((l) => l.trim()).find(Boolean);
  if (!first) return service.service_name;
  return first.length > 40 ? `${first.slice(0, 39)}…` : first;
}

export interface SubmittedRequest {
  service_request_id: string;
  service_notice: string;
  account_id: string | null;
}

/**
 * Records a POSTed request as a case. The place is the jurisdiction's root unless the
 * address names one of its streets or communities; the dispatcher refines it.
 */
export async function submitRequest(ctx: CommandContext, service: Service & { categoryId: number }, s: Submission, lang: Lang): Promise<SubmittedRequest> {
  const root = await jurisdictionOf(ctx.tx, s.jurisdictionId);
  const named = s.addressString ? await placeNamedIn(ctx.tx, root.path, s.addressString) : undefined;
  const body = s.description ?? service.service_name;
  const description = s.mediaUrl ? `${body}\n\n图片 / media: ${s.mediaUrl}` : body;
  const { row } = await caseSubmitter(ctx, {
    type: s.type,
    title: titleOf(s, service),
    description,
    categoryId: service.categoryId,
    nodeId: named?.id ?? root.id,
    address: s.addressString,
    latitude: s.latitude,
    longitude: s.longitude,
    contactName: contactName(s),
    contactPhone: s.phone,
    urgency: s.urgency,
    channel: 'api',
    isPublic: s.isPublic,
    reporterUserId: null,
  });
  const zone = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const due = row.stepDueAt ? isoWithOffset(row.stepDueAt, zone).slice(0, 16).replace('T', ' ') : '—';
  return { service_request_id: row.number, service_notice: translate('open311_notice_submitted', lang, { number: row.number, due }), account_id: s.accountId };
}
