// The cluster / Aura path, as far as one machine can test it: the loader and the server reach Neo4j through a
// routing URI (`neo4j://`, as a cluster or Aura `neo4j+s://` would be reached) with an explicit database name —
// the driver fetches a routing table, the server's reads go to read sessions, the loader's batches to write
// sessions — and a wrong database name fails with one clear sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDb, type Db } from '../../neo4j/db.ts';
import { graphChecksum } from '../../neo4j/checksum.ts';
import { buildApp } from '../../server/app.ts';
import { readServerConfig } from '../../server/config.ts';
import { loadPaths } from '../../loader/pipeline.ts';
import { ROOT, SEEDS, ensureCorpus } from '../support/app.ts';
import { DATABASE, testDriver, testUri } from '../support/db.ts';

const routingEnv = (database = DATABASE) => ({ NEO4J_URI: testUri().replace(/^bolt:/, 'neo4j:'), NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'unused', NEO4J_DATABASE: database, NEO4J_WAIT_MS: '5000' });

let db: Db;
let app: FastifyInstance;
beforeAll(async () => {
  await ensureCorpus('seeds');
  db = await openDb({ env: routingEnv(), log: () => {} });
  app = await buildApp({ driver: db.driver, database: db.database, config: readServerConfig({}, ROOT), dbUri: db.uri, logger: { level: 'error' } });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('a routing URI with an explicit database (cluster / Aura style)', () => {
  it('connects in external mode through a routing table', async () => {
    expect(db.config.mode).toBe('external');
    expect(db.uri.startsWith('neo4j://')).toBe(true);
    const servers = await db.driver.getServerInfo({ database: DATABASE });
    expect(servers.address).toBeTruthy();
  });

  it('serves the API from read sessions with the same answers as a direct connection', async () => {
    const stats = (await app.inject('/api/stats')).json();
    const direct = await testDriver().executeQuery('MATCH (p:Paper) RETURN count(p) AS n', {}, { database: DATABASE });
    expect(stats.labels.Paper).toBe(Number(direct.records[0]!.get('n')));
    const search = await app.inject('/api/search?q=offloading');
    expect(search.statusCode).toBe(200);
    expect(search.json().results.length).toBeGreaterThan(0);
  });

  it('loads through write sessions and converges to the same graph', async () => {
    const before = await graphChecksum(testDriver(), DATABASE);
    const summary = await loadPaths(db.driver, db.database, [SEEDS], { cwd: ROOT, force: true });
    expect(summary.errors).toBe(0);
    expect(summary.papers.new).toBe(0);
    expect(await graphChecksum(testDriver(), DATABASE)).toEqual(before);
  }, 120_000);

  it('names the URI and the database when the database does not exist', async () => {
    await expect(openDb({ env: routingEnv('nosuchdb'), log: () => {} })).rejects.toThrow(/Cannot reach Neo4j at neo4j:\/\/.*\(database nosuchdb\).*NEO4J_DATABASE/);
  }, 60_000);
});
