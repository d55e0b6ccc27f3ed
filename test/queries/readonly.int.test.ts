// Read-only by proof: 30+ write, escape and abuse attempts through POST /api/cypher are refused (or stopped) with
// the rule named, and the graph's content checksum is the same afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { graphChecksum } from '../../neo4j/checksum.ts';
import { ensureCorpus, testApp } from '../support/app.ts';
import { DATABASE, testDriver } from '../support/db.ts';

let app: FastifyInstance;
let before: Awaited<ReturnType<typeof graphChecksum>>;
beforeAll(async () => {
  await ensureCorpus('seeds');
  app = await testApp({ CYPHER_TIMEOUT_MS: '1500', CYPHER_ROW_CAP: '500', CYPHER_RATE_LIMIT: '100000' });
  before = await graphChecksum(testDriver(), DATABASE);
});
afterAll(async () => app?.close());

const cypher = async (query: string, params: Record<string, unknown> = {}) => {
  const res = await app.inject({ method: 'POST', url: '/api/cypher', payload: { query, params } });
  return { status: res.statusCode, body: res.json() };
};

const ATTEMPTS: [string, string][] = [
  ['CREATE (n:Paper {id: "x"})', 'not-read-only'],
  ['MERGE (n:Author {id: "x"}) RETURN n', 'not-read-only'],
  ['MATCH (n:Paper) SET n.title = "x"', 'not-read-only'],
  ['MATCH (n:Paper) DELETE n', 'not-read-only'],
  ['MATCH (n:Paper) DETACH DELETE n', 'not-read-only'],
  ['MATCH (n:Paper) REMOVE n.title', 'not-read-only'],
  ['MATCH (n:Paper) REMOVE n:Paper', 'not-read-only'],
  ['MATCH (n) WITH n LIMIT 1 CALL (n) { CREATE (m:Evil) } RETURN n', 'not-read-only'],
  ['MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS RETURN n', 'not-read-only'],
  ['MATCH (n:Paper) FOREACH (x IN [1] | SET n.x = x)', 'not-read-only'],
  ['LOAD CSV FROM "file:///etc/passwd" AS line RETURN line', 'load-csv'],
  ['load   csv with headers from "http://127.0.0.1/x" as r return r', 'load-csv'],
  ['CALL dbms.setConfigValue("db.logs.query.enabled", "OFF")', 'procedure-not-allowed'],
  ['CALL db.createLabel("Evil")', 'procedure-not-allowed'],
  ['CALL db.clearQueryCaches()', 'procedure-not-allowed'],
  ['CALL dbms.listConfig() YIELD name RETURN name', 'procedure-not-allowed'],
  ['CALL apoc.create.node(["Evil"], {}) YIELD node RETURN node', 'procedure-not-allowed'],
  ['CALL db.index.fulltext.drop("paper_search")', 'procedure-not-allowed'],
  ['CREATE INDEX evil FOR (n:Paper) ON (n.x)', 'administration'],
  ['DROP CONSTRAINT paper_id', 'administration'],
  ['USE system SHOW USERS', 'database-switch'],
  ['CREATE USER evil SET PASSWORD "x"', 'administration'],
  ['SHOW DATABASES', 'administration'],
  ['START DATABASE neo4j', 'administration'],
  ['TERMINATE TRANSACTIONS "neo4j-transaction-1"', 'administration'],
  ['MATCH (n) RETURN n LIMIT 1; CREATE (x:Evil)', 'multiple-statements'],
  ['RETURN 1; MATCH (n) DETACH DELETE n', 'multiple-statements'],
  ['/* harmless */ CREATE (x:Evil)', 'not-read-only'],
  ['// comment\nCREATE (x:Evil)', 'not-read-only'],
  ['MATCH (n) RETURN n /* ; CREATE (x) */ LIMIT 1 ; CREATE (y:Evil)', 'multiple-statements'],
  ['ＣＲＥＡＴＥ (x:Evil)', 'unicode'],
  ['MATCH (n) RETURN n\u200B; CREATE (x:Evil)', 'unicode'],
  ['\u202ECREATE (x:Evil)', 'unicode'],
  ['EXPLAIN CREATE (x:Evil)', 'explain-prefix'],
  ['PROFILE MATCH (n) SET n.x = 1', 'explain-prefix'],
  ['MATCH (n:Paper) WITH n CREATE (n)-[:EVIL]->(n)', 'not-read-only'],
];

describe('POST /api/cypher refuses writes and escapes', () => {
  it.each(ATTEMPTS)('refuses %s', async (query, rule) => {
    const { status, body } = await cypher(query);
    expect(status).toBe(400);
    expect(body.code).toBe('QUERY_REFUSED');
    expect(body.detail).toContain(`rule: ${rule}`);
  });

  it('treats parameters as values, never as code', async () => {
    const { status, body } = await cypher('RETURN $x AS x', { x: '1}) CREATE (n:Evil) //' });
    expect(status).toBe(200);
    expect(body.rows).toEqual([['1}) CREATE (n:Evil) //']]);
  });

  it('leaves the graph unchanged after every attempt', async () => {
    expect(await graphChecksum(testDriver(), DATABASE)).toEqual(before);
  });
});

describe('resource abuse is stopped by the timeout and the row cap', () => {
  it('stops a cartesian product with a timeout message', async () => {
    const { status, body } = await cypher('MATCH (a), (b), (c), (d) WHERE a.id < b.id AND c.id < d.id RETURN count(*) AS n');
    expect(status).toBe(400);
    expect(body.code).toBe('QUERY_TIMEOUT');
  });

  it('stops an unbounded variable-length path', async () => {
    const { body } = await cypher('MATCH p = (a:Paper)-[*]-(b:Paper) RETURN count(p)');
    expect(body.code).toBe('QUERY_TIMEOUT');
  });

  it('caps rows and says so', async () => {
    const { status, body } = await cypher('UNWIND range(1, 10000000) AS i RETURN i');
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(500);
    expect(body.truncated).toBe(true);
  });

  it('runs ordinary reads and returns a graph', async () => {
    const { status, body } = await cypher("MATCH (a:Author {id: 'eunho yang'})-[r:AUTHORED]->(p:Paper) RETURN a, r, p");
    expect(status).toBe(200);
    expect(body.graph.nodes).toHaveLength(2);
    expect(body.graph.edges).toEqual([expect.objectContaining({ type: 'AUTHORED', source: 'author:eunho yang', target: 'paper:arxiv:2505.17225' })]);
  });
});
