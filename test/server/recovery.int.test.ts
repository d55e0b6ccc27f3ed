// While Neo4j is down the API answers 503 problem+json with Retry-After (no hang, no crash, no stack trace);
// when Neo4j is back on the same port it serves again by itself, without restarting the server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createDriver } from '../../neo4j/db.ts';
import { startEmbedded, type EmbeddedHandle } from '../../neo4j/launcher.ts';
import { applySchema } from '../../neo4j/schema.ts';
import { buildApp } from '../../server/app.ts';
import { readServerConfig } from '../../server/config.ts';
import { ROOT } from '../support/app.ts';
import { freePort } from '../support/neo4j-global.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-recovery-'));
let handle: EmbeddedHandle | null = null;
let app: FastifyInstance | null = null;
afterAll(async () => {
  await app?.close();
  await handle?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('database outage', () => {
  it('answers 503 while Neo4j is down and recovers within 5 s of its return', async () => {
    const port = await freePort();
    const config = { mode: 'embedded' as const, host: '127.0.0.1', port, dataDir, database: 'neo4j', heapMb: 512, pageCacheMb: 64 };
    handle = await startEmbedded(config, () => {});
    const driver = createDriver(config, handle.uri);
    await applySchema(driver, 'neo4j');
    app = await buildApp({ driver, database: 'neo4j', config: readServerConfig({ API_TIMEOUT_MS: '3000' }, ROOT), dbUri: handle.uri });
    expect((await app.inject('/api/stats')).statusCode).toBe(200);

    await handle.stop();
    handle = null;
    const t0 = Date.now();
    const down = await app.inject('/api/stats');
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.headers['content-type']).toContain('application/problem+json');
    expect(down.json()).toMatchObject({ status: 503, code: 'DB_UNAVAILABLE' });
    expect(down.body).not.toMatch(/\bat \w+.*\(/);
    const health = (await app.inject('/api/health')).json();
    expect(health).toMatchObject({ status: 'degraded', database: { up: false } });

    handle = await startEmbedded(config, () => {});
    const back = Date.now();
    let status = 0;
    while (Date.now() - back < 5_000) {
      status = (await app.inject('/api/stats')).statusCode;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    await driver.close();
  });
});
