// TF-IDF features: vocabulary (unigrams with df ≥ 2, bigrams with df ≥ 2), sublinear tf, smoothed idf,
// title weighted twice, L2-normalised sparse vectors; and readable surfaces for every term.
import type { AnalysisPaper } from '../types.ts';
import { sharedFloat64, sharedInt32 } from './shared.ts';
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
  /**
   * When every vector is a view of one pair of shared arrays (CSR: doc d's terms at [start[d], start[d + 1])), those
   * arrays: the search threads read them in place instead of a copy.
   */
  packed?: Packed;
}

export interface Packed {
  start: Int32Array;
  idx: Int32Array;
  val: Float64Array;
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
  // Pass 1: every distinct term gets an integer id once; documents keep (id, count) pairs in typed arrays, so the
  // per-document work after tokenising is integer arithmetic, not string hashing.
  const termId = new Map<string, number>();
  const termOf: string[] = [];
  const df: number[] = [];
  // Surface forms per term: most terms only ever have one, so a second map is made only when another shows up.
  const surfaces: { first: string; count: number; others: Map<string, number> | null }[] = [];
  const docIds: Int32Array[] = [];
  const docCounts: Int32Array[] = [];
  const local = new Map<number, number>();
  for (const p of papers) {
    local.clear();
    for (const { term, surface } of terms(paperText(p))) {
      let id = termId.get(term);
      if (id === undefined) {
        id = termOf.length;
        termId.set(term, id);
        termOf.push(term);
        df.push(0);
        surfaces.push({ first: surface, count: 0, others: null });
      }
      local.set(id, (local.get(id) ?? 0) + 1);
      const s = surfaces[id]!;
      if (s.first === surface) s.count++;
      else (s.others ??= new Map()).set(surface, (s.others.get(surface) ?? 0) + 1);
    }
    const ids = new Int32Array(local.size);
    const counts = new Int32Array(local.size);
    let i = 0;
    for (const [id, c] of local) {
      ids[i] = id;
      counts[i++] = c;
      df[id]!++;
    }
    docIds.push(ids);
    docCounts.push(counts);
  }
  // Pass 2: the vocabulary (document frequency within bounds, sorted by term) and each document's weights.
  const kept = termOf.flatMap((t, id) => (df[id]! >= minDf && df[id]! <= maxDf ? [id] : [])).sort((a, b) => (termOf[a]! < termOf[b]! ? -1 : 1));
  const index = new Int32Array(termOf.length).fill(-1);
  kept.forEach((id, i) => (index[id] = i));
  const vocab = kept.map((id) => termOf[id]!);
  const n = papers.length;
  const idf = kept.map((id) => Math.log((1 + n) / (1 + df[id]!)) + 1);
  const bigram = kept.map((id) => (termOf[id]!.includes(' ') ? 1.5 : 1));
  // Every document's vector is a view of one pair of shared arrays (see `Features.packed`).
  const start = sharedInt32(n + 1);
  docIds.forEach((ids, doc) => {
    let count = 0;
    for (let j = 0; j < ids.length; j++) if (index[ids[j]!]! >= 0) count++;
    start[doc + 1] = start[doc]! + count;
  });
  const allIdx = sharedInt32(start[n]!);
  const allVal = sharedFloat64(start[n]!);
  const vectors = docIds.map((ids, doc) => {
    const counts = docCounts[doc]!;
    const entries: [number, number][] = [];
    for (let j = 0; j < ids.length; j++) {
      const i = index[ids[j]!]!;
      if (i < 0) continue;
      entries.push([i, (1 + Math.log(counts[j]!)) * idf[i]! * bigram[i]!]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0)) || 1;
    const a = start[doc]!;
    entries.forEach(([i, v], j) => {
      allIdx[a + j] = i;
      allVal[a + j] = v / norm;
    });
    return { idx: allIdx.subarray(a, start[doc + 1]!), val: allVal.subarray(a, start[doc + 1]!) };
  });
  const surface = kept.map((id) => {
    const s = surfaces[id]!;
    const all: [string, number][] = [[s.first, s.count], ...(s.others ? [...s.others.entries()] : [])];
    return all.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  });
  return { vocab, surface, df: Int32Array.from(kept, (id) => df[id]!), vectors, packed: { start, idx: allIdx, val: allVal } };
}
