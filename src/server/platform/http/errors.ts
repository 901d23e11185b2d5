/**
 * Typed domain errors. Commands throw these; one Fastify error handler turns them into
 * RFC 9457 problem+json with localized messages (see problem.ts).
 */
export interface FieldError {
  /** JSON path of the offending field, e.g. `rows.3.code`. */
  path: string;
  /** Message code in the catalogue. */
  code: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

/** Not found — or not visible to the caller; the two are never told apart. */
export class NotFound extends DomainError {
  constructor(code = 'not_found') {
    super(404, code);
  }
}

export class Unauthenticated extends DomainError {
  constructor(code = 'unauthenticated') {
    super(401, code);
  }
}

export class Forbidden extends DomainError {
  constructor(code = 'forbidden') {
    super(403, code);
  }
}

export class Conflict extends DomainError {
  constructor(code = 'conflict', params: Record<string, string | number> = {}) {
    super(409, code, params);
  }
}

export class Invalid extends DomainError {
  constructor(code = 'invalid', fieldErrors: FieldError[] = [], params: Record<string, string | number> = {}) {
    super(422, code, params, fieldErrors);
  }
}

export class TooManyRequests extends DomainError {
  constructor(readonly retryAfterSeconds: number, code = 'rate_limited') {
    super(429, code, { seconds: retryAfterSeconds });
  }
}
