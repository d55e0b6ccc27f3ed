// /api/authors/:id/coauthors, /api/topics, /api/topics/:id, /api/papers/:id/related and /api/paths.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../app.ts';
import { BadParameterError } from '../errors.ts';
import { CoauthorsRepository } from '../repositories/coauthors.ts';
import { DEFAULT_MAX_DEGREE } from '../repositories/paths.ts';
import { parseId } from '../repositories/ids.ts';
import { PathsRepository } from '../repositories/paths.ts';
import { RelatedRepository } from '../repositories/related.ts';
import { TopicsRepository } from '../repositories/topics.ts';
import { errors, gNode, graph, idParams } from '../schemas/graph.ts';

const topic = z.object({ id: z.string(), label: z.string(), terms: z.array(z.string()), size: z.number(), level: z.number(), parent: z.string().nullable(), pinned: z.boolean(), meanDate: z.string().nullable(), dated: z.number() });
const reason = z.object({ kind: z.enum(['terms', 'authors', 'topic', 'repo', 'tags']), score: z.number(), items: z.array(z.string()) });

function expectType(id: string, type: string, param = 'id') {
  const parsed = parseId(id, param);
  if (parsed.type !== type) throw new BadParameterError(param, `must be a ${type} id (${type}:<key>), got a ${parsed.type}`);
  return parsed;
}

export async function analysisRoutes(api: FastifyInstance, deps: Deps): Promise<void> {
  const coauthors = new CoauthorsRepository(deps.db, deps.coauthorProjection);
  const topics = new TopicsRepository(deps.db);
  const related = new RelatedRepository(deps.db);
  const paths = new PathsRepository(deps.db);
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/authors/:id/coauthors', {
    schema: {
      tags: ['co-authors'],
      params: idParams,
      querystring: z.object({ depth: z.coerce.number().int().min(1).max(3).default(1), minWeight: z.coerce.number().int().min(1).max(1000).default(1), limit: z.coerce.number().int().min(2).max(500).default(150) }),
      response: { 200: graph, ...errors },
    },
  }, async (req) => coauthors.ego(expectType(req.params.id, 'author').key, req.query.depth, req.query.minWeight, req.query.limit));

  r.get('/authors/:id/coauthors/:other', {
    schema: {
      tags: ['co-authors'],
      params: z.object({ id: z.string().min(3).max(2000), other: z.string().min(3).max(2000) }),
      response: { 200: z.object({ a: z.string(), b: z.string(), weight: z.number(), papers: z.array(z.object({ id: z.string(), title: z.string(), date: z.string().nullable() })) }), ...errors },
    },
  }, async (req) => coauthors.pair(expectType(req.params.id, 'author').key, expectType(req.params.other, 'author', 'other').key));

  r.get('/topics', { schema: { tags: ['topics'], response: { 200: z.object({ topics: z.array(topic), links: z.array(z.object({ source: z.string(), target: z.string(), weight: z.number(), similar: z.number() })) }), ...errors } } }, async () => topics.map());

  r.get('/topics/:id', { schema: { tags: ['topics'], params: idParams, response: { 200: z.looseObject({ topic, subtopics: z.array(topic) }), ...errors } } }, async (req) => topics.topic(expectType(req.params.id, 'topic').key));

  r.get('/papers/:id/related', {
    schema: {
      tags: ['related work'],
      params: idParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
      response: { 200: z.object({ paper: z.object({ id: z.string(), title: z.string(), date: z.string().nullable() }), related: z.array(z.object({ id: z.string(), title: z.string(), date: z.string().nullable(), score: z.number(), reasons: z.array(reason) })) }), ...errors },
    },
  }, async (req) => related.related(expectType(req.params.id, 'paper').key, req.query.limit));

  r.get('/paths', {
    schema: {
      tags: ['related work'],
      querystring: z.object({ from: z.string().min(3).max(2000), to: z.string().min(3).max(2000), maxHops: z.coerce.number().int().min(1).max(6).default(4), k: z.coerce.number().int().min(1).max(5).default(3), maxDegree: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_MAX_DEGREE) }),
      response: { 200: z.object({ paths: z.array(z.object({ length: z.number(), steps: z.array(z.object({ from: gNode, rel: z.string(), direction: z.enum(['out', 'in']), to: gNode, why: z.string() })) })), graph, maxDegree: z.number() }), ...errors },
    },
  }, async (req) => paths.paths(parseId(req.query.from, 'from'), parseId(req.query.to, 'to'), req.query.maxHops, req.query.k, req.query.maxDegree));
}
