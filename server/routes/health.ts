// GET /api/health (database up, sample corpus counts) and GET /api/stats (counts, top tags/topics).
// Health answers 200 with status 'degraded' while the database is down, so monitors can read it.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../app.ts';
import { StatsRepository } from '../repositories/stats.ts';

const counts = z.object({
  papers: z.number(), authors: z.number(), topics: z.number(), repos: z.number(),
  resources: z.number(), tags: z.number(), sources: z.number(),
});

const health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ up: z.boolean(), uri: z.string(), version: z.string().optional() }),
  counts: counts.nullable(),
  /** The in-memory co-author graph: ready (with its size), building, waiting (for analytics) or off. */
  coauthorProjection: z.object({
    state: z.enum(['off', 'building', 'waiting', 'ready']),
    reason: z.string().optional(),
    since: z.string().optional(),
    authors: z.number().optional(),
    pairs: z.number().optional(),
    megabytes: z.number().optional(),
    buildMs: z.number().optional(),
    stamp: z.string().optional(),
  }),
});

const stats = z.object({
  labels: z.record(z.string(), z.number()),
  relationships: z.record(z.string(), z.number()),
  topTags: z.array(z.object({ id: z.string(), name: z.string(), papers: z.number() })),
  topTopics: z.array(z.object({ id: z.string(), label: z.string(), size: z.number(), level: z.number() })),
  propertyKeys: z.array(z.string()),
});

export async function healthRoutes(api: FastifyInstance, deps: Deps): Promise<void> {
  const repo = new StatsRepository(deps.db);
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get('/health', { schema: { tags: ['meta'], response: { 200: health } } }, async () => {
    try {
      const [c, version] = await Promise.all([repo.counts(), repo.neo4jVersion()]);
      return { status: 'ok' as const, database: { up: true, uri: deps.dbUri, ...(version ? { version } : {}) }, counts: c, coauthorProjection: deps.coauthorProjection.status() };
    } catch {
      return { status: 'degraded' as const, database: { up: false, uri: deps.dbUri }, counts: null, coauthorProjection: deps.coauthorProjection.status() };
    }
  });
  r.get('/stats', { schema: { tags: ['meta'], response: { 200: stats } } }, async () => {
    const [labels, relationships, topTags, topTopics, propertyKeys] = await Promise.all([
      repo.labelCounts(), repo.relationshipCounts(), repo.topTags(), repo.topTopics(), repo.propertyKeys(),
    ]);
    return { labels, relationships, topTags, topTopics, propertyKeys };
  });
  r.get('/ping', { schema: { tags: ['meta'], hide: true } }, async () => {
    await deps.db.read('RETURN 1 AS ok');
    return { ok: true };
  });
}
