/**
 * The typed API client (openapi-fetch over the generated schema). Every request carries the
 * UI language as Accept-Language (the server localizes problem messages by it) and every
 * write carries the CSRF token. A 401 on any call except the sign-in probes tells the app
 * the session is gone.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { currentLanguage } from '../i18n/index.js';
import { csrfToken } from './csrf.js';
import type { ApiPaths } from './paths.js';
import { ApiProblem } from './problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// A 401 from these is an answer ("not signed in", "wrong password"), not a lost session.
const AUTH_PROBES = ['/api/me', '/api/auth/login', '/api/auth/logout', '/api/register'];

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Subscribes to "the session ended" (a 401 from an ordinary call); returns the unsubscribe function. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Adds the language and CSRF headers to a request (also used for raw uploads). */
export function decorateHeaders(headers: Headers, method: string): void {
  headers.set('accept-language', currentLanguage());
  if (!SAFE_METHODS.has(method.toUpperCase())) {
    const token = csrfToken();
    if (token) headers.set('x-csrf-token', token);
  }
}

function noticeResponse(url: string, status: number): void {
  if (status !== 401) return;
  const path = new URL(url, window.location.origin).pathname;
  if (!AUTH_PROBES.includes(path)) for (const l of unauthenticatedListeners) l();
}

const headersMiddleware: Middleware = {
  onRequest({ request }) {
    decorateHeaders(request.headers, request.method);
    return request;
  },
  onResponse({ request, response }) {
    noticeResponse(request.url, response.status);
    return response;
  },
};

export const api = createClient<ApiPaths>({ baseUrl: '', credentials: 'same-origin' });
api.use(headersMiddleware);

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws an ApiProblem. */
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await request;
  } catch (cause) {
    throw ApiProblem.network(cause);
  }
  if (!result.response.ok) throw ApiProblem.from(result.response, result.error);
  return result.data as T;
}

/**
 * A request whose body is not JSON (file uploads): same headers and error handling as the
 * typed client. Returns the parsed JSON body.
 */
export async function rawRequest(method: string, url: string, body: BodyInit, contentType: string): Promise<unknown> {
  const headers = new Headers({ 'content-type': contentType, accept: 'application/json' });
  decorateHeaders(headers, method);
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  } catch (cause) {
    throw ApiProblem.network(cause);
  }
  noticeResponse(url, response.status);
  return readJson(response);
}

/** A response's JSON body (undefined when empty or not JSON), or the server's problem thrown. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) throw ApiProblem.from(response, parsed);
  return parsed;
}
