// TF-IDF features: vocabulary (unigrams with df ≥ 2, bigrams with df ≥ 2), sublinear tf, smoothed idf,
// title weighted twice, L2-normalised sparse vectors; and readable surfaces for every term.
import type { AnalysisPaper } from '../types.ts';
import { terms } from './text.ts';

/** A sparse vector: parallel arrays of term indices (ascending) and weights. */
export interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
}

export interface Features {
  vocab: string[];
  /** Most frequent surface form per term index (what users see). */
  surface: string[];
  df: Int32Array;
  vectors: SparseVector[];
}

/** The text a paper is described by: title (twice), abstract and summary. */
export function paperText(p: AnalysisPaper): string {
  return [p.title, p.title, p.abstract ?? "", p.summary ?? ""].join(" \n ");
}

export function hasText(p: AnalysisPaper): boolean {
  return p.title.trim().length > 0;
}

/** Builds TF-IDF features for `papers` (deterministic: vocabulary sorted). */
export function buildFeatures(papers: AnalysisPaper[], options: { minDf?: number; maxDfRatio?: number } = {}): Features {
  const minDf = options.minDf ?? 2;
  const maxDf = Math.max(minDf, Math.floor((options.maxDfRatio ?? 0.5) * papers.length));
  const docTerms: Map<string, number>[] = [];
  const df = new Map<string, number>();
  // Surface forms per term: most terms only ever have one, so a second map is made only when another shows up.
  const surfaces = new Map<string, { first: string; count: number; others: Map<string, number> | null }>();
  for (const p of papers) {
    const counts = new Map<string, number>();
    for (const { term, surface } of terms(paperText(p))) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
      const s = surfaces.get(term);
      if (!s) surfaces.set(term, { first: surface, count: 1, others: null });
      else if (s.first === surface) s.count++;
      else (s.others ??= new Map()).set(surface, (s.others.get(surface) ?? 0) + 1);
    }
    docTerms.push(counts);
    for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const vocab = [...df.entries()].filter(([, n]) => n >= minDf && n <= maxDf).map(([t]) => t).sort();
  const index = new Map(vocab.map((t, i) => [t, i]));
  const n = papers.length;
  const idf = vocab.map((t) => Math.log((1 + n) / (1 + df.get(t)!)) + 1);
  const vectors = docTerms.map((counts) => {
    const entries: [number, number][] = [];
    for (const [t, c] of counts) {
      const i = index.get(t);
      if (i === undefined) continue;
      const bigram = t.includes(' ') ? 1.5 : 1;
      entries.push([i, (1 + Math.log(c)) * idf[i]! * bigram]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0)) || 1;
    return { idx: Int32Array.from(entries.map((e) => e[0])), val: Float64Array.from(entries.map((e) => e[1] / norm)) };
  });
  const surface = vocab.map((t) => {
    const s = surfaces.get(t)!;
    const all: [string, number][] = [[s.first, s.count], ...(s.others ? [...s.others.entries()] : [])];
    return all.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  });
  return { vocab, surface, df: Int32Array.from(vocab.map((t) => df.get(t)!)), vectors };
}
