// `npm run bench:soak`: the server as its own process on the seeds + 2024 archive under a mixed workload (search,
// neighbours, related work, co-authors, the topic map, saved queries) from 50 concurrent connections for 60 s
// (BENCH_SOAK_SECONDS), after a warm-up of 30 s. Prints latency percentiles, errors and the server's resident memory
// after the warm-up and after the run (target: ≤ 1.1×), and appends them to bench/RESULTS.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createDriver } from '../neo4j/db.ts';
import { startEmbedded } from '../neo4j/launcher.ts';
import { applySchema } from '../neo4j/schema.ts';
import { loadPaths } from '../loader/pipeline.ts';
import { freePort } from '../test/support/neo4j-global.ts';
import { appendResults, machineFacts } from './results.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);
const WARMUP = 30;
const CONNECTIONS = 50;
const enc = encodeURIComponent;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-bench-soak-'));
  const queriesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-bench-soak-queries-'));
  const config = { mode: 'embedded' as const, host: '127.0.0.1', port: await freePort(), dataDir, database: 'neo4j', heapMb: 2048, pageCacheMb: 512 };
  const handle = await startEmbedded(config, () => {});
  const driver = createDriver(config, handle.uri);
  let server: ReturnType<typeof spawn> | null = null;
  try {
    await applySchema(driver, 'neo4j');
    await loadPaths(driver, 'neo4j', [path.join(ROOT, 'loader/samples/seeds'), path.join(ROOT, 'loader/samples/daily-ai-papers-2024')], { cwd: ROOT });
    const ids = await driver.executeQuery(
      `CALL () { MATCH (p:Paper) WHERE EXISTS { (p)-[:SIMILAR_TO]-() } RETURN collect(p.id)[..40] AS papers }
       CALL () { MATCH (a:Author) WHERE EXISTS { (a)-[:COAUTHORED_WITH]-() } RETURN collect(a.id)[..40] AS authors }
       RETURN papers, authors`,
      {},
      { database: 'neo4j' },
    );
    const papers = ids.records[0]!.get('papers') as string[];
    const authors = ids.records[0]!.get('authors') as string[];
    const words = ['expert', 'routing', 'offload', 'reasoning', 'diffusion', 'agent', 'benchmark', 'quantization', 'retrieval', 'vision'];
    const json = { 'content-type': 'application/json' };
    const requests: autocannon.Request[] = [];
    for (let i = 0; i < 40; i++) {
      const paper = `paper:${papers[i % papers.length]}`;
      const author = `author:${authors[i % authors.length]}`;
      requests.push(
        { method: 'GET', path: `/api/search?q=${words[i % words.length]}&limit=10` },
        { method: 'GET', path: `/api/nodes/${enc(paper)}/neighbors?limit=25` },
        { method: 'GET', path: `/api/papers/${enc(paper)}/related?limit=10` },
        { method: 'GET', path: `/api/authors/${enc(author)}/coauthors?depth=2` },
        { method: 'GET', path: '/api/topics' },
        { method: 'POST', path: '/api/queries/author-profile/run', headers: json, body: JSON.stringify({ params: { author: authors[i % authors.length] } }) },
      );
    }

    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/server.ts')], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: handle.uri, SKIP_SAMPLE: '1', PORT: String(port), LOG_LEVEL: 'error', CYPHER_RATE_LIMIT: '10000000', USER_QUERIES_DIR: queriesDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.on('data', (d: Buffer) => d.toString().includes('is running at') && resolve());
      server!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const pid = server.pid!;
    const url = `http://127.0.0.1:${port}`;
    const startRss = rssMb(pid);
    await run({ url, connections: CONNECTIONS, duration: WARMUP, requests });
    // Both readings are taken after 5 s without load, so that neither catches a collection half done.
    await new Promise((res) => setTimeout(res, 5000));
    const warmRss = rssMb(pid);
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb(pid)), 1000);
    const r = await run({ url, connections: CONNECTIONS, duration: SECONDS, requests });
    clearInterval(sampler);
    await new Promise((res) => setTimeout(res, 5000));
    const afterRss = rssMb(pid);
    const ratio = afterRss / warmRss;
    const errors = r.errors + r.non2xx + r.timeouts;
    const lines = [
      `Mixed workload (search, neighbours, related, co-authors depth 2, topic map, saved query) over 40 papers and 40 authors, ${CONNECTIONS} connections, ${SECONDS} s after a ${WARMUP} s warm-up; server in its own process.`,
      '',
      '| requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors (incl. non-2xx, timeouts) | RSS start / after warm-up / peak / after run (MB) | after ÷ warm-up |',
      '|---|---|---|---|---|---|---|---|---|',
      `| ${r.requests.total} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p90} | ${r.latency.p99} | ${r.latency.max} | ${errors} | ${startRss.toFixed(0)} / ${warmRss.toFixed(0)} / ${Math.max(...samples, afterRss).toFixed(0)} / ${afterRss.toFixed(0)} | ${ratio.toFixed(2)}× (target ≤ 1.10×) |`,
    ];
    console.log(lines.join('\n'));
    console.log(errors === 0 && ratio <= 1.1 ? '\nZero errors; memory stable.' : '\nTarget missed: see errors or memory above.');
    appendResults('Soak (`npm run bench:soak`)', `${machineFacts()}\n\n${lines.join('\n')}`);
    if (errors > 0 || ratio > 1.1) process.exitCode = 1;
  } finally {
    server?.kill('SIGTERM');
    await driver.close();
    await handle.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(queriesDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
