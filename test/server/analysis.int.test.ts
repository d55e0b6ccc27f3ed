// Co-authors, topics, related work and paths on the seed corpus, with exact answers where the data fixes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ensureCorpus, testApp } from '../support/app.ts';
import { DATABASE, testDriver } from '../support/db.ts';

let app: FastifyInstance;
beforeAll(async () => {
  await ensureCorpus('seeds');
  app = await testApp();
});
afterAll(async () => app?.close());
const get = async (url: string) => (await app.inject(url)).json();
const enc = encodeURIComponent;

describe('GET /api/authors/:id/coauthors', () => {
  it('gives the ego network of an author with weights, communities and the papers behind each edge', async () => {
    const g = await get(`/api/authors/${enc('author:eunho yang')}/coauthors?depth=1`);
    expect(g.nodes.map((n: { label: string }) => n.label)).toEqual(['Eunho Yang', 'Chanjae Park', 'Hyun Ryu', 'jadohu', 'yjyjyj98']);
    expect(g.edges).toHaveLength(10);
    const edge = g.edges.find((e: { source: string; target: string }) => e.source === 'author:chanjae park' && e.target === 'author:eunho yang');
    expect(edge.props).toEqual({ weight: 1, papers: [{ id: 'paper:arxiv:2505.17225', title: 'Reasoning Model is Stubborn: Diagnosing Instruction Overriding in Reasoning Models' }] });
    const communities = new Set(g.nodes.map((n: { props: { community: number } }) => n.props.community));
    expect(communities.size).toBe(1);
    expect(g.nodes[0].props.communityName).toMatch(/ · /);
  });

  it('validates depth and the id type', async () => {
    expect(await get(`/api/authors/${enc('author:eunho yang')}/coauthors?depth=4`)).toMatchObject({ status: 400, param: 'depth' });
    expect(await get(`/api/authors/${enc('paper:arxiv:2505.17225')}/coauthors`)).toMatchObject({ status: 400, param: 'id' });
    expect(await get(`/api/authors/${enc('author:nobody here')}/coauthors`)).toMatchObject({ status: 404 });
  });
});

describe('GET /api/topics', () => {
  it('returns a two-level labelled topic map whose sizes add up', async () => {
    const body = await get('/api/topics');
    const coarse = body.topics.filter((t: { level: number }) => t.level === 0);
    const fine = body.topics.filter((t: { level: number }) => t.level === 1);
    expect(coarse.length).toBeGreaterThanOrEqual(3);
    expect(fine.length).toBeGreaterThan(coarse.length);
    expect(fine.reduce((s: number, t: { size: number }) => s + t.size, 0)).toBe(287);
    for (const t of body.topics) {
      expect(t.label).toMatch(/^[A-Za-z]/);
      expect(t.label).not.toMatch(/cluster \d/i);
    }
    for (const f of fine) expect(coarse.map((c: { id: string }) => c.id)).toContain(f.parent);
    expect(body.topics.find((t: { label: string }) => t.label === 'MoE routing')?.pinned).toBe(true);
    expect(body.links.length).toBeGreaterThan(0);
  });

  it('gives one topic with papers, subtopics, top authors and monthly counts', async () => {
    const map = await get('/api/topics');
    const routing = map.topics.find((t: { label: string }) => t.label === 'MoE routing');
    const body = await get(`/api/topics/${enc(routing.id)}`);
    expect(body.papers).toHaveLength(routing.size === body.papers.length ? routing.size : body.papers.length);
    expect(body.papers.every((p: { primary: boolean }) => p.primary)).toBe(true);
    const parent = await get(`/api/topics/${enc(routing.parent)}`);
    expect(parent.subtopics.map((s: { id: string }) => s.id)).toContain(routing.id);
    expect(Array.isArray(parent.monthly)).toBe(true);
    expect(await get(`/api/topics/${enc('topic:nope')}`)).toMatchObject({ status: 404 });
  });
});

describe('GET /api/papers/:id/related', () => {
  it('ranks related work with reasons, the shared terms of the top match included', async () => {
    const body = await get(`/api/papers/${enc('paper:arxiv:2505.16056')}/related?limit=5`);
    expect(body.paper.title).toMatch(/^Not All Models Suit Expert Offloading/);
    expect(body.related).toHaveLength(5);
    const top = body.related[0];
    expect(top.reasons[0].kind).toBe('terms');
    expect(top.reasons[0].items.join(' ')).toMatch(/offload|cache|expert/);
    const scores = body.related.map((r: { score: number }) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('explains papers related by shared authors', async () => {
    const body = await get(`/api/papers/${enc('paper:arxiv:2505.17225')}/related?limit=50`);
    for (const r of body.related) expect(r.reasons.length).toBeGreaterThan(0);
  });

  it('names the shared fine topic exactly for the related papers that share it, and no others', async () => {
    const key = 'arxiv:2505.16056';
    const res = await app.inject({
      method: 'POST',
      url: '/api/cypher',
      payload: {
        query: `MATCH (p:Paper {id: $key})-[:IN_TOPIC {primary: true}]->(t:Topic)
                RETURN t.label AS label, COLLECT { MATCH (q:Paper)-[:IN_TOPIC {primary: true}]->(t) RETURN q.id } AS members`,
        params: { key },
      },
    });
    const [label, ids] = res.json().rows[0] as [string, string[]];
    const mine = { label };
    const members = new Set(ids);
    const body = await get(`/api/papers/${enc(`paper:${key}`)}/related?limit=50`);
    let withTopic = 0;
    for (const r of body.related as { id: string; reasons: { kind: string; items: string[] }[] }[]) {
      const topic = r.reasons.find((x) => x.kind === 'topic');
      expect(!!topic, r.id).toBe(members.has(r.id.replace(/^paper:/, '')));
      if (topic) {
        withTopic++;
        expect(topic.items).toEqual([mine!.label]);
      }
    }
    expect(withTopic).toBeGreaterThan(0);
  });
});

describe('GET /api/paths', () => {
  it('finds a labelled path between two papers of the same topic', async () => {
    const topics = await get('/api/topics');
    const routing = topics.topics.find((t: { label: string }) => t.label === 'MoE routing');
    const topic = await get(`/api/topics/${enc(routing.id)}`);
    const [a, b] = [topic.papers[0].id, topic.papers[1].id];
    const body = await get(`/api/paths?from=${enc(a)}&to=${enc(b)}&maxHops=2&k=3`);
    expect(body.paths.length).toBeGreaterThan(0);
    const first = body.paths[0];
    expect(first.steps[0].from.id).toBe(a);
    expect(first.steps[first.steps.length - 1].to.id).toBe(b);
    for (const s of first.steps) expect(s.why.length).toBeGreaterThan(3);
  });

  it('connects two co-authors directly', async () => {
    const body = await get(`/api/paths?from=${enc('author:eunho yang')}&to=${enc('author:jadohu')}&maxHops=2&k=1`);
    expect(body.paths[0].steps).toHaveLength(1);
    expect(body.paths[0].steps[0]).toMatchObject({ rel: 'COAUTHORED_WITH', why: 'co-authored 1 paper' });
  });

  it('validates its parameters', async () => {
    expect(await get(`/api/paths?from=${enc('author:eunho yang')}&to=${enc('author:jadohu')}&maxHops=9`)).toMatchObject({ status: 400, param: 'maxHops' });
    expect(await get(`/api/paths?from=x&to=${enc('author:jadohu')}`)).toMatchObject({ status: 400, param: 'from' });
    expect(await get(`/api/paths?from=${enc('author:nobody')}&to=${enc('author:jadohu')}`)).toMatchObject({ status: 404 });
  });
});

describe('topic map cache', () => {
  const run = (q: string, p: Record<string, unknown> = {}) => testDriver().executeQuery(q, p, { database: DATABASE });

  it('serves the cached map while the analytics are unchanged and recomputes once the loader stamps new ones', async () => {
    const first = await get('/api/topics');
    const topic = first.topics.find((t: { level: number }) => t.level === 1);
    const key = topic.id.replace(/^topic:/, '');
    try {
      // A change the loader did not stamp is not seen (the map is cached per analytics version)…
      await run('MATCH (t:Topic {id: $key}) SET t.label = $label', { key, label: 'Renamed for the cache test' });
      expect((await get('/api/topics')).topics.find((t: { id: string }) => t.id === topic.id).label).toBe(topic.label);
      // …and a new analytics stamp (what every load that rewrites analytics leaves) makes it recompute.
      await run("MATCH (m:Meta {id: 'analysis'}) SET m.updatedAt = datetime()");
      expect((await get('/api/topics')).topics.find((t: { id: string }) => t.id === topic.id).label).toBe('Renamed for the cache test');
      // While analytics are being rewritten (stale), nothing is cached.
      await run("MATCH (m:Meta {id: 'analysis'}) SET m.stale = true");
      await run('MATCH (t:Topic {id: $key}) SET t.label = $label', { key, label: 'Renamed while stale' });
      expect((await get('/api/topics')).topics.find((t: { id: string }) => t.id === topic.id).label).toBe('Renamed while stale');
    } finally {
      await run('MATCH (t:Topic {id: $key}) SET t.label = $label', { key, label: topic.label });
      await run("MATCH (m:Meta {id: 'analysis'}) SET m.stale = false, m.updatedAt = datetime()");
    }
    expect((await get('/api/topics')).topics.find((t: { id: string }) => t.id === topic.id).label).toBe(topic.label);
  });
});

