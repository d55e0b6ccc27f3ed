// Related work on the seed corpus: reasons, dates, the labelled-fixture check of the ranking the API shows, a short
// list being the head of a long one, and the papers' facets (with the answers a graph without them gets).
import { describe, expect, it } from 'vitest';
import { seedsApp } from '../support/app.ts';
import { DATABASE, testDriver } from '../support/db.ts';
import { readLabelled, relatedCheck } from '../analyse/labelled.ts';
import { seedPapers } from '../analyse/seed-papers.ts';

const { app, get } = seedsApp();
const enc = encodeURIComponent;

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

  it('dates each related paper as the paper itself is dated', async () => {
    // a paper whose related work includes dated papers (most seed papers come from listings without dates or ids)
    const res = await testDriver().executeQuery(
      `MATCH (p:Paper)-[:SIMILAR_TO]-(q:Paper) WHERE q.month IS NOT NULL
       RETURN p.id AS id, count(DISTINCT q) AS dated ORDER BY dated DESC, id LIMIT 1`,
      {},
      { database: DATABASE },
    );
    const key = res.records[0]!.get('id') as string;
    const body = await get(`/api/papers/${enc('paper:' + key)}/related?limit=50`);
    for (const r of body.related as { id: string; date: string | null }[]) {
      const node = await get(`/api/nodes/${enc(r.id)}`);
      expect(r.date, r.id).toBe(node.node.props.date ?? node.node.props.month ?? null);
    }
    expect((body.related as { date: string | null }[]).filter((r) => r.date !== null).length).toBeGreaterThan(0);
    // and the paper itself, dated the same way (2505.16056 is dated 2025-05-26 by its digest)
    const dated = await get(`/api/papers/${enc('paper:arxiv:2505.16056')}/related?limit=1`);
    expect(dated.paper).toEqual({ id: 'paper:arxiv:2505.16056', title: expect.stringMatching(/^Not All Models Suit/), date: '2025-05-26' });
    const self = await get(`/api/nodes/${enc('paper:' + key)}`);
    expect(body.paper.date).toBe(self.node.props.date ?? self.node.props.month ?? null);
  });

  it('on the labelled fixture, the ranking the API shows puts ≥ 3 of the 5 nearest labelled papers in the paper\'s own label for 8 of the 10 test papers', async () => {
    const rows = await relatedCheck(await seedPapers(), readLabelled(), async (id) => {
      const body = await get(`/api/papers/${enc('paper:' + id)}/related?limit=50`);
      return (body.related as { id: string }[]).map((r) => r.id.replace(/^paper:/, ''));
    });
    for (const r of rows) console.log(`API related ${r.same}/${r.compared} same label  [${r.label}] ${r.title.slice(0, 70)}`);
    const passing = rows.filter((r) => r.same >= 3).length;
    console.log(`API ranking: ${passing} of 10 papers have ≥ 3 of 5 related papers with their label`);
    expect(rows).toHaveLength(10);
    expect(passing).toBeGreaterThanOrEqual(8);
  });

  it('gives a related paper the same reasons whatever the limit (the shared topic included when the list is short)', async () => {
    const short = await get(`/api/papers/${enc('paper:arxiv:2505.16056')}/related?limit=5`);
    const long = await get(`/api/papers/${enc('paper:arxiv:2505.16056')}/related?limit=50`);
    const full = new Map((long.related as { id: string; reasons: unknown[] }[]).map((r) => [r.id, r.reasons]));
    for (const r of short.related as { id: string; reasons: unknown[] }[]) expect(r.reasons, r.id).toEqual(full.get(r.id));
    expect(short.related[0].reasons.find((x: { kind: string }) => x.kind === 'topic')?.items).toEqual(['Expert offloading']);
  });

  it('a short list is the head of a long one, for every paper with related work (topic and tags are only checked where they can change the top)', async () => {
    const res = await app().inject({ method: 'POST', url: '/api/cypher', payload: { query: 'MATCH (p:Paper) WHERE EXISTS { (p)-[:SIMILAR_TO]-() } RETURN p.id AS id ORDER BY id LIMIT 60' } });
    const ids = (res.json().rows as [string][]).map((r) => r[0]);
    expect(ids.length).toBe(60);
    for (const key of ids) {
      const body = await get(`/api/papers/${enc("paper:" + key)}/related?limit=40`);
      expect(body.related, JSON.stringify(body)).toBeDefined();
      const long = body.related;
      for (const limit of [1, 3, 10]) {
        const short = (await get(`/api/papers/${enc('paper:' + key)}/related?limit=${limit}`)).related;
        expect(short, `${key} at limit ${limit}`).toEqual(long.slice(0, limit));
      }
    }
  }, 60_000);

  it("gives every paper its facets: copies of its primary topic's id and its tags' ids (in id order)", async () => {
    const res = await testDriver().executeQuery(
      `MATCH (p:Paper)
       RETURN p.id AS id, p.primaryTopic AS primaryTopic, p.tagIds AS tagIds,
              COLLECT { MATCH (p)-[:IN_TOPIC {primary: true}]->(t:Topic) RETURN t.id } AS primary,
              COLLECT { MATCH (p)-[:TAGGED]->(g:Tag) RETURN g.id ORDER BY g.id } AS tags`,
      {},
      { database: DATABASE },
    );
    expect(res.records.length).toBe(287);
    for (const r of res.records) {
      expect(r.get('tagIds'), r.get('id')).toEqual(r.get('tags'));
      expect(r.get('primaryTopic'), r.get('id')).toBe(r.get('primary')[0] ?? null);
    }
    expect(res.records.filter((r) => r.get('tagIds').length > 0).length).toBeGreaterThan(20);
    expect(res.records.every((r) => typeof r.get('primaryTopic') === 'string')).toBe(true);
  });

  it('answers the same from a graph analysed before facets existed (the relationships are read instead)', async () => {
    const driver = testDriver();
    const ids = (await driver.executeQuery('MATCH (p:Paper) WHERE EXISTS { (p)-[:SIMILAR_TO]-() } RETURN p.id AS id ORDER BY id', {}, { database: DATABASE })).records.map((r) => r.get('id') as string);
    const answers = async () => {
      const out: unknown[] = [];
      for (const key of ids) for (const limit of [3, 10]) out.push((await get(`/api/papers/${enc('paper:' + key)}/related?limit=${limit}`)).related);
      return out;
    };
    const withFacets = await answers();
    const saved = (await driver.executeQuery('MATCH (p:Paper) RETURN p.id AS id, p.primaryTopic AS primaryTopic, p.tagIds AS tagIds', {}, { database: DATABASE })).records.map((r) => r.toObject());
    try {
      await driver.executeQuery('MATCH (p:Paper) REMOVE p.primaryTopic, p.tagIds', {}, { database: DATABASE });
      const without = await answers();
      expect(without).toEqual(withFacets);
      // reasons from the shared topic and tags are among them (the comparison covers both checks)
      const kinds = new Set((withFacets as { reasons: { kind: string }[] }[][]).flat().flatMap((r) => r.reasons.map((x) => x.kind)));
      expect([...kinds].sort()).toEqual(expect.arrayContaining(['tags', 'terms', 'topic']));
    } finally {
      await driver.executeQuery('UNWIND $rows AS row MATCH (p:Paper {id: row.id}) SET p.primaryTopic = row.primaryTopic, p.tagIds = row.tagIds', { rows: saved }, { database: DATABASE });
    }
  }, 120_000);

  it('explains papers related by shared authors', async () => {
    const body = await get(`/api/papers/${enc('paper:arxiv:2505.17225')}/related?limit=50`);
    for (const r of body.related) expect(r.reasons.length).toBeGreaterThan(0);
  });

  it('names the shared fine topic exactly for the related papers that share it, and no others', async () => {
    const key = 'arxiv:2505.16056';
    const res = await app().inject({
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
