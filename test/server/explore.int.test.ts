// Explore endpoints on the seed corpus: search, node details, neighbours, and every 4xx with its problem code.
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
const get = (url: string) => app.inject(url);
const enc = encodeURIComponent;

describe('GET /api/search', () => {
  it('finds the expert-offloading paper first among papers for "offloading"', async () => {
    const body = (await get('/api/search?q=offloading&types=paper')).json();
    expect(body.results[0].id).toBe('paper:arxiv:2505.16056');
    expect(body.results[0].label).toMatch(/^Not All Models Suit Expert Offloading/);
  });

  it('is prefix and typo tolerant and ranks an exact author name first', async () => {
    const prefix = (await get('/api/search?q=offload&types=paper')).json();
    expect(prefix.results.map((r: { id: string }) => r.id)).toContain('paper:arxiv:2505.16056');
    const typo = (await get('/api/search?q=offlaoding&types=paper')).json();
    expect(typo.results.map((r: { id: string }) => r.id)).toContain('paper:arxiv:2505.16056');
    const author = (await get('/api/search?q=Eunho%20Yang')).json();
    expect(author.results[0]).toMatchObject({ id: 'author:eunho yang', type: 'author', label: 'Eunho Yang' });
  });

  it('survives Lucene syntax in the query', async () => {
    const res = await get(`/api/search?q=${enc('title:(a OR "b') + '~~ \\'}`);
    expect(res.statusCode).toBe(200);
  });

  it('names the bad parameter', async () => {
    expect((await get('/api/search?q=')).json()).toMatchObject({ status: 400, code: 'BAD_PARAMETER', param: 'q' });
    expect((await get('/api/search?q=x&limit=500')).json()).toMatchObject({ status: 400, param: 'limit' });
    expect((await get('/api/search?q=x&types=planet')).json()).toMatchObject({ status: 400, param: 'types' });
  });
});

describe('GET /api/nodes/:id', () => {
  it('opens papers whose id is long (keyed by a long title): node, neighbours and related work', async () => {
    const res = await testDriver().executeQuery('MATCH (p:Paper) WHERE size(p.id) > 100 RETURN p.id AS id ORDER BY id', {}, { database: DATABASE });
    const ids = res.records.map((r) => `paper:${String(r.get('id'))}`);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      for (const url of [`/api/nodes/${enc(id)}`, `/api/nodes/${enc(id)}/neighbors`, `/api/papers/${enc(id)}/related`]) {
        const r = await get(url);
        expect(r.statusCode, `${url}: ${r.body.slice(0, 120)}`).toBe(200);
      }
    }
  });

  it('gives a paper with its authors in order, tags, provenance and topics', async () => {
    const body = (await get(`/api/nodes/${enc('paper:arxiv:2505.17225')}`)).json();
    expect(body.node.label).toBe('Reasoning Model is Stubborn: Diagnosing Instruction Overriding in Reasoning Models');
    expect(body.authors.map((a: { name: string }) => a.name)).toEqual(['Eunho Yang', 'Hyun Ryu', 'Chanjae Park', 'yjyjyj98', 'jadohu']);
    expect(body.tags.map((t: { name: string }) => t.name)).toEqual(['Natural Language Processing']);
    expect(body.provenance).toEqual([{ source: 'loader/samples/seeds/000_36a010c349b7d810.txt', line: 7, format: 'digest-md' }]);
    expect(body.topics.filter((t: { primary: boolean }) => t.primary)).toHaveLength(1);
    expect(body.degrees.AUTHORED).toBe(5);
    expect(body.node.props.hash).toBeUndefined();
    // related work's facets are copies of the topics and tags above, not shown as properties
    expect(body.node.props.primaryTopic).toBeUndefined();
    expect(body.node.props.tagIds).toBeUndefined();
    expect(body.node.props.title).toBe(body.node.label);
  });

  it('counts every relationship of a paper by type, as the graph has them, and lists its topics broad first', async () => {
    const id = 'arxiv:2505.16056';
    const body = (await get(`/api/nodes/${enc('paper:' + id)}`)).json();
    const res = await testDriver().executeQuery('MATCH (:Paper {id: $id})-[r]-() RETURN type(r) AS t, count(*) AS c', { id }, { database: DATABASE });
    expect(body.degrees).toEqual(Object.fromEntries(res.records.map((r) => [r.get('t'), Number(r.get('c'))])));
    expect(body.degrees.SIMILAR_TO).toBeGreaterThan(0);
    expect(body.topics.map((t: { level: number }) => t.level)).toEqual([...body.topics.map((t: { level: number }) => t.level)].sort());
    expect(body.topics.length).toBe(body.degrees.IN_TOPIC);
    expect(body.repos).toEqual([{ id: 'repo:https://github.com/ljcleo/moe-lrc', url: 'https://github.com/ljcleo/moe-lrc' }]);
    expect(body.papers).toBeUndefined();
  });

  it('gives an author their papers, newest first, and their relationship counts', async () => {
    const body = (await get(`/api/nodes/${enc('author:eunho yang')}`)).json();
    expect(body.node.label).toBe('Eunho Yang');
    expect(body.papers).toEqual([{ id: 'paper:arxiv:2505.17225', title: 'Reasoning Model is Stubborn: Diagnosing Instruction Overriding in Reasoning Models', date: expect.any(String) }]);
    expect(body.degrees.AUTHORED).toBe(1);
    expect(body.provenance).toEqual([]);
    expect(body.authors).toBeUndefined();
  });

  it('gives a paper its canonical repo', async () => {
    const body = (await get(`/api/nodes/${enc('paper:arxiv:2505.18129')}`)).json();
    expect(body.repos).toEqual([]);
    expect(body.resources).toEqual([{ id: 'resource:https://github.com/minimax-ai', url: 'https://github.com/minimax-ai', kind: 'org' }]);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await get(`/api/nodes/${enc('paper:arxiv:0000.00000')}`)).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await get(`/api/nodes/${enc('planet:mars')}`)).json()).toMatchObject({ status: 400, code: 'BAD_PARAMETER', param: 'id' });
  });
});

describe('GET /api/nodes/:id/neighbors', () => {
  it('expands an author to their papers, with edges pointing the right way', async () => {
    const body = (await get(`/api/nodes/${enc('author:eunho yang')}/neighbors?rel=AUTHORED`)).json();
    expect(body.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['author:eunho yang', 'paper:arxiv:2505.17225']);
    expect(body.edges).toEqual([expect.objectContaining({ type: 'AUTHORED', source: 'author:eunho yang', target: 'paper:arxiv:2505.17225', props: { position: 0 } })]);
    expect(body.truncated).toBe(false);
  });

  it('caps the expansion and counts what it left out', async () => {
    const body = (await get(`/api/nodes/${enc('tag:natural language processing')}/neighbors?rel=TAGGED&limit=2`)).json();
    expect(body.nodes).toHaveLength(3);
    expect(body.truncated).toBe(true);
    expect(body.more.TAGGED).toBeGreaterThan(0);
  });

  it('refuses an unknown relationship type', async () => {
    expect((await get(`/api/nodes/${enc('author:eunho yang')}/neighbors?rel=KNOWS`)).json()).toMatchObject({ status: 400, param: 'rel' });
  });
});

describe('GET /api/nodes/:id/papers', () => {
  const cypher = async (query: string) => (await app.inject({ method: 'POST', url: '/api/cypher', payload: { query } })).json().rows;

  it('gives every paper of a tag, of an author, and of a top-level topic (its subtopics included)', async () => {
    const tag = (await get(`/api/nodes/${enc('tag:natural language processing')}/papers`)).json();
    const tagged = await cypher("MATCH (:Tag {id: 'natural language processing'})<-[:TAGGED]-(p:Paper) RETURN 'paper:' + p.id AS id ORDER BY id");
    expect(tag.ids).toEqual(tagged.map((r: [string]) => r[0]));
    expect(tag.total).toBe(tagged.length);
    expect((await get(`/api/nodes/${enc('author:eunho yang')}/papers`)).json()).toEqual({ ids: ['paper:arxiv:2505.17225'], total: 1 });
    const [[topId, topSize, subs]] = await cypher('MATCH (t:Topic {level: 0})<-[:SUBTOPIC_OF]-(s:Topic) RETURN t.id AS id, t.size AS size, collect(s.id) AS subs ORDER BY size DESC LIMIT 1');
    const topic = (await get(`/api/nodes/${enc('topic:' + topId)}/papers`)).json();
    expect(topic.total).toBe(topSize);
    const sub = (await get(`/api/nodes/${enc('topic:' + subs[0])}/papers`)).json();
    expect(sub.total).toBeGreaterThan(0);
    expect(sub.ids.every((id: string) => topic.ids.includes(id))).toBe(true);
  });

  it('caps the list at limit and answers 404 for an unknown node', async () => {
    const capped = (await get(`/api/nodes/${enc('tag:natural language processing')}/papers?limit=2`)).json();
    expect(capped.ids).toHaveLength(2);
    expect(capped.total).toBeGreaterThan(2);
    expect((await get(`/api/nodes/${enc('tag:no such tag')}/papers`)).json()).toMatchObject({ status: 404 });
  });
});
