// `npm run bench:scale [-- --sizes 10000,50000,100000] [--no-record]`: the product end to end on generated corpora
// of growing size. Per size: generate → `npm run load` (the real CLI, its own process, into a fresh embedded
// Neo4j sized by the product; both write paths warmed up first on a small corpus, then wiped) → the same load again
// on unchanged input → a raw `UNWIND … CREATE` of the same rows
// (the write baseline, same database, same run) → related-work recall@10 of the product's pruned search against
// exact cosine on 200 sampled papers. Prints per-step times and peak memory, and appends them to bench/RESULTS.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { createDriver } from '../neo4j/db.ts';
import { readDbConfig } from '../neo4j/config.ts';
import { startEmbedded } from '../neo4j/launcher.ts';
import { recallAtK, relatedWork } from '../loader/analyse/similarity.ts';
import { rng, sampleIndices } from '../loader/analyse/rng.ts';
import { buildFeatures } from '../loader/analyse/tfidf.ts';
import { toAnalysisPapers } from '../loader/analyse/input.ts';
import type { LoadSummary } from '../loader/pipeline.ts';
import { readInputs } from '../loader/read.ts';
import { resolve } from '../loader/resolve/index.ts';
import { freePort } from '../test/support/neo4j-global.ts';
import { rawCreate } from './load.ts';
import { applySchema } from '../neo4j/schema.ts';
import { writeEntities } from '../loader/write/entities.ts';
import { titleKeyOf } from '../loader/write/identity.ts';
import { generate } from './gen.ts';
import { appendResults, machineFacts } from './results.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const program = new Command()
  .option('--sizes <list>', 'generated corpus sizes', '10000,50000,100000')
  .option('--seed <n>', 'generator seed', '11')
  .option('--no-record', 'do not append to bench/RESULTS.md')
  .option('--keep <dir>', "keep the largest size's loaded Neo4j data folder here (for `bench:api -- --data DIR`, `bench:web -- --data DIR`)");
program.parse();
const opts = program.opts<{ sizes: string; seed: string; record: boolean; keep?: string }>();

interface Run {
  wallMs: number;
  summary: LoadSummary & { peakRssMb?: number };
}

/** Runs the loader CLI in its own process against the Neo4j on `port`; returns its wall time and JSON summary. */
function load(dir: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'loader', 'cli.ts'), dir, '--report', 'json'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (code !== 0) return fail(new Error(`loader exited ${code}: ${err.split('\n').slice(-5).join(' ')}`));
      done({ wallMs, summary: JSON.parse(out) as Run['summary'] });
    });
  });
}

/** Bytes under a folder (the Neo4j store, transaction logs included). */
function dirBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirBytes(p) : e.isFile() ? fs.statSync(p).size : 0;
  }
  return total;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rows: string[] = [];
const stepRows: string[] = [];
const dbDefaults = readDbConfig({});
const heapMb = dbDefaults.mode === 'embedded' ? dbDefaults.heapMb : 0;
const pageCacheMb = dbDefaults.mode === 'embedded' ? dbDefaults.pageCacheMb : 0;
console.log(machineFacts());
console.log(`Neo4j heap ${heapMb} MB, page cache ${pageCacheMb} MB (sized by the product from this machine's memory)`);

const sizes = opts.sizes.split(',').filter(Boolean).map(Number);
for (const n of sizes) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-scale-'));
  const corpusDir = path.join(work, 'corpus');
  const dataDir = path.join(work, 'neo4j');
  try {
    const g0 = performance.now();
    generate({ papers: n, seed: Number(opts.seed), out: corpusDir });
    const genMs = performance.now() - g0;
    const port = await freePort();
    const env = { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(port), NEO4J_WAIT_MS: '120000' };
    const config = readDbConfig(env);
    if (config.mode !== 'embedded') throw new Error('the scale benchmark runs on the embedded Neo4j (unset NEO4J_URI)');
    const handle = await startEmbedded(config, () => {});
    const driver = createDriver(config, handle.uri);
    try {
      // Warm-up, not measured: both write paths (the product's writer and the raw baseline) on a small generated
      // corpus, then everything removed, so neither pays the JVM's JIT compilation inside its measurement.
      const warmDir = path.join(work, 'warm-up');
      generate({ papers: 3000, seed: Number(opts.seed) + 1, out: warmDir });
      const warm = resolve((await readInputs([warmDir], { cwd: ROOT })).files);
      await applySchema(driver, config.database);
      await writeEntities(driver, config.database, warm, titleKeyOf);
      await rawCreate(driver, warm);
      const wipe = driver.session({ database: config.database });
      await wipe.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      await wipe.close();
      const first = await load(corpusDir, env);
      const again = await load(corpusDir, env);
      // Raw baseline: the same rows with plain UNWIND … CREATE (own labels), in the same database, then removed.
      const read = await readInputs([corpusDir], { cwd: ROOT });
      const corpus = resolve(read.files);
      const rawMs = await rawCreate(driver, corpus);
      const session = driver.session({ database: config.database });
      await session.run("MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH 'Raw') CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
      await session.close();
      // Related-work recall@10: the product's related work (exact up to RELATED_EXACT_LIMIT papers, pruned above)
      // against the exact top 10 by the same cosine, for 200 sampled papers; the topic tie-break is left out of both.
      const features = buildFeatures(toAnalysisPapers(corpus));
      const sample = sampleIndices(features.vectors.length, 200, rng(5));
      const exact = relatedWork(features, { pruneTerms: 0 }, sample).lists;
      const recall = recallAtK(exact, relatedWork(features, {}, sample).lists, 10);
      const storeMb = Math.round(dirBytes(dataDir) / 2 ** 20);
      const t = first.summary.timings;
      const sum = first.summary;
      const writes = again.summary.papers.new + again.summary.papers.updated;
      const row = `| ${n.toLocaleString('en')} | ${sum.papers.total} | ${sum.authors} | ${s(genMs)} | ${s(first.wallMs)} | ${s(t.read ?? 0)} | ${s(t.resolve ?? 0)} | ${s(t.write ?? 0)} | ${s((t.readBack ?? 0) + (t.analyse ?? 0) + (t.writeAnalysis ?? 0))} | ${sum.peakRssMb ?? '?'} MB | ${((rawMs / (t.write ?? 1))).toFixed(2)}× | ${s(again.wallMs)} (${((100 * again.wallMs) / first.wallMs).toFixed(1)} %) | ${writes} | ${recall.toFixed(3)} | ${storeMb} MB |`;
      rows.push(row);
      console.log(row);
      const steps = Object.entries(t).filter(([k]) => k.startsWith('analyse.')).map(([k, v]) => `${k.slice(8)} ${s(v)}`).join(', ');
      stepRows.push(`| ${n.toLocaleString('en')} | ${s(t.readBack ?? 0)} | ${steps} | ${s(t.writeAnalysis ?? 0)} |`);
      console.log(stepRows[stepRows.length - 1]);
    } finally {
      await driver.close();
      await handle.stop();
    }
    if (opts.keep && n === sizes[sizes.length - 1]) {
      const keep = path.resolve(opts.keep);
      fs.rmSync(keep, { recursive: true, force: true });
      fs.cpSync(dataDir, keep, { recursive: true });
      console.log(`Kept the ${n.toLocaleString('en')}-paper graph's Neo4j data folder in ${keep}`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const table = [
  '| papers generated | papers | authors | generate | load + analyse (wall) | read | resolve | write | analytics (read back, analyse, write) | loader peak RSS | write ÷ raw CREATE throughput | re-run unchanged | papers written on re-run | recall@10 vs exact (200 sampled) | Neo4j folder |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
const steps = ['| papers generated | read back | analytics steps | write analytics |', '|---|---|---|---|', ...stepRows].join('\n');
console.log(`\n${table}\n\n${steps}`);
if (opts.record) appendResults('Scale (`npm run bench:scale`)', `${machineFacts()} Neo4j heap ${heapMb} MB, page cache ${pageCacheMb} MB (sized by the product from the machine's memory).\n\n${table}\n\n${steps}`);
