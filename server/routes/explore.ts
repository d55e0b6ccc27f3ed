// /api/search, /api/nodes/:id and /api/nodes/:id/neighbors — the Explore view's endpoints.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../app.ts';
import { BadParameterError } from '../errors.ts';
import { parseId, REL_TYPES, type NodeType, type RelType } from '../repositories/ids.ts';
import { NodesRepository } from '../repositories/nodes.ts';
import { SEARCHABLE, SearchRepository } from '../repositories/search.ts';
import { csv, errors, gEdge, gNode, idParams } from '../schemas/graph.ts';

const searchQuery = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(200),
  types: csv.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
const searchResult = z.object({ id: z.string(), type: z.string(), label: z.string(), score: z.number(), detail: z.string().optional() });
const neighborsQuery = z.object({ rel: csv.optional(), limit: z.coerce.number().int().min(1).max(200).default(25) });

export async function exploreRoutes(api: FastifyInstance, deps: Deps): Promise<void> {
  const search = new SearchRepository(deps.db);
  const nodes = new NodesRepository(deps.db);
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/search', { schema: { tags: ['explore'], querystring: searchQuery, response: { 200: z.object({ results: z.array(searchResult) }), ...errors } } }, async (req) => {
    const types = req.query.types ?? SEARCHABLE;
    const bad = types.find((t) => !SEARCHABLE.includes(t as NodeType));
    if (bad) throw new BadParameterError('types', `unknown type "${bad}" (use ${SEARCHABLE.join(', ')})`);
    return { results: await search.search(req.query.q, types as NodeType[], req.query.limit) };
  });

  r.get('/nodes/:id', { schema: { tags: ['explore'], params: idParams, response: { 200: z.looseObject({ node: gNode, degrees: z.record(z.string(), z.number()) }), ...errors } } }, async (req) => {
    return { ...(await nodes.details(parseId(req.params.id))) };
  });

  r.get('/nodes/:id/neighbors', {
    schema: { tags: ['explore'], params: idParams, querystring: neighborsQuery, response: { 200: z.object({ nodes: z.array(gNode), edges: z.array(gEdge), truncated: z.boolean(), more: z.record(z.string(), z.number()) }), ...errors } },
  }, async (req) => {
    const rels = (req.query.rel ?? REL_TYPES.filter((t) => t !== 'FROM_SOURCE')).map((t) => t.toUpperCase());
    const bad = rels.find((t) => !REL_TYPES.includes(t as RelType));
    if (bad) throw new BadParameterError('rel', `unknown relationship type "${bad}" (use ${REL_TYPES.join(', ')})`);
    return nodes.neighbors(parseId(req.params.id), rels as RelType[], req.query.limit);
  });

  r.get('/nodes/:id/papers', {
    schema: {
      tags: ['explore'],
      description: 'Ids of the papers a node stands for (its papers; a topic with its subtopics), for filtering the canvas.',
      params: idParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(20_000).default(5000) }),
      response: { 200: z.object({ ids: z.array(z.string()), total: z.number() }), ...errors },
    },
  }, async (req) => nodes.paperIds(parseId(req.params.id), req.query.limit));
}
