// `npm run bench:analyse [-- --sizes 10000,50000]`: time of each analytics step (features, similarity, topic
// communities, co-authors, author communities) on the seeds, the 2024 archive and generated corpora, peak memory, and exact
// against pruned related-work search (time and recall@10 of pruned vs exact), and the exact search on all threads
// against one thread (time, and whether the lists are identical), all measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { analyse } from '../loader/analyse/index.ts';
import { toAnalysisPapers } from '../loader/analyse/input.ts';
import { RELATED_PRUNE_TERMS, recallAtK, relatedWork } from '../loader/analyse/similarity.ts';
import { defaultThreads } from '../loader/analyse/search.ts';
import { buildFeatures } from '../loader/analyse/tfidf.ts';
import { readInputs } from '../loader/read.ts';
import { resolve } from '../loader/resolve/index.ts';
import type { AnalysisPaper } from '../loader/types.ts';
import { generate } from './gen.ts';
import { appendResults, machineFacts } from './results.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const program = new Command()
  .option('--sizes <list>', 'generated corpus sizes', '10000,50000')
  .option('--prune <n>', 'terms per paper used by the pruned related-work search', String(RELATED_PRUNE_TERMS))
  .option('--no-record', 'do not append to bench/RESULTS.md');
program.parse();
const opts = program.opts<{ sizes: string; prune: string; record: boolean }>();

async function papersOf(dir: string): Promise<AnalysisPaper[]> {
  const read = await readInputs([dir], { cwd: ROOT });
  return toAnalysisPapers(resolve(read.files));
}

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const mb = (x: number) => `${Math.round(x / 2 ** 20)} MB`;
const s = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

const corpora: { name: string; load: () => Promise<AnalysisPaper[]> }[] = [
  { name: 'seeds', load: () => papersOf('loader/samples/seeds') },
  { name: '2024 archive', load: () => papersOf('loader/samples/daily-ai-papers-2024') },
  ...opts.sizes
    .split(',')
    .filter(Boolean)
    .map((n) => ({
      name: `generated ${Number(n).toLocaleString('en')}`,
      load: async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-bench-analyse-'));
        generate({ papers: Number(n), seed: 11, out: dir });
        try {
          return await papersOf(dir);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    })),
];

const rows: string[] = [];
const header = '| corpus | papers | features | similarity | topics (graph communities) | co-authors | communities | total | peak RSS | topics (coarse/fine) | exact top-10 | pruned top-10 | recall@10 pruned vs exact | exact top-10 on 1 thread | speed-up (same lists) |';
console.log(machineFacts());
for (const c of corpora) {
  const papers = await c.load();
  peak = process.memoryUsage().rss;
  global.gc?.();
  const t0 = performance.now();
  const a = analyse(papers);
  const total = performance.now() - t0;
  const t = a.timings;
  const coarse = a.topics.filter((x) => x.level === 0).length;
  // Exact vs pruned related-work search on the same features, timed separately from the pipeline above.
  const features = buildFeatures(papers);
  const e0 = performance.now();
  const exact = relatedWork(features, { pruneTerms: 0 }).lists;
  const exactMs = performance.now() - e0;
  const p0 = performance.now();
  const pruned = relatedWork(features, { pruneTerms: Number(opts.prune) }).lists;
  const prunedMs = performance.now() - p0;
  const recall = recallAtK(exact, pruned, 10);
  const o0 = performance.now();
  const single = relatedWork(features, { pruneTerms: 0, threads: 1 }).lists;
  const singleMs = performance.now() - o0;
  const same = JSON.stringify(single) === JSON.stringify(exact);
  const row = `| ${c.name} | ${papers.length} | ${s(t.features ?? 0)} | ${s((t.similarity ?? 0) + (t['similarity.related'] ?? 0) + (t['similarity.explain'] ?? 0))} | ${s(t.topics ?? 0)} | ${s(t.coauthors ?? 0)} | ${s(t.communities ?? 0)} | ${s(total)} | ${mb(peak)} | ${coarse}/${a.topics.length - coarse} | ${s(exactMs)} | ${s(prunedMs)} | ${recall.toFixed(3)} | ${s(singleMs)} | ${(singleMs / exactMs).toFixed(2)}× (${same ? 'identical' : 'DIFFERENT'}) |`;
  console.log(row);
  rows.push(row);
}
clearInterval(sampler);
const body = [
  `Command: \`npm run bench:analyse -- --sizes ${opts.sizes}\` (pruned search: each paper's top ${opts.prune} terms; exact and pruned searches on ${defaultThreads()} thread(s), then the exact one on 1).`,
  machineFacts(),
  '',
  header,
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(`\n${header}\n${rows.join('\n')}`);
if (opts.record) appendResults('npm run bench:analyse', body);
