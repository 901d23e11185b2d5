/**
 * The reporter's three calls (file a report, follow it up, add to it), typed from the API
 * schema. They are plain promises, not TanStack queries or mutations: a query cache would
 * keep the receipt (a request's variables) and the report's words in memory after the page
 * is left, and the receipt must live only in the page's own state.
 *
 * Anonymous reports and everything done with a receipt go out without cookies or the CSRF
 * header (`anonymousApi`): nothing in those requests can tie them to a signed-in account on
 * the same browser. Only a real-name report is sent with the session, so a signed-in
 * resident's report carries their account along with the name they gave.
 *
 * Under abuse-like traffic the server asks for proof of work (428); each call then solves the
 * challenge and sends again (proof-of-work.ts).
 *
 * With files, a report or added material goes as multipart/form-data (attachments.ts builds
 * the body) through `postForm`, which keeps the same rules: no cookies unless real-name, the
 * language, and the proof of work's header when asked for it. Without files it stays JSON.
 */
import createClient from 'openapi-fetch';
import { api, call, decorateHeaders, readJson } from '../api/client.js';
import type { ApiPaths } from '../api/paths.js';
import { ApiProblem, isApiProblem } from '../api/problem.js';
import type { BodyOf, JsonOf } from '../api/types.js';
import { currentLanguage } from '../i18n/index.js';
import { materialFormData, reportFormData } from './attachments.js';
import { POW_HEADER, proofHeader, solveChallenge } from './proof-of-work.js';

export type FollowUp = JsonOf<'/api/supervision/follow-up', 'post'>;
export type FollowUpAttachment = FollowUp['attachments'][number];
export type ReporterMessageKind = BodyOf<'/api/supervision/follow-up/messages', 'post'>['kind'];
type ReportInput = BodyOf<'/api/supervision/reports', 'post'>;

const anonymousApi = createClient<ApiPaths>({ baseUrl: '', credentials: 'omit' });
anonymousApi.use({
  onRequest({ request }) {
    // Only the language, so problems come back in the words on the screen.
    request.headers.set('accept-language', currentLanguage());
    return request;
  },
});

/** Told when the server asked for proof of work and the page is solving it (a second or so). */
export interface ProofOptions {
  onSolving?: () => void;
}

/**
 * Sends once; when the server answers 428 with a challenge (abuse-like traffic), solves it
 * and sends again with the proof. A second refusal is the caller's to show.
 */
async function withProof<T>(send: (headers: Record<string, string>) => Promise<T>, options: ProofOptions): Promise<T> {
  try {
    return await send({});
  } catch (e) {
    if (!isApiProblem(e) || e.status !== 428 || !e.pow) throw e;
    options.onSolving?.();
    const nonce = await solveChallenge(e.pow.challenge, e.pow.difficulty);
    return send({ [POW_HEADER]: proofHeader(e.pow.challenge, nonce) });
  }
}

/**
 * A multipart POST with the same rules as the typed clients: an anonymous sender's request
 * carries no cookie and no CSRF header (only the language); a signed-in one gets the session's
 * headers (`decorateHeaders`). The browser sets the multipart boundary. Answers the parsed JSON
 * (undefined for 204), or throws the server's problem.
 */
async function postForm(url: string, form: FormData, withSession: boolean, extra: Record<string, string>): Promise<unknown> {
  const headers = new Headers({ accept: 'application/json', ...extra });
  if (withSession) decorateHeaders(headers, 'POST');
  else headers.set('accept-language', currentLanguage());
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: form, credentials: withSession ? 'same-origin' : 'omit', cache: 'no-store' });
  } catch (cause) {
    throw ApiProblem.network(cause);
  }
  return readJson(response);
}

/**
 * Files a report; answers the receipt (16 digits) — the only time it is ever shown. With
 * files it goes as multipart (each request built afresh, the proof's header included).
 * `idempotencyKey`: the same key for a resend of the same report, so an answer lost on the
 * way home is answered again with the same receipt instead of filing twice (the server draws
 * the receipt from the key and keeps neither).
 */
export async function fileReport(body: ReportInput, options: ProofOptions & { idempotencyKey?: string } = {}, files: readonly File[] = []): Promise<string> {
  const key: Record<string, string> = options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {};
  if (files.length > 0) {
    const filed = await withProof((headers) => postForm('/api/supervision/reports', reportFormData(body, files), !body.anonymous, { ...key, ...headers }), options);
    return (filed as { receipt: string }).receipt;
  }
  const client = body.anonymous ? anonymousApi : api;
  const filed = await withProof((headers) => call(client.POST('/api/supervision/reports', { body, headers: { ...key, ...headers } })), options);
  return filed.receipt;
}

/** The reporter's view of their report. 404 for a receipt of no report. */
export async function followUp(receipt: string, options: ProofOptions = {}): Promise<FollowUp> {
  return withProof((headers) => call(anonymousApi.POST('/api/supervision/follow-up', { body: { receipt }, headers })), options);
}

/** An answer to the inspectors' question, or material added later — with files as multipart (the words may then be empty). */
export async function addReporterMessage(receipt: string, kind: ReporterMessageKind, body: string, options: ProofOptions = {}, files: readonly File[] = []): Promise<void> {
  if (files.length > 0) {
    await withProof((headers) => postForm('/api/supervision/follow-up/messages', materialFormData({ receipt, kind, body }, files), false, headers), options);
    return;
  }
  await withProof((headers) => call(anonymousApi.POST('/api/supervision/follow-up/messages', { body: { receipt, kind, body }, headers })), options);
}
