/**
 * RFC 9457 problems from the server, as one error class the UI can show: the localized
 * title/detail, field errors mapped onto form fields, and the retry time of a 429.
 */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: FieldProblem[];
  /** 428 `pow_required`: the challenge to solve and its difficulty in bits (RFC 9457 extension members). */
  challenge?: string;
  difficulty?: number;
}

/** A proof-of-work challenge the server asked to be solved before the request is sent again. */
export interface PowChallenge {
  challenge: string;
  difficulty: number;
}

function isProblemBody(value: unknown): value is ProblemBody {
  return typeof value === 'object' && value !== null && typeof (value as ProblemBody).title === 'string' && typeof (value as ProblemBody).status === 'number';
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: FieldProblem[];
  /** Seconds to wait, from Retry-After (429). */
  readonly retryAfter: number | undefined;
  /** What to solve before sending again (428 `pow_required`). */
  readonly pow: PowChallenge | undefined;

  constructor(body: ProblemBody, retryAfter?: number) {
    super(body.detail ?? body.title);
    this.name = 'ApiProblem';
    this.status = body.status;
    this.code = body.code ?? 'unknown';
    this.title = body.title;
    this.detail = body.detail;
    this.requestId = body.requestId;
    this.errors = body.errors ?? [];
    this.retryAfter = retryAfter;
    this.pow = typeof body.challenge === 'string' && typeof body.difficulty === 'number' ? { challenge: body.challenge, difficulty: body.difficulty } : undefined;
  }

  /** Builds the problem from a failed response and its parsed body (which may not be problem+json, e.g. a proxy's HTML page). */
  static from(response: Response, body: unknown): ApiProblem {
    const retry = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
    const retryAfter = Number.isFinite(retry) ? retry : undefined;
    if (isProblemBody(body)) return new ApiProblem(body, retryAfter);
    return new ApiProblem({ title: response.statusText || `HTTP ${response.status}`, status: response.status, code: 'http' }, retryAfter);
  }

  static network(cause: unknown): ApiProblem {
    const p = new ApiProblem({ title: 'network', status: 0, code: 'network' });
    p.cause = cause;
    return p;
  }
}

export function isApiProblem(value: unknown): value is ApiProblem {
  return value instanceof ApiProblem;
}

/** A form field name as antd's Form wants it: `body.roles.0.nodeId` → ['roles', 0, 'nodeId']. */
export type FieldName = (string | number)[];

/**
 * Maps the problem's field errors onto form field names. Only `body.*` paths name form
 * fields; the message loses its `path: ` prefix, which the form already shows by position.
 */
export function fieldErrors(problem: ApiProblem): { name: FieldName; errors: string[] }[] {
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  for (const e of problem.errors) {
    if (!e.path.startsWith('body.')) continue;
    const name = e.path.slice(5).split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const key = name.join('.');
    const text = e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message;
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(text);
    byField.set(key, entry);
  }
  return [...byField.values()];
}
