// The load pipeline: read files → skip unchanged sources → resolve identities (against the graph too) → write
// entities → recompute analytics over the whole graph when anything changed. Returns a summary for the CLI.
import type { Driver } from 'neo4j-driver';
import { ensureHubs, markHubs } from '../neo4j/hubs.ts';
import { analyse } from './analyse/index.ts';
import { formatTopicTree } from './analyse/report.ts';
import { readInputs } from './read.ts';
import { resolve } from './resolve/index.ts';
import type { Analysis, FormatName, LoadIssue, ResolvedCorpus } from './types.ts';
import { isAnalysisStale, readAnalysisPapers, readAuthorNames, readPreviousTopics, setAnalysisStale, writeAnalysis } from './write/analytics.ts';
import { writeEntities, type EntityWriteResult } from './write/entities.ts';
import { knownPaperIds, rekeyCorpus, sourceShas, titleKeyOf } from './write/identity.ts';

export interface LoadOptions {
  format?: FormatName;
  dryRun?: boolean;
  /** Reload sources even when their sha256 is unchanged. */
  force?: boolean;
  cwd?: string;
  batchSize?: number;
  /** Write transactions in flight at once (default WRITE_CONCURRENCY, 2). */
  concurrency?: number;
  log?: (line: string) => void;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface LoadSummary {
  files: number;
  filesSkipped: number;
  rows: number;
  records: number;
  papers: { total: number; new: number; updated: number; unchanged: number };
  authors: number;
  repos: number;
  resources: number;
  tags: number;
  warnings: number;
  errors: number;
  issues: LoadIssue[];
  analysed: boolean;
  topicTree: string | null;
  timings: Record<string, number>;
}

/** Exit code for a summary: 0 all good, 2 some input rejected, 1 nothing valid at all. */
export function exitCodeOf(summary: LoadSummary): number {
  if (summary.records === 0 && summary.filesSkipped === 0) return 1;
  return summary.errors > 0 ? 2 : 0;
}

async function timed<T>(timings: Record<string, number>, name: string, fn: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    timings[name] = Math.round(performance.now() - t0);
  }
}

/** Loads `paths` into the database (or only parses and resolves them with `dryRun`). */
export async function loadPaths(driver: Driver | null, database: string, paths: string[], options: LoadOptions = {}): Promise<LoadSummary> {
  const timings: Record<string, number> = {};
  const log = options.log ?? (() => {});
  // Files whose sha256 matches their Source node are skipped before they are decoded or parsed.
  const shas = driver && !options.force ? await sourceShas(driver, database) : new Map<string, string>();
  const read = await timed(timings, 'read', () => readInputs(paths, { cwd: options.cwd ?? process.cwd(), ...(options.format ? { format: options.format } : {}), unchanged: (p, sha) => shas.get(p) === sha }));
  const fresh = read.files.filter((f) => !f.unchanged);
  const skipped = read.files.length - fresh.length;
  if (skipped > 0) log(`${skipped} file(s) unchanged since their last load: skipped.`);
  let corpus: ResolvedCorpus = await timed(timings, 'resolve', () => resolve(fresh));
  if (driver) corpus = rekeyCorpus(corpus, await knownPaperIds(driver, database, corpus));
  const issues = [...read.issues, ...read.files.flatMap((f) => f.issues), ...corpus.issues];
  const summary: LoadSummary = {
    files: read.files.length,
    filesSkipped: skipped,
    rows: read.files.reduce((n, f) => n + f.rows, 0),
    records: fresh.reduce((n, f) => n + f.records.length, 0),
    papers: { total: corpus.papers.length, new: 0, updated: 0, unchanged: 0 },
    authors: corpus.authors.length,
    repos: corpus.repos.length,
    resources: corpus.resources.length,
    tags: corpus.tags.length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    errors: issues.filter((i) => i.severity === 'error').length,
    issues,
    analysed: false,
    topicTree: null,
    timings,
  };
  if (!driver || options.dryRun) return summary;

  let written: EntityWriteResult = { papersNew: 0, papersUpdated: 0, papersUnchanged: 0, batches: 0 };
  if (corpus.papers.length > 0 || corpus.sources.length > 0) {
    await setAnalysisStale(driver, database, true);
    written = await timed(timings, 'write', () =>
      writeEntities(driver, database, corpus, titleKeyOf, {
        batchSize: options.batchSize ?? 1000,
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        onBatch: (done, total) => options.onProgress?.('write', done, total),
      }),
    );
  }
  summary.papers = { total: corpus.papers.length, new: written.papersNew, updated: written.papersUpdated, unchanged: written.papersUnchanged };
  if (await isAnalysisStale(driver, database)) {
    const analysis = await runAnalysis(driver, database, timings, log);
    summary.analysed = true;
    summary.topicTree = formatTopicTree(analysis);
  } else {
    // A graph written before hub labels existed (or with another threshold): label its hubs once.
    await timed(timings, 'hubs', () => ensureHubs(driver, database));
  }
  return summary;
}

/** Recomputes analytics from the whole graph and writes them; clears the stale flag last. */
export async function runAnalysis(driver: Driver, database: string, timings: Record<string, number> = {}, log: (l: string) => void = () => {}): Promise<Analysis> {
  const papers = await timed(timings, 'readBack', () => readAnalysisPapers(driver, database));
  log(`Analysing ${papers.length} papers (topics, related work, co-author communities)…`);
  const authorNames = await readAuthorNames(driver, database);
  const previousTopics = await readPreviousTopics(driver, database);
  const analysis = await timed(timings, 'analyse', () => analyse(papers, { authorNames, previousTopics }));
  for (const [k, v] of Object.entries(analysis.timings)) timings[`analyse.${k}`] = v;
  await timed(timings, 'writeAnalysis', () => writeAnalysis(driver, database, analysis, papers));
  // Degrees changed (SIMILAR_TO, IN_TOPIC, COAUTHORED_WITH were rewritten): hub labels follow.
  await timed(timings, 'hubs', () => markHubs(driver, database));
  await setAnalysisStale(driver, database, false);
  return analysis;
}
