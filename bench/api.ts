// `npm run bench:api [-- --data DIR]`: p50/p99 latency of each endpoint at 1 and 8 concurrent clients on the seeds +
// 2024 archive (or on an already loaded Neo4j data folder, e.g. a 100k-paper graph kept by `bench:scale --keep`),
// next to a baseline endpoint that only runs `RETURN 1` (/api/ping), measured right before each endpoint with autocannon
// against the server in its own process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { memorySizing } from '../neo4j/config.ts';
import { createDriver } from '../neo4j/db.ts';
import { startEmbedded } from '../neo4j/launcher.ts';
import { ensureHubs } from '../neo4j/hubs.ts';
import { applySchema } from '../neo4j/schema.ts';
import { loadPaths } from '../loader/pipeline.ts';
import { freePort } from '../test/support/neo4j-global.ts';
import { appendResults, loadedGraphOption, machineFacts } from './results.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
/** An already loaded Neo4j data folder to measure instead of loading the samples (left as it was found). */
const DATA = loadedGraphOption();
const enc = encodeURIComponent;

/** Endpoints with their targets (p50 ÷ baseline p50); each cycles over 40 papers/authors of the loaded graph. */
function endpoints(papers: string[], authors: string[]): [string, string[], number][] {
  const P = (i: number) => `paper:${papers[i % papers.length]}`;
  const A = (i: number) => `author:${authors[i % authors.length]}`;
  const words = ['offloading', 'routing', 'expert', 'reasoning', 'diffusion', 'agent', 'benchmark', 'quantization', 'retrieval', 'vision'];
  const each = (f: (i: number) => string) => Array.from({ length: 40 }, (_, i) => f(i));
  return [
    ['baseline RETURN 1', ['/api/ping'], 1],
    ['node lookup', each((i) => `/api/nodes/${enc(P(i))}`), 1.5],
    ['neighbors', each((i) => `/api/nodes/${enc(A(i))}/neighbors?limit=25`), 3],
    ['search', each((i) => `/api/search?q=${words[i % words.length]}&limit=10`), 3],
    ['related', each((i) => `/api/papers/${enc(P(i))}/related?limit=10`), 3],
    ['coauthors depth 2', each((i) => `/api/authors/${enc(A(i))}/coauthors?depth=2`), 10],
    ['paths', each((i) => `/api/paths?from=${enc(A(i))}&to=${enc(P(i + 7))}&maxHops=4&k=3`), 10],
    ['topics', ['/api/topics'], 10],
  ];
}

/** Sent with every request, as the web app's browser does: answers of ≥ 1 KB come back gzipped. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

/** One autocannon run; percentiles come from every 2xx response time (µs resolution; autocannon's own histogram rounds to whole ms). */
function run(url: string, paths: string[], connections: number): Promise<{ p50: number; p99: number; rps: number; errors: number }> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const inst = autocannon({ url, connections, duration: DURATION, requests: paths.map((p) => ({ method: 'GET', path: p, headers: BROWSER_HEADERS })) }, (err, res) => {
      if (err) return reject(err);
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
      resolve({ p50: at(0.5), p99: at(0.99), rps: res.requests.average, errors: res.errors + res.non2xx + res.timeouts });
    });
    inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) times.push(ms);
    });
  });
}

/** Waits (≤ 5 minutes) until the server's co-author projection is built or known not to be; returns its state. */
async function projectionSettled(url: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const state = ((await (await fetch(`${url}/api/health`)).json()) as { coauthorProjection: Record<string, unknown> }).coauthorProjection;
    if (state.state === 'ready' || state.state === 'off' || Date.now() > deadline) return state;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main(): Promise<void> {
  if (DATA && !fs.existsSync(DATA)) throw new Error(`--data ${DATA}: no such folder`);
  const dataDir = DATA ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pge-bench-api-'));
  const config = { mode: 'embedded' as const, host: '127.0.0.1', port: await freePort(), dataDir, database: 'neo4j', ...memorySizing() };
  const handle = await startEmbedded(config, () => {});
  const driver = createDriver(config, handle.uri);
  const lines = ['| endpoint | clients | p50 ms | p99 ms | req/s | errors | baseline `RETURN 1` p50 ms, just before | p50 ÷ baseline p50 | target |', '|---|---|---|---|---|---|---|---|---|'];
  let failed = false;
  let server: ReturnType<typeof spawn> | null = null;
  let counts = '';
  let projectionNote = '';
  try {
    // The schema as the server applies it at start-up (a kept graph from an older version is migrated the same way).
    await applySchema(driver, 'neo4j');
    if (!DATA) await loadPaths(driver, 'neo4j', [path.join(ROOT, 'loader/samples/seeds'), path.join(ROOT, 'loader/samples/daily-ai-papers-2024')], { cwd: ROOT });
    // A kept graph gets its hub labels as `npm start` gives them to a graph written by an older version.
    else await ensureHubs(driver, 'neo4j');
    await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: 'neo4j' });
    const ids = await driver.executeQuery(
      `CALL () { MATCH (p:Paper) WHERE EXISTS { (p)-[:SIMILAR_TO]-() } RETURN collect(p.id)[..40] AS papers }
       CALL () { MATCH (a:Author) WHERE EXISTS { (a)-[:COAUTHORED_WITH]-() } RETURN collect(a.id)[..40] AS authors }
       RETURN papers, authors`,
      {},
      { database: 'neo4j' },
    );
    const c = await driver.executeQuery('CALL () { MATCH (p:Paper) RETURN count(p) AS papers } CALL () { MATCH (a:Author) RETURN count(a) AS authors } RETURN papers, authors', {}, { database: 'neo4j' });
    counts = `${Number(c.records[0]!.get('papers'))} papers, ${Number(c.records[0]!.get('authors'))} authors`;
    console.log(`Graph: ${counts}`);
    const list = endpoints(ids.records[0]!.get('papers') as string[], ids.records[0]!.get('authors') as string[]);
    // The server runs in its own process, as in production: the load generator does not share its event loop.
    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/server.ts')], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: handle.uri, SKIP_SAMPLE: '1', PORT: String(port), LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.on('data', (d: Buffer) => d.toString().includes('is running at') && resolve());
      server!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const url = `http://127.0.0.1:${port}`;
    // Co-author networks are measured as a running server answers them: from its in-memory co-author graph, which it
    // builds in the background at start-up (`coauthorProjection` in /api/health).
    const projection = await projectionSettled(url);
    projectionNote = projection.state === 'ready'
      ? ` Co-author networks from the server's in-memory co-author graph (${projection.authors} authors, ${projection.pairs} pairs, ${projection.megabytes} MB, built in ${projection.buildMs} ms).`
      : ` Co-author networks by Cypher (projection ${String(projection.state)}${projection.reason ? `: ${String(projection.reason)}` : ''}).`;
    console.log(projectionNote.trim());
    // Warm every endpoint (JIT of both processes, Neo4j's query caches) before anything is measured.
    for (const [, paths] of list) await run(url, paths, 8);
    // Each endpoint is compared with a baseline measured just before it (same clients): both processes keep
    // warming up for minutes, and a single baseline at the start made later endpoints look better than they are.
    const [baseline, ...measured] = list;
    for (const connections of [1, 8]) {
      for (const [name, paths, target] of measured) {
        const base = await run(url, baseline![1], connections);
        const r = await run(url, paths, connections);
        const ratio = r.p50 / base.p50;
        if (r.errors > 0 || base.errors > 0 || ratio > target) failed = true;
        const row = `| ${name} | ${connections} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${Math.round(r.rps)} | ${r.errors} | ${base.p50.toFixed(2)} (${Math.round(base.rps)} req/s, ${base.errors} errors) | ${ratio.toFixed(2)}× | ≤ ${target}× |`;
        lines.push(row);
        console.log(row);
      }
    }
  } finally {
    server?.kill('SIGTERM');
    await driver.close();
    await handle.stop();
    if (!DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const graph = DATA ? `an already loaded graph (${counts})` : 'seeds + 2024 archive loaded';
  const table = lines.join('\n');
  console.log(`\n${table}\n\n${failed ? 'Some endpoint missed its target or had errors.' : 'Every endpoint within its target, zero errors.'}`);
  appendResults('API (`npm run bench:api`)', `${machineFacts()} Server in its own process; ${DURATION} s per measurement after a warm-up of every endpoint; each endpoint right after its own baseline run (/api/ping, RETURN 1) with the same clients; requests cycle over 40 papers/authors (10 search words); ${graph}.${projectionNote}\n\n${table}`);
  if (failed) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
