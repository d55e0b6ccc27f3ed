// Co-authors, topics and paths on the seed corpus, with exact answers where the data fixes them (related work:
// related.int.test.ts).
import { describe, expect, it } from 'vitest';
import { seedsApp } from '../support/app.ts';
import neo4j from 'neo4j-driver';
import { egoQuery } from '../../server/repositories/coauthors.ts';
import { DATABASE, testDriver } from '../support/db.ts';
import { HUB_DEGREE, hubsMarkedFor, markHubs } from '../../neo4j/hubs.ts';
import { GraphDb } from '../../server/repositories/graphdb.ts';
import { parseId } from '../../server/repositories/ids.ts';
import { dateOfMonths } from '../../loader/analyse/topic-months.ts';
import { PathsRepository } from '../../server/repositories/paths.ts';

const { get } = seedsApp();
const enc = encodeURIComponent;

describe('GET /api/authors/:id/coauthors', () => {
  it('gives the ego network of an author with weights, communities and the papers behind each edge', async () => {
    const g = await get(`/api/authors/${enc('author:eunho yang')}/coauthors?depth=1`);
    expect(g.nodes.map((n: { label: string }) => n.label)).toEqual(['Eunho Yang', 'Chanjae Park', 'Hyun Ryu', 'jadohu', 'yjyjyj98']);
    expect(g.edges).toHaveLength(10);
    const edge = g.edges.find((e: { source: string; target: string }) => e.source === 'author:chanjae park' && e.target === 'author:eunho yang');
    expect(edge.props).toEqual({ weight: 1 });
    // the papers behind an edge are asked for separately, either way round
    const pair = { weight: 1, papers: [{ id: 'paper:arxiv:2505.17225', title: 'Reasoning Model is Stubborn: Diagnosing Instruction Overriding in Reasoning Models', date: '2025-05-26' }] };
    expect(await get(`/api/authors/${enc('author:chanjae park')}/coauthors/${enc('author:eunho yang')}`)).toEqual({ a: 'author:chanjae park', b: 'author:eunho yang', ...pair });
    expect(await get(`/api/authors/${enc('author:eunho yang')}/coauthors/${enc('author:chanjae park')}`)).toMatchObject(pair);
    const communities = new Set(g.nodes.map((n: { props: { community: number } }) => n.props.community));
    expect(communities.size).toBe(1);
    expect(g.nodes[0].props.communityName).toMatch(/ · /);
  });

  it('keeps at most `limit` authors, the strongest co-authors first, and says when it left some out', async () => {
    const all = await get(`/api/authors/${enc('author:eunho yang')}/coauthors?depth=1`);
    expect(all.truncated).toBe(false);
    const capped = await get(`/api/authors/${enc('author:eunho yang')}/coauthors?depth=1&limit=3`);
    expect(capped.nodes).toHaveLength(3);
    expect(capped.truncated).toBe(true);
    expect(capped.nodes[0].label).toBe('Eunho Yang');
    const keptIds = new Set(capped.nodes.map((n: { id: string }) => n.id));
    for (const e of capped.edges) expect(keptIds.has(e.source) && keptIds.has(e.target)).toBe(true);
    const deeper = await get(`/api/authors/${enc('author:eunho yang')}/coauthors?depth=2`);
    expect(deeper.nodes.slice(0, all.nodes.length).map((n: { label: string }) => n.label)).toEqual(all.nodes.map((n: { label: string }) => n.label));
    for (const n of deeper.nodes) expect([0, 1, 2]).toContain(n.props.hop);
  });

  it('minWeight keeps only pairs with at least that many joint papers, at every hop', async () => {
    const driver = testDriver();
    const res = await driver.executeQuery(
      `MATCH (a:Author)-[r:COAUTHORED_WITH]-() WITH a, sum(r.weight) AS w, count(*) AS n ORDER BY w - n DESC, n DESC, a.id LIMIT 1
       RETURN a.id AS id, COLLECT { MATCH (a)-[r:COAUTHORED_WITH]-(b) WHERE r.weight >= 2 RETURN b.id ORDER BY b.id } AS strong`,
      {},
      { database: DATABASE },
    );
    const id = res.records[0]!.get('id') as string;
    const strong = res.records[0]!.get('strong') as string[];
    const g = await get(`/api/authors/${enc(`author:${id}`)}/coauthors?depth=2&minWeight=2`);
    for (const e of g.edges) expect(e.props.weight).toBeGreaterThanOrEqual(2);
    const hop1 = g.nodes.filter((n: { props: { hop: number } }) => n.props.hop === 1).map((n: { id: string }) => n.id.slice('author:'.length)).sort();
    expect(hop1).toEqual(strong);
    const all = await get(`/api/authors/${enc(`author:${id}`)}/coauthors?depth=2`);
    expect(all.nodes.length).toBeGreaterThan(g.nodes.length);
    expect(all.edges.some((e: { props: { weight: number } }) => e.props.weight === 1)).toBe(true);
    // The filtered form of the query (used when minWeight > 1) gives the same network as the unfiltered one at 1.
    const filtered = await driver.executeQuery(egoQuery(2, true), { key: id, minWeight: neo4j.int(1), limit: neo4j.int(150) }, { database: DATABASE });
    const row = filtered.records[0]!;
    expect((row.get('edges') as unknown[]).length).toBe(all.edges.length);
    expect((row.get('hopSizes') as unknown[]).map(Number)).toEqual([0, 1, 2].map((h) => all.nodes.filter((n: { props: { hop: number } }) => n.props.hop === h).length));
  });

  it('gives the papers behind a co-author pair, weight 0 for authors who never wrote together, 404 for unknown ones', async () => {
    const body = await get(`/api/authors/${enc('author:eunho yang')}/coauthors/${enc('author:jadohu')}`);
    expect(body.weight).toBe(body.papers.length);
    expect(body.weight).toBeGreaterThan(0);
    const apart = await get(`/api/authors/${enc('author:eunho yang')}/coauthors/${enc('author:sergey levine')}`);
    if (apart.status !== 404) expect(apart).toMatchObject({ weight: 0, papers: [] });
    expect(await get(`/api/authors/${enc('author:eunho yang')}/coauthors/${enc('author:nobody here')}`)).toMatchObject({ status: 404 });
    expect(await get(`/api/authors/${enc('author:eunho yang')}/coauthors/${enc('paper:arxiv:2505.17225')}`)).toMatchObject({ status: 400, param: 'other' });
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

  it('dates each topic by the mean date of its papers, as an aggregation over the graph gives it', async () => {
    const body = await get('/api/topics');
    const res = await testDriver().executeQuery(
      `MATCH (t:Topic)
       OPTIONAL MATCH (p:Paper)-[:IN_TOPIC {primary: true}]->(f:Topic) WHERE p.month IS NOT NULL AND (f = t OR (f)-[:SUBTOPIC_OF]->(t))
       RETURN t.id AS id, collect(p.month) AS months`,
      {},
      { database: DATABASE },
    );
    // each paper at the middle of its month
    const expected = new Map(
      res.records.map((r) => {
        const xs = (r.get('months') as string[]).map((m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + 0.5);
        return [`topic:${r.get('id')}`, { meanDate: xs.length ? dateOfMonths(xs.reduce((a, b) => a + b, 0) / xs.length) : null, dated: xs.length }];
      }),
    );
    for (const t of body.topics as { id: string; meanDate: string | null; dated: number }[]) expect({ meanDate: t.meanDate, dated: t.dated }, t.id).toEqual(expected.get(t.id));
    // the 25 seed papers with a month are all from 2025-05: every dated topic sits in its middle
    const dated = (body.topics as { meanDate: string | null; dated: number; level: number }[]).filter((t) => t.dated > 0);
    expect(dated.length).toBeGreaterThan(0);
    expect(new Set(dated.map((t) => t.meanDate))).toEqual(new Set(['2025-05-16']));
    expect(dated.filter((t) => t.level === 1).reduce((s, t) => s + t.dated, 0)).toBe(25);
  });

  it('links topics by the SIMILAR_TO relationships between their papers, as an aggregation over the graph gives them', async () => {
    const body = await get('/api/topics');
    const driver = testDriver();
    const agg = async (query: string) =>
      (await driver.executeQuery(query, {}, { database: DATABASE })).records.map((r) => ({ key: `${r.get('a')}|${r.get('b')}|${Number(r.get('similar'))}`, weight: Number(r.get('strength')) }));
    const fine = await agg(
      `MATCH (a:Topic)<-[:IN_TOPIC {primary: true}]-(:Paper)-[s:SIMILAR_TO]-(:Paper)-[:IN_TOPIC {primary: true}]->(b:Topic)
       WHERE a.id < b.id RETURN a.id AS a, b.id AS b, count(DISTINCT s) AS similar, sum(s.score) AS strength`,
    );
    const coarse = await agg(
      `MATCH (a:Topic)<-[:SUBTOPIC_OF]-(:Topic)<-[:IN_TOPIC {primary: true}]-(:Paper)-[s:SIMILAR_TO]-(:Paper)-[:IN_TOPIC {primary: true}]->(:Topic)-[:SUBTOPIC_OF]->(b:Topic)
       WHERE a.id < b.id RETURN a.id AS a, b.id AS b, count(DISTINCT s) AS similar, sum(s.score) AS strength`,
    );
    expect(fine.length).toBeGreaterThan(0);
    expect(coarse.length).toBeGreaterThan(0);
    expect(fine.length).toBeLessThanOrEqual(400); // the seeds keep every fine link
    const served = new Map<string, number>(body.links.map((l: { source: string; target: string; similar: number; weight: number }) => [`${l.source.slice(6)}|${l.target.slice(6)}|${l.similar}`, l.weight]));
    expect([...served.keys()].sort()).toEqual([...fine, ...coarse].map((x) => x.key).sort());
    for (const x of [...fine, ...coarse]) expect(Math.abs(served.get(x.key)! - x.weight)).toBeLessThan(0.001);
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

  it('does not cross hubs: interior nodes have at most maxDegree relationships, the two ends may have more', async () => {
    const topics = await get('/api/topics');
    const routing = topics.topics.find((t: { label: string }) => t.label === 'MoE routing');
    const topic = await get(`/api/topics/${enc(routing.id)}`);
    const [a, b] = [topic.papers[0].id, topic.papers[1].id];
    type Answer = { paths: { steps: { from: { id: string }; to: { id: string } }[] }[]; maxDegree: number };
    const interiors = (ans: Answer) => [...new Set(ans.paths.flatMap((p) => p.steps.slice(1).map((s) => s.from.id)))];
    const degrees = async (ids: string[]) => {
      const rows = await testDriver().executeQuery(
        `UNWIND $ids AS gid MATCH (n) WHERE n.id = substring(gid, size(split(gid, ':')[0]) + 1) AND toLower(labels(n)[0]) = split(gid, ':')[0]
         RETURN gid, COUNT { (n)--() } AS degree`,
        { ids },
        { database: DATABASE },
      );
      return new Map(rows.records.map((r) => [r.get('gid') as string, Number(r.get('degree'))]));
    };
    const wide: Answer = await get(`/api/paths?from=${enc(a)}&to=${enc(b)}&maxHops=3&k=5&maxDegree=100000`);
    const wideDegrees = await degrees(interiors(wide));
    expect(wideDegrees.size).toBe(interiors(wide).length);
    const hub = Math.max(...wideDegrees.values());
    expect(hub).toBeGreaterThan(5);
    const narrow: Answer = await get(`/api/paths?from=${enc(a)}&to=${enc(b)}&maxHops=3&k=5&maxDegree=${hub - 1}`);
    expect(narrow.maxDegree).toBe(hub - 1);
    for (const [id, d] of await degrees(interiors(narrow))) expect(d, id).toBeLessThan(hub);
    // the ends themselves may be hubs: a topic reaches its own papers with any maxDegree
    const fromHub: Answer = await get(`/api/paths?from=${enc(routing.id)}&to=${enc(a)}&maxHops=1&k=1&maxDegree=1`);
    expect(fromHub.paths).toHaveLength(1);
  });

  it('skips hubs by their Hub label when the labels stand for the requested maxDegree, with the same paths as counting', async () => {
    const driver = testDriver();
    const count = async (q: string, params = {}) => Number((await driver.executeQuery(q, params, { database: DATABASE })).records[0]!.get('c'));
    // the seed load labelled the hubs for the default threshold
    expect(await hubsMarkedFor(driver, DATABASE)).toBe(HUB_DEGREE);
    const topics = await get('/api/topics');
    const routing = topics.topics.find((t: { label: string }) => t.label === 'MoE routing');
    const topic = await get(`/api/topics/${enc(routing.id)}`);
    const [a, b] = [parseId(topic.papers[0].id), parseId(topic.papers[2].id)];
    const fresh = () => new PathsRepository(new GraphDb(driver, DATABASE, 30_000));
    const show = (ans: Awaited<ReturnType<PathsRepository['paths']>>) => ans.paths.map((p) => p.steps.map((s) => `${s.from.id} -${s.rel}-> ${s.to.id}`).join(' | '));
    const threshold = 40;
    try {
      const counted = await fresh().paths(a, b, 3, 5, threshold); // labels stand for HUB_DEGREE: counts
      expect(counted.paths.length).toBeGreaterThan(0);
      const marked = await markHubs(driver, DATABASE, threshold);
      expect(marked.hubs).toBeGreaterThan(0);
      // exactly the nodes with more than `threshold` relationships carry the label
      expect(await count('MATCH (n) WHERE (COUNT { (n)--() } > $t) <> n:Hub RETURN count(n) AS c', { t: threshold })).toBe(0);
      expect(await count('MATCH (n:Hub) RETURN count(n) AS c')).toBe(marked.hubs);
      const repo = fresh();
      expect(await repo.hubThreshold()).toBe(threshold);
      expect(show(await repo.paths(a, b, 3, 5, threshold))).toEqual(show(counted));
      // the label is what the search looks at: label an interior node of the first path and the path goes
      const via = counted.paths.find((p) => p.steps.length >= 2);
      expect(via, 'a path with an interior node').toBeDefined();
      const interior = via!.steps[0]!.to;
      const { label, key } = parseId(interior.id);
      await driver.executeQuery(`MATCH (n:${label} {id: $key}) SET n:Hub`, { key }, { database: DATABASE });
      const avoided = await fresh().paths(a, b, 3, 5, threshold);
      expect(avoided.paths.flatMap((p) => p.steps.slice(1).map((s) => s.from.id))).not.toContain(interior.id);
      // re-marking takes the label off again (its degree is within the threshold)
      expect((await markHubs(driver, DATABASE, threshold)).removed).toBe(1);
    } finally {
      await markHubs(driver, DATABASE);
    }
    expect(await hubsMarkedFor(driver, DATABASE)).toBe(HUB_DEGREE);
    expect(await count('MATCH (n) WHERE (COUNT { (n)--() } > $t) <> n:Hub RETURN count(n) AS c', { t: HUB_DEGREE })).toBe(0);
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

