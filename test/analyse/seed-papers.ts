// Test-only corpus loader: the seed corpus (and the 2024 archive) read through the real loader stages
// (readInputs → resolve → toAnalysisPapers), cached per process.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toAnalysisPapers } from '../../loader/analyse/input.ts';
import { readInputs } from '../../loader/read.ts';
import { resolve } from '../../loader/resolve/index.ts';
import type { AnalysisPaper, ResolvedCorpus } from '../../loader/types.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEEDS_DIR = path.join(ROOT, 'loader', 'samples', 'seeds');
export const ARCHIVE_DIR = path.join(ROOT, 'loader', 'samples', 'daily-ai-papers-2024');

const cache = new Map<string, Promise<{ corpus: ResolvedCorpus; papers: AnalysisPaper[] }>>();

async function load(dir: string): Promise<{ corpus: ResolvedCorpus; papers: AnalysisPaper[] }> {
  const read = await readInputs([dir], { cwd: ROOT });
  const corpus = resolve(read.files);
  return { corpus, papers: toAnalysisPapers(corpus) };
}

/** Papers of a sample folder, read once per process. */
export function samplePapers(dir: string): Promise<{ corpus: ResolvedCorpus; papers: AnalysisPaper[] }> {
  let p = cache.get(dir);
  if (!p) {
    p = load(dir);
    cache.set(dir, p);
  }
  return p;
}

/** The 287 seed papers. */
export const seedPapers = async (): Promise<AnalysisPaper[]> => (await samplePapers(SEEDS_DIR)).papers;

/** Author id → display name for a sample folder. */
export async function authorNamesOf(dir: string): Promise<Record<string, string>> {
  const { corpus } = await samplePapers(dir);
  return Object.fromEntries(corpus.authors.map((a) => [a.id, a.name]));
}
