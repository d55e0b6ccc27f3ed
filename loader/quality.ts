// `npm run quality -- --labels FILE <paths…> [--topics FILE] [--tree] [--seeds N] [--report json]`: runs the
// analytics on files or folders (no Neo4j needed) and measures them against a hand-labelled set of their papers —
// topic clustering F1 at the coarse and fine level, same-label related work overall and per label
// (loader/analyse/evaluate.ts); with --seeds, the spread of every number over clustering seeds.
// Exit 0 with a report, 1 when the labels or the input cannot be used.
import { pathToFileURL } from 'node:url';
import { Command, Option } from 'commander';
import { readTopicConfig } from './analyse/config.ts';
import { evaluate, formatQuality, readLabelledFile } from './analyse/evaluate.ts';
import { analyse } from './analyse/index.ts';
import { toAnalysisPapers } from './analyse/input.ts';
import { formatTopicTree } from './analyse/report.ts';
import { readInputs } from './read.ts';
import { resolve } from './resolve/index.ts';

interface QualityOptions {
  labels: string;
  topics?: string;
  report: 'text' | 'json';
  tree?: boolean;
  seeds?: string;
}

/** One number over several clustering seeds. */
export interface Spread {
  min: number;
  mean: number;
  max: number;
}
const spreadOf = (xs: number[]): Spread => ({ min: Math.min(...xs), mean: xs.reduce((s, x) => s + x, 0) / xs.length, max: Math.max(...xs) });

/** Runs the command; returns the exit code. Output goes to `out`, messages to `err`. */
export async function quality(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const program = new Command()
    .name('quality')
    .description('Measure topics and related work against a labelled set of papers')
    .argument('<paths...>', 'the corpus: files or folders (walked recursively)')
    .requiredOption('--labels <file>', 'labelled papers: JSON, [{ "title" or "id", "fine", "coarse"? }] or { "papers": [...] }')
    .option('--topics <file>', 'topic steering file instead of loader/topics.yaml')
    .option('--tree', 'also print the topic tree')
    .option('--seeds <n>', 'also run the clustering with seeds 1…n and report the spread of every number')
    .addOption(new Option('--report <kind>', 'output format').choices(['text', 'json']).default('text'))
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err });
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode;
    return code === 0 ? 0 : 1;
  }
  const opts = program.opts<QualityOptions>();
  try {
    // The clustering is seeded; related work breaks near-ties by topic, so every number moves a little with the seed.
    const n = opts.seeds === undefined ? 0 : Math.trunc(Number(opts.seeds));
    if (opts.seeds !== undefined && !(n >= 1 && n <= 50)) throw new Error(`--seeds: expected a whole number from 1 to 50, got "${opts.seeds}"`);
    const config = opts.topics ? { topicConfig: readTopicConfig(opts.topics) } : {};
    const labelled = readLabelledFile(opts.labels);
    const read = await readInputs(program.args);
    for (const i of read.issues) err(`${i.severity} ${i.file}:${i.line}: ${i.reason}\n`);
    const papers = toAnalysisPapers(resolve(read.files));
    if (papers.length === 0) {
      err('No paper found in the input.\n');
      return 1;
    }
    const analysis = analyse(papers, config);
    const report = await evaluate(papers, analysis, labelled);
    if (report.matched === 0) {
      err(`None of the ${report.labelled} labelled papers is in the corpus (matched by id, then by title).\n`);
      return 1;
    }
    const runs = [report];
    for (let seed = 1; seed <= n; seed++) runs.push(await evaluate(papers, analyse(papers, { ...config, seed }), labelled));
    const spread =
      n > 0
        ? {
            seeds: n + 1,
            coarseF1: runs.every((r) => r.coarse) ? spreadOf(runs.map((r) => r.coarse!.f1)) : null,
            fineF1: spreadOf(runs.map((r) => r.fine.f1)),
            testPassing: spreadOf(runs.map((r) => r.test.passing)),
            allPassing: spreadOf(runs.map((r) => r.all.passing)),
          }
        : null;
    if (opts.report === 'json') out(`${JSON.stringify({ papers: papers.length, ...report, ...(spread ? { spread } : {}) }, null, 2)}\n`);
    else {
      out(`Corpus: ${papers.length} papers, ${analysis.topics.filter((t) => t.level === 0).length} topics, ${analysis.topics.filter((t) => t.level === 1).length} subtopics\n`);
      if (opts.tree) out(`\n${formatTopicTree(analysis)}\n`);
      out(`\n${formatQuality(report)}\n`);
      if (spread) {
        const f = (x: Spread, d: number) => `${x.min.toFixed(d)}–${x.max.toFixed(d)} (mean ${x.mean.toFixed(d === 0 ? 1 : d)})`;
        out(`\nOver ${spread.seeds} clustering seeds (the default and 1–${n}):\n`);
        if (spread.coarseF1) out(`  coarse F1 ${f(spread.coarseF1, 3)}\n`);
        out(`  fine F1 ${f(spread.fineF1, 3)}\n  test papers with ≥ 3: ${f(spread.testPassing, 0)} of ${report.test.rows.length}\n  labelled papers with ≥ 3: ${f(spread.allPassing, 0)} of ${report.all.papers}\n`);
      }
    }
    return 0;
  } catch (e) {
    err(`${(e as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await quality(process.argv.slice(2));
