// /api/health and /api/stats on a real Neo4j loaded with the seed corpus; unknown routes answer problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ensureCorpus, testApp } from '../support/app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  await ensureCorpus('seeds');
  app = await testApp();
});
afterAll(async () => app?.close());

describe('GET /api/health', () => {
  it('reports the database up and the seed corpus counts', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.database.up).toBe(true);
    expect(body.database.version).toMatch(/^5\.26\./);
    expect(body.counts.papers).toBe(287);
    expect(body.counts.authors).toBe(119);
    expect(body.counts.tags).toBe(19);
    expect(body.counts.sources).toBe(5);
  });
});

describe('GET /api/stats', () => {
  it('counts labels and relationship types', async () => {
    const body = (await app.inject('/api/stats')).json();
    expect(body.labels.Paper).toBe(287);
    expect(body.relationships.FROM_SOURCE).toBeGreaterThanOrEqual(287);
    expect(body.topTags[0]).toMatchObject({ id: expect.any(String), papers: expect.any(Number) });
    expect(body.topTopics.length).toBeGreaterThan(0);
    expect(body.propertyKeys).toEqual(expect.arrayContaining(['id', 'title', 'arxivId', 'weight', 'score', 'terms']));
  });
});

describe('unknown routes', () => {
  it('answer 404 problem+json without a stack trace', async () => {
    const res = await app.inject('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(res.body).not.toContain(' at ');
  });
});
