// Property-based fuzzing of every endpoint's parameters (fast-check) against the real app on the seed corpus:
// never a 5xx, never a stack trace or driver message in a body, always JSON; injection payloads through every
// parameter leave the graph's content checksum unchanged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphChecksum } from '../../neo4j/checksum.ts';
import { ensureCorpus, testApp } from '../support/app.ts';
import { DATABASE, testDriver } from '../support/db.ts';

let app: FastifyInstance;
let before: Awaited<ReturnType<typeof graphChecksum>>;
const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-fuzz-queries-'));

beforeAll(async () => {
  await ensureCorpus('seeds');
  app = await testApp({ USER_QUERIES_DIR: userDir, CYPHER_RATE_LIMIT: '100000' });
  before = await graphChecksum(testDriver(), DATABASE);
}, 120_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(userDir, { recursive: true, force: true });
});

/** Strings a hostile or careless client sends: Cypher and Lucene injection, unicode, control bytes, huge. */
const INJECTIONS = [
  "' OR 1=1 //",
  '"}) DETACH DELETE n //',
  "x'}) MATCH (n) DETACH DELETE n RETURN 1 //",
  '*',
  '~',
  'title:(a OR b) AND NOT c',
  '"unterminated',
  '\\',
  '[',
  '{',
  'paper:',
  'paper:arxiv:2505.16056\u0000',
  'author:eunho yang; CREATE (x:Evil)',
  '../../etc/passwd',
  '%00',
  '\u202e\u0301\ud83d\ude00',
  'a'.repeat(5000),
  'CALL dbms.components()',
  'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
  '-1',
  '1e309',
  'NaN',
];
const hostile = fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.integer().map(String));
const ids = fc.oneof(hostile, fc.constantFrom('paper:arxiv:2505.16056', 'author:eunho yang', 'topic:t-moe-routing', 'tag:moe', 'repo:github.com/x/y'));
const enc = encodeURIComponent;

interface Probe {
  method: 'GET' | 'POST';
  url: string;
  payload?: unknown;
}

async function send(p: Probe): Promise<void> {
  const res = await app.inject({ method: p.method, url: p.url, ...(p.payload !== undefined ? { payload: p.payload as object } : {}) });
  const where = `${p.method} ${p.url.slice(0, 200)} → ${res.statusCode}`;
  expect(res.statusCode, where).toBeLessThan(500);
  expect(res.headers['content-type'], where).toMatch(/json/);
  const body = res.body;
  expect(body, where).not.toMatch(/\n\s+at |node_modules|Neo4jError|\.ts:\d+/);
  JSON.parse(body);
}

const RUNS = { numRuns: 60, seed: 20261124 };

describe('fuzzing every endpoint', () => {
  it('GET /api/search', async () => {
    await fc.assert(fc.asyncProperty(hostile, fc.option(hostile), fc.option(fc.oneof(fc.integer(), hostile)), async (q, types, limit) => {
      await send({ method: 'GET', url: `/api/search?q=${enc(q)}${types !== null ? `&types=${enc(types)}` : ''}${limit !== null ? `&limit=${enc(String(limit))}` : ''}` });
    }), RUNS);
  });

  it('GET /api/nodes/:id and /neighbors', async () => {
    await fc.assert(fc.asyncProperty(ids, fc.option(hostile), fc.option(fc.oneof(fc.integer(), hostile)), async (id, rel, limit) => {
      await send({ method: 'GET', url: `/api/nodes/${enc(id)}` });
      await send({ method: 'GET', url: `/api/nodes/${enc(id)}/neighbors?${rel !== null ? `rel=${enc(rel)}&` : ''}${limit !== null ? `limit=${enc(String(limit))}` : ''}` });
    }), RUNS);
  });

  it('GET /api/authors/:id/coauthors, /api/topics/:id, /api/papers/:id/related', async () => {
    await fc.assert(fc.asyncProperty(ids, fc.oneof(fc.integer(), hostile), fc.oneof(fc.double(), hostile), async (id, depth, minWeight) => {
      await send({ method: 'GET', url: `/api/authors/${enc(id)}/coauthors?depth=${enc(String(depth))}&minWeight=${enc(String(minWeight))}` });
      await send({ method: 'GET', url: `/api/topics/${enc(id)}` });
      await send({ method: 'GET', url: `/api/papers/${enc(id)}/related?limit=${enc(String(depth))}` });
    }), RUNS);
  });

  it('GET /api/paths', async () => {
    await fc.assert(fc.asyncProperty(ids, ids, fc.oneof(fc.integer(), hostile), fc.oneof(fc.integer(), hostile), async (from, to, hops, k) => {
      await send({ method: 'GET', url: `/api/paths?from=${enc(from)}&to=${enc(to)}&maxHops=${enc(String(hops))}&k=${enc(String(k))}` });
    }), { ...RUNS, numRuns: 30 });
  });

  it('POST /api/cypher with hostile text and parameters', async () => {
    await fc.assert(fc.asyncProperty(hostile, fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(hostile, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 3 }), async (query, params) => {
      await send({ method: 'POST', url: '/api/cypher', payload: { query, params } });
    }), RUNS);
  });

  it('POST /api/queries/:name/run and POST /api/queries with hostile fields', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(hostile, fc.constantFrom('author-profile', 'papers-by-tag', 'related-work')), fc.dictionary(fc.string({ maxLength: 10 }), hostile, { maxKeys: 3 }), async (name, params) => {
      await send({ method: 'POST', url: `/api/queries/${enc(name)}/run`, payload: { params } });
      await send({ method: 'POST', url: '/api/queries', payload: { name, title: name, query: String(params[Object.keys(params)[0] ?? ''] ?? name), params: [] } });
    }), { ...RUNS, numRuns: 30 });
  });

  it('malformed bodies and unknown routes answer in JSON', async () => {
    for (const payload of ['{', 'null', '[]', '"x"', '{"query": 5}', '{"query": "RETURN 1", "params": [1]}']) {
      const res = await app.inject({ method: 'POST', url: '/api/cypher', payload, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().code).toBeTruthy();
    }
    const unknown = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
  });

  it('left the graph exactly as it was (content checksum)', async () => {
    expect(await graphChecksum(testDriver(), DATABASE)).toEqual(before);
  });
});
