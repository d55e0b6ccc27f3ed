// The server process restarted in the middle of a request storm (reads and query saves from 8 clients): every
// saved query it acknowledged is still there, whole, and the restarted server serves again.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCorpus, ROOT } from '../support/app.ts';
import { testUri } from '../support/db.ts';
import { freePort } from '../support/neo4j-global.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-restart-'));
let server: ChildProcess | null = null;
afterAll(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/server.ts')], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: testUri(), SKIP_SAMPLE: '1', PORT: String(port), USER_QUERIES_DIR: dir, LOG_LEVEL: 'error', CYPHER_RATE_LIMIT: '100000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('is running at') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

describe('a server restarted mid-storm', () => {
  it('keeps every acknowledged saved query and serves again', async () => {
    await ensureCorpus('seeds');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(port);
    const acknowledged: string[] = [];
    let served = 0;
    let refused = 0;
    let stop = false;
    const client = async (c: number) => {
      for (let i = 0; !stop; i++) {
        try {
          if (i % 3 === 0) {
            const name = `storm-${c}-${i}`;
            const res = await fetch(`${base}/api/queries`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ name, title: `Storm ${c}/${i}`, query: 'MATCH (p:Paper) WHERE p.title CONTAINS $q RETURN p LIMIT 5', params: [{ name: 'q', type: 'string', default: 'MoE', description: 'Words in the title' }] }),
            });
            if (res.ok) acknowledged.push(name);
            await res.arrayBuffer();
          } else {
            const res = await fetch(`${base}/api/search?q=expert&limit=5`);
            if (res.ok) served++;
            await res.arrayBuffer();
          }
        } catch {
          refused++; // the server is down for a moment: connection refused or reset
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const storm = Promise.all(Array.from({ length: 8 }, (_, c) => client(c)));
    await new Promise((r) => setTimeout(r, 2500));
    const before = acknowledged.length;
    const exited = new Promise<void>((r) => server!.once('exit', () => r()));
    server.kill('SIGTERM');
    await exited;
    server = await startServer(port);
    await new Promise((r) => setTimeout(r, 2500));
    stop = true;
    await storm;

    expect(before).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(before); // saves succeeded after the restart too
    expect(served).toBeGreaterThan(0);
    const listed = new Set(((await (await fetch(`${base}/api/queries`)).json()) as { queries: { name: string }[] }).queries.map((q) => q.name));
    const missing = acknowledged.filter((n) => !listed.has(n));
    expect(missing).toEqual([]);
    // Whole files only: every saved query runs, and no temporary file is left behind.
    for (const name of acknowledged.slice(0, 20)) {
      const res = await fetch(`${base}/api/queries/${name}/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"params":{}}' });
      expect(res.status).toBe(200);
    }
    expect(fs.readdirSync(dir).filter((f) => !f.endsWith('.cypher'))).toEqual([]);
    console.log(`storm: ${acknowledged.length} saves acknowledged (${before} before the restart), ${served} reads served, ${refused} requests refused while down`);
  });
});
