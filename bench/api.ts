// `npm run bench:api`: p50/p99 latency of each endpoint at 1 and 8 concurrent clients on the seeds + 2024 archive,
// next to a baseline endpoint that only runs `RETURN 1` (/api/ping), measured in the same run with autocannon.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createDriver } from '../neo4j/db.ts';
import { startEmbedded } from '../neo4j/launcher.ts';
import { applySchema } from '../neo4j/schema.ts';
import { loadPaths } from '../loader/pipeline.ts';
import { buildApp } from '../server/app.ts';
import { readServerConfig } from '../server/config.ts';
import { freePort } from '../test/support/neo4j-global.ts';
import { appendResults, machineFacts } from './results.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const enc = encodeURIComponent;

const ENDPOINTS: [string, string, number][] = [
  ['baseline RETURN 1', '/api/ping', 1],
  ['node lookup', `/api/nodes/${enc('paper:arxiv:2505.16056')}`, 1.5],
  ['neighbors', `/api/nodes/${enc('author:eunho yang')}/neighbors?limit=25`, 3],
  ['search', '/api/search?q=offloading&limit=10', 3],
  ['related', `/api/papers/${enc('paper:arxiv:2505.16056')}/related?limit=10`, 3],
  ['coauthors depth 2', `/api/authors/${enc('author:eunho yang')}/coauthors?depth=2`, 10],
  ['paths', `/api/paths?from=${enc('author:eunho yang')}&to=${enc('paper:arxiv:2505.16056')}&maxHops=4&k=3`, 10],
  ['topics', '/api/topics', 10],
];

function run(url: string, connections: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: DURATION }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-bench-api-'));
  const config = { mode: 'embedded' as const, host: '127.0.0.1', port: await freePort(), dataDir, database: 'neo4j', heapMb: 2048, pageCacheMb: 512 };
  const handle = await startEmbedded(config, () => {});
  const driver = createDriver(config, handle.uri);
  const lines = ['| endpoint | clients | p50 ms | p99 ms | req/s | errors | p50 ÷ baseline p50 | target |', '|---|---|---|---|---|---|---|---|'];
  let failed = false;
  try {
    await applySchema(driver, 'neo4j');
    await loadPaths(driver, 'neo4j', [path.join(ROOT, 'loader/samples/seeds'), path.join(ROOT, 'loader/samples/daily-ai-papers-2024')], { cwd: ROOT });
    const app = await buildApp({ driver, database: 'neo4j', config: readServerConfig({ CYPHER_RATE_LIMIT: '1000000' }, ROOT), dbUri: handle.uri });
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    for (const connections of [1, 8]) {
      let base = 0;
      for (const [name, url, target] of ENDPOINTS) {
        await run(`http://127.0.0.1:${port}${url}`, connections); // warm-up
        const r = await run(`http://127.0.0.1:${port}${url}`, connections);
        const p50 = r.latency.p50;
        if (name.startsWith('baseline')) base = Math.max(p50, 0.5);
        const errors = r.errors + r.non2xx;
        const ratio = p50 / base;
        if (errors > 0 || ratio > target) failed = true;
        const row = `| ${name} | ${connections} | ${p50} | ${r.latency.p99} | ${Math.round(r.requests.average)} | ${errors} | ${ratio.toFixed(2)}× | ≤ ${target}× |`;
        lines.push(row);
        console.log(row);
      }
    }
    await app.close();
  } finally {
    await driver.close();
    await handle.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const table = lines.join('\n');
  console.log(`\n${table}\n\n${failed ? 'Some endpoint missed its target or had errors.' : 'Every endpoint within its target, zero errors.'}`);
  appendResults('API (`npm run bench:api`)', `${machineFacts()} ${DURATION} s per measurement after a warm-up of the same length; seeds + 2024 archive loaded.\n\n${table}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
