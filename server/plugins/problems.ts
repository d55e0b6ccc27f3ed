// One error handler for the whole API: every failure becomes application/problem+json with a stable code.
// Validation errors name the bad parameter; 5xx details are logged, never sent; no stack trace leaves the server.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError } from '../errors.ts';
import { isUnavailable } from '../repositories/graphdb.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  param?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail: string, param?: string): Problem {
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, code, detail, ...(param ? { param } : {}) };
}

function validationProblem(err: FastifyError): Problem {
  const first = (err.validation ?? [])[0] as { instancePath?: string; message?: string; params?: { issue?: { path?: (string | number)[] } } } | undefined;
  const fromPath = first?.params?.issue?.path?.join('.') || first?.instancePath?.replace(/^\//, '').replace(/\//g, '.');
  const context = (err as FastifyError & { validationContext?: string }).validationContext ?? 'request';
  const param = fromPath || context;
  return problem(400, 'BAD_PARAMETER', `${param}: ${first?.message ?? err.message}`, param);
}

export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let body: Problem;
    if (err instanceof ApiError) {
      body = problem(err.status, err.code, err.message, err.param);
      if (err.status === 503) void reply.header('Retry-After', '5');
    } else if (hasZodFastifySchemaValidationErrors(err) || err.validation) {
      body = validationProblem(err);
    } else if (isUnavailable(err)) {
      body = problem(503, 'DB_UNAVAILABLE', 'The graph database is not reachable right now; retry in a few seconds.');
      void reply.header('Retry-After', '5');
    } else if (err.statusCode === 429) {
      body = problem(429, 'RATE_LIMITED', 'Too many requests to this endpoint; wait a moment and retry.');
    } else if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      body = problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      body = problem(err.statusCode, 'BAD_PARAMETER', err.message.split('\n')[0] ?? 'Bad request');
    } else {
      req.log.error({ err, url: req.url }, 'request failed');
      body = problem(500, 'INTERNAL', 'Something went wrong on the server; the details are in its log.');
    }
    return reply.status(body.status).type('application/problem+json').send(body);
  });
}
