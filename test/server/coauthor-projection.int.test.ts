// The co-author projection on the seed corpus in a real Neo4j: every network it answers equals the Cypher query's,
// it is really the path taken, and it never answers from a graph older than the one being read (stale analytics or a
// changed co-author graph fall back to Cypher and rebuild).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { CoauthorProjection } from '../../server/repositories/coauthor-projection.ts';
import { CoauthorsRepository } from '../../server/repositories/coauthors.ts';
import { GraphDb, type Row } from '../../server/repositories/graphdb.ts';
import type { Graph } from '../../server/repositories/ids.ts';
import { ensureCorpus, testApp } from '../support/app.ts';
import { DATABASE, testDriver } from '../support/db.ts';

/** A GraphDb that remembers the queries it ran. */
class RecordingDb extends GraphDb {
  queries: string[] = [];
  override async read(query: string, params: Record<string, unknown> = {}, timeoutMs?: number): Promise<Row[]> {
    this.queries.push(query);
    return super.read(query, params, timeoutMs);
  }
}

const same = (g: Graph) => JSON.stringify({ ...g, edges: [...g.edges].sort((a, b) => a.id.localeCompare(b.id)) });
const run = (q: string, p: Record<string, unknown> = {}) => testDriver().executeQuery(q, p, { database: DATABASE });
const stamp = async () => String((await run("MATCH (m:Meta {id: 'analysis'}) RETURN toString(m.updatedAt) AS at")).records[0]!.get('at'));
/** What the analytics do when they finish: a new stamp, not stale. */
const restamp = () => run("MATCH (m:Meta {id: 'analysis'}) SET m.stale = false, m.updatedAt = datetime()");

let db: RecordingDb;
let projection: CoauthorProjection;
let authors: string[];
beforeAll(async () => {
  await ensureCorpus('seeds');
  db = new RecordingDb(testDriver(), DATABASE, 10_000);
  projection = new CoauthorProjection(db, 5_000_000, 0);
  projection.warm();
  await projection.settled();
  authors = (await db.read('MATCH (a:Author) WHERE EXISTS { (a)-[:COAUTHORED_WITH]-() } RETURN a.id AS id ORDER BY id')).map((r) => String(r.id));
});
afterAll(async () => projection?.close());

describe('co-author projection', () => {
  it('holds every author with a co-author and every pair', async () => {
    const [pairs] = await db.read('MATCH ()-[r:COAUTHORED_WITH]->() RETURN count(r) AS n');
    expect(authors.length).toBeGreaterThan(50);
    expect(projection.status()).toMatchObject({ state: 'ready', authors: authors.length, pairs: pairs!.n, stamp: await stamp() });
  });

  it('answers every author’s network exactly as the Cypher query does, without running it', async () => {
    const cypher = new CoauthorsRepository(new GraphDb(testDriver(), DATABASE, 10_000));
    const fast = new CoauthorsRepository(db, projection);
    const params: [number, number, number][] = [[1, 1, 150], [2, 1, 150], [3, 1, 150], [2, 2, 150], [1, 1, 2], [2, 1, 3], [3, 1, 4], [2, 1, 5], [3, 1, 12]];
    let compared = 0;
    for (const a of authors) {
      for (const [depth, minWeight, limit] of params) {
        db.queries = [];
        const got = await fast.ego(a, depth, minWeight, limit);
        expect(db.queries).toHaveLength(1);
        expect(db.queries[0]).toContain('UNWIND $ids');
        expect(same(got), `${a} depth ${depth} minWeight ${minWeight} limit ${limit}`).toBe(same(await cypher.ego(a, depth, minWeight, limit)));
        compared++;
      }
    }
    expect(compared).toBe(authors.length * params.length);
  });

  it('falls back to Cypher while analytics are stale, and rebuilds when they change the co-author graph', async () => {
    const fast = new CoauthorsRepository(db, projection);
    const seed = authors[0]!;
    const before = await fast.ego(seed, 1, 1, 150);
    // two authors who never wrote together, the second not in the seed's network
    const [stranger] = await db.read(
      `MATCH (s:Author {id: $seed}), (x:Author) WHERE x <> s AND NOT EXISTS { (s)-[:COAUTHORED_WITH]-(x) } RETURN x.id AS id ORDER BY id LIMIT 1`,
      { seed },
    );
    const other = String(stranger!.id);
    try {
      await run("MATCH (m:Meta {id: 'analysis'}) SET m.stale = true");
      await run('MATCH (s:Author {id: $seed}), (x:Author {id: $other}) CREATE (s)-[:COAUTHORED_WITH {weight: 99, papers: []}]->(x)', { seed, other });
      db.queries = [];
      const during = await fast.ego(seed, 1, 1, 150);
      expect(db.queries.some((q) => q.includes('UNWIND $ids'))).toBe(true); // tried, saw the stamp had moved
      expect(db.queries.at(-1)).toContain('MATCH (s:Author {id: $key})'); // and answered with Cypher
      expect(during.nodes[1]!.id).toBe(`author:${other}`); // the new, strongest co-author
      await projection.settled();
      expect(projection.status().state).toBe('waiting'); // no projection from stale analytics

      await restamp();
      projection.warm();
      await projection.settled();
      expect(projection.status()).toMatchObject({ state: 'ready', stamp: await stamp() });
      db.queries = [];
      const after = await fast.ego(seed, 1, 1, 150);
      expect(db.queries).toHaveLength(1);
      expect(same(after)).toBe(same(during));
    } finally {
      await run('MATCH (:Author {id: $seed})-[r:COAUTHORED_WITH {weight: 99}]->(:Author {id: $other}) DELETE r', { seed, other });
      await restamp();
    }
    // the next request sees the stamp move, answers with Cypher and rebuilds
    expect(same(await fast.ego(seed, 1, 1, 150))).toBe(same(before));
    await projection.settled();
    db.queries = [];
    expect(same(await fast.ego(seed, 1, 1, 150))).toBe(same(before));
    expect(db.queries).toHaveLength(1);
  });

  it('rebuilds on its own when the analytics stamp moves, without a request asking', async () => {
    const watched = new CoauthorProjection(db, 5_000_000, 0);
    watched.warm();
    await watched.settled();
    const before = (watched.status() as { stamp?: string }).stamp;
    watched.watch(100);
    try {
      await restamp();
      const moved = await stamp();
      expect(moved).not.toBe(before);
      const deadline = Date.now() + 10_000;
      while ((watched.status() as { stamp?: string }).stamp !== moved && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(watched.status()).toMatchObject({ state: 'ready', stamp: moved, authors: authors.length });
    } finally {
      await watched.close();
    }
  });

  it('is not built over its pair limit, nor when turned off', async () => {
    const small = new CoauthorProjection(db, 3, 0);
    small.warm();
    await small.settled();
    expect(small.status()).toMatchObject({ state: 'off', reason: expect.stringMatching(/co-author pairs exceed COAUTHOR_PROJECTION_MAX_PAIRS=3/) });
    expect(small.current()).toBeNull();
    expect(new CoauthorProjection(db, 0).status()).toMatchObject({ state: 'off' });
  });
});

describe('GET /api/health', () => {
  let app: FastifyInstance;
  afterAll(async () => app?.close());
  it('shows the projection once the server has built it', async () => {
    app = await testApp();
    await app.ready();
    const deadline = Date.now() + 30_000;
    let body = (await app.inject('/api/health')).json();
    while (body.coauthorProjection.state !== 'ready' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      body = (await app.inject('/api/health')).json();
    }
    expect(body.coauthorProjection).toMatchObject({ state: 'ready', authors: authors.length, stamp: await stamp() });
  });
});
