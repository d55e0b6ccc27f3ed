// Saved queries and ad-hoc Cypher: list, run with validated params, run ad-hoc, save as a file in the user folder.
// Rate limited; every statement is proved read-only before it runs (server/queries/runner.ts).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../app.ts';
import { BadParameterError, NotFoundError } from '../errors.ts';
import { loadLibrary, renderQueryFile } from '../queries/library.ts';
import { coerceParams } from '../queries/params.ts';
import { proveReadOnly, runReadOnly } from '../queries/runner.ts';
import { errors, graph } from '../schemas/graph.ts';

const param = z.object({ name: z.string(), type: z.string(), default: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(), description: z.string(), label: z.string().optional() });
const savedQuery = z.object({ name: z.string(), title: z.string(), description: z.string(), params: z.array(param), view: z.enum(['graph', 'table']), layout: z.string().optional(), query: z.string(), user: z.boolean() });
const result = z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.unknown())), graph, view: z.enum(['graph', 'table']), truncated: z.boolean(), ms: z.number() });
const values = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export async function queryRoutes(api: FastifyInstance, deps: Deps): Promise<void> {
  const { config, db } = deps;
  const library = () => loadLibrary(config.queriesDir, config.userQueriesDir);
  const limits = { timeoutMs: config.cypherTimeoutMs, rowCap: config.cypherRowCap };
  const rateLimit = { max: config.cypherRateLimit, timeWindow: '1 minute' };
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/queries', { schema: { tags: ['queries'], response: { 200: z.object({ queries: z.array(savedQuery) }) } } }, async () => ({ queries: library() }));

  r.post('/queries/:name/run', {
    config: { rateLimit },
    schema: { tags: ['queries'], params: z.object({ name: z.string().max(80) }), body: z.object({ params: values.default({}) }).default({ params: {} }), response: { 200: result, ...errors } },
  }, async (req) => {
    const q = library().find((x) => x.name === req.params.name);
    if (!q) throw new NotFoundError(`No saved query named "${req.params.name}"`);
    const params = coerceParams(q.params, req.body.params);
    return { ...(await runReadOnly(db.driver, db.database, q.query, params, limits)), view: q.view };
  });

  r.post('/cypher', {
    config: { rateLimit },
    schema: { tags: ['queries'], body: z.object({ query: z.string().max(20_000), params: values.default({}) }), response: { 200: result, ...errors } },
  }, async (req) => ({ ...(await runReadOnly(db.driver, db.database, req.body.query, req.body.params, limits)), view: 'graph' as const }));

  r.post('/queries', {
    config: { rateLimit },
    schema: {
      tags: ['queries'],
      body: z.object({ name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}$/, 'use lower-case letters, digits and dashes'), title: z.string().min(1).max(200), description: z.string().max(2000).default(''), query: z.string().min(1).max(20_000), view: z.enum(['graph', 'table']).default('graph'), params: z.array(param).default([]) }),
      response: { 200: z.object({ query: savedQuery }), ...errors },
    },
  }, async (req) => {
    const body = req.body;
    if (library().some((q) => q.name === body.name && !q.user)) throw new BadParameterError('name', `"${body.name}" is a shipped query; choose another name`);
    const defaults = Object.fromEntries(body.params.filter((p) => p.default !== undefined).map((p) => [p.name, p.default]));
    await proveReadOnly(db.driver, db.database, body.query, coerceParams(body.params.map((p) => ({ ...p, type: p.type as 'string' })), defaults));
    fs.mkdirSync(config.userQueriesDir, { recursive: true });
    const text = renderQueryFile({ title: body.title, description: body.description, params: body.params.map((p) => ({ ...p, type: p.type as 'string' })), view: body.view, query: body.query });
    writeAtomically(path.join(config.userQueriesDir, `${body.name}.cypher`), text);
    const saved = library().find((q) => q.name === body.name)!;
    return { query: saved };
  });
}

/** Writes a file so that readers (and a crash at any moment) see either the old content or the new, never a part. */
function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
