// Every shipped saved query runs on the seed corpus with its defaults and gives a correct, non-empty answer;
// the CLI gives the same rows as the API; parameters are validated with the parameter named.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ensureCorpus, ROOT, testApp } from '../support/app.ts';
import { testUri } from '../support/db.ts';

let app: FastifyInstance;
beforeAll(async () => {
  await ensureCorpus('seeds');
  app = await testApp();
});
afterAll(async () => app?.close());

async function run(name: string, params: Record<string, unknown> = {}) {
  const res = await app.inject({ method: 'POST', url: `/api/queries/${name}/run`, payload: { params } });
  return { status: res.statusCode, body: res.json() };
}

describe('the saved-query library', () => {
  it('lists at least 12 queries with parsed metadata', async () => {
    const body = (await app.inject('/api/queries')).json();
    expect(body.queries.length).toBeGreaterThanOrEqual(12);
    const coauthors = body.queries.find((q: { name: string }) => q.name === 'coauthors-of');
    expect(coauthors).toMatchObject({ title: 'Co-authors of an author', view: 'graph', layout: 'cola', user: false });
    expect(coauthors.params).toEqual([
      { name: 'author', type: 'node', default: 'eunho yang', description: 'The author at the centre', label: 'author' },
      { name: 'depth', type: 'int', default: 2, description: 'How many co-author hops to follow (1–3)' },
    ]);
  });

  const expectations: Record<string, (b: { columns: string[]; rows: unknown[][]; graph: { nodes: { id: string; type: string }[]; edges: { type: string }[] } }) => void> = {
    'coauthors-of': (b) => {
      expect(b.graph.nodes.map((n) => n.id).sort()).toEqual(['author:chanjae park', 'author:eunho yang', 'author:hyun ryu', 'author:jadohu', 'author:yjyjyj98']);
      expect(b.graph.edges.every((e) => e.type === 'COAUTHORED_WITH')).toBe(true);
    },
    'most-collaborative-authors': (b) => {
      expect(b.columns).toEqual(['author', 'coauthors', 'sharedPapers', 'community']);
      expect(Number(b.rows[0]![1])).toBeGreaterThanOrEqual(Number(b.rows[b.rows.length - 1]![1]));
    },
    'topic-papers-by-month': (b) => {
      expect(b.columns).toEqual(['month', 'papers', 'examples']);
      expect(b.rows.reduce((s, r) => s + Number(r[1]), 0)).toBeGreaterThan(10);
    },
    'related-work': (b) => {
      expect(b.graph.nodes.map((n) => n.id)).toContain('paper:arxiv:2505.16056');
      expect(b.graph.edges).toHaveLength(10);
    },
    'topic-bridges': (b) => expect(b.graph.nodes.filter((n) => n.type === 'topic')).toHaveLength(2),
    'papers-with-code-in-topic': (b) => expect(b.graph.nodes.some((n) => n.type === 'repo')).toBe(true),
    'authors-in-several-topics': (b) => expect(b.rows.every((r) => Number(r[1]) >= 2)).toBe(true),
    'fastest-growing-topics': (b) => expect(b.columns).toEqual(['topic', 'level', 'month', 'recent', 'earlier', 'growth']),
    'shortest-path-authors': (b) => expect(b.graph.edges).toEqual([expect.objectContaining({ type: 'COAUTHORED_WITH' })]),
    'papers-sharing-repo-owner': (b) => expect(b.graph.nodes.some((n) => n.type === 'repo')).toBe(true),
    'similar-no-shared-authors': (b) => expect(b.columns).toEqual(['paper', 'similar', 'score', 'sharedTerms']),
    'tag-topic-matrix': (b) => expect(b.columns).toEqual(['tag', 'topic', 'papers']),
    'papers-by-tag': (b) => expect(b.graph.nodes.find((n) => n.type === 'tag')?.id).toBe('tag:natural language processing'),
    'author-profile': (b) => expect(b.graph.nodes.map((n) => n.id)).toContain('paper:arxiv:2505.17225'),
  };

  for (const [name, check] of Object.entries(expectations)) {
    it(`runs ${name} with its defaults`, async () => {
      const { status, body } = await run(name);
      expect(status, JSON.stringify(body)).toBe(200);
      expect(body.rows.length).toBeGreaterThan(0);
      check(body);
    });
  }

  it('validates parameters against their declared types, naming the parameter', async () => {
    expect((await run('coauthors-of', { depth: 'two' })).body).toMatchObject({ status: 400, code: 'BAD_PARAMETER', param: 'params.depth' });
    expect((await run('coauthors-of', { planet: 'mars' })).body).toMatchObject({ status: 400, param: 'params.planet' });
    expect((await run('no-such-query')).status).toBe(404);
  });

  it('accepts the API id of a node parameter', async () => {
    const { body } = await run('coauthors-of', { author: 'author:eunho yang', depth: 1 });
    expect(body.graph.nodes).toHaveLength(5);
  });

  it('gives the same rows from the CLI as from the API', async () => {
    const api = (await run('most-collaborative-authors', { limit: 5 })).body;
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'cypher/cli.ts'), 'most-collaborative-authors', '--param', 'limit=5', '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: testUri() },
      encoding: 'utf8',
    });
    const cli = JSON.parse(out) as Record<string, unknown>[];
    expect(cli.map((r) => api.columns.map((c: string) => r[c]))).toEqual(api.rows);
  });
});
