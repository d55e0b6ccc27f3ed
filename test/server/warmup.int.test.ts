// Start-up warm-up: one request of each kind through the whole stack before the server reports it is running.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { warmUp, warmUpUrls } from '../../server/warmup.ts';
import { ensureCorpus, testApp } from '../support/app.ts';
import { DATABASE, testDriver } from '../support/db.ts';

let app: FastifyInstance;
beforeAll(async () => {
  await ensureCorpus('seeds');
  app = await testApp();
});
afterAll(async () => app?.close());

describe('warmUp', () => {
  it('requests the topic map, searches, and one paper and author with related work, network and paths — all answer', async () => {
    const urls = await warmUpUrls(testDriver(), DATABASE);
    expect(urls).toHaveLength(10);
    for (const part of ['/api/topics', '/api/search?q=', '/related?', '/coauthors?depth=2', '/api/paths?from=author%3A']) expect(urls.some((u) => u.includes(part)), part).toBe(true);
    const w = await warmUp(app, testDriver(), DATABASE);
    expect(w).toMatchObject({ ok: 10, total: 10 });
  });

  it('never throws: with an unreachable database it reports nothing answered', async () => {
    const dead = neo4j.driver('bolt://127.0.0.1:1', undefined, { connectionTimeout: 500, maxTransactionRetryTime: 500, maxConnectionPoolSize: 1, logging: { level: 'error', logger: () => {} } });
    try {
      const w = await warmUp(app, dead, DATABASE, 5_000);
      expect(w.ok).toBe(0);
    } finally {
      await dead.close();
    }
  });
});
