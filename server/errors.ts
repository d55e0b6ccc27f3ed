// API errors: a small class hierarchy with stable codes, rendered as application/problem+json by the error plugin.
// Repositories and routes throw these; nothing else reaches a client.

export type ProblemCode =
  | 'BAD_PARAMETER'
  | 'NOT_FOUND'
  | 'DB_UNAVAILABLE'
  | 'QUERY_REFUSED'
  | 'QUERY_TIMEOUT'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

export class BadParameterError extends ApiError {
  constructor(param: string, message: string) {
    super(400, 'BAD_PARAMETER', `${param}: ${message}`, param);
  }
}

export class NotFoundError extends ApiError {
  constructor(message: string) {
    super(404, 'NOT_FOUND', message);
  }
}

export class DbUnavailableError extends ApiError {
  constructor(message = 'The graph database is not reachable right now; retry in a few seconds.') {
    super(503, 'DB_UNAVAILABLE', message);
  }
}

export class QueryRefusedError extends ApiError {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(400, 'QUERY_REFUSED', message);
  }
}

export class QueryTimeoutError extends ApiError {
  constructor(ms: number) {
    super(400, 'QUERY_TIMEOUT', `The query ran longer than ${ms} ms and was stopped; narrow it or add a LIMIT.`);
  }
}
