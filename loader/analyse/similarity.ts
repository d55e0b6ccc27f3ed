// Related work: each paper's top-k most similar papers by cosine over TF-IDF vectors (inverted index), with the
// shared terms that explain each match. Exact by default; pruned candidate generation for large corpora.
import type { SimilarRel } from '../types.ts';
import type { Features, SparseVector } from './tfidf.ts';

export interface SimilarityOptions {
  k?: number;
  /** Candidate generation from each paper's top-N terms only (approximate); 0 = exact. */
  pruneTerms?: number;
  minScore?: number;
  explainTerms?: number;
}

function topTerms(v: SparseVector, n: number): number[] {
  const order = [...v.idx.keys()].sort((a, b) => v.val[b]! - v.val[a]! || a - b);
  return order.slice(0, n).map((i) => v.idx[i]!);
}

/** Top-k neighbours (index, score) per document. */
export function topK(features: Features, options: SimilarityOptions = {}): { target: number; score: number }[][] {
  const k = options.k ?? 10;
  const prune = options.pruneTerms ?? 0;
  const minScore = options.minScore ?? 0.02;
  const postings: { doc: number; w: number }[][] = features.vocab.map(() => []);
  features.vectors.forEach((v, doc) => {
    const keep = prune > 0 ? new Set(topTerms(v, prune)) : null;
    v.idx.forEach((t, j) => {
      if (!keep || keep.has(t)) postings[t]!.push({ doc, w: v.val[j]! });
    });
  });
  const n = features.vectors.length;
  const acc = new Float64Array(n);
  return features.vectors.map((v, doc) => {
    const touched: number[] = [];
    const terms = prune > 0 ? new Set(topTerms(v, prune)) : null;
    v.idx.forEach((t, j) => {
      if (terms && !terms.has(t)) return;
      for (const p of postings[t]!) {
        if (p.doc === doc) continue;
        if (acc[p.doc] === 0) touched.push(p.doc);
        acc[p.doc]! += v.val[j]! * p.w;
      }
    });
    let scored = touched.map((d) => ({ target: d, score: acc[d]! }));
    for (const d of touched) acc[d] = 0;
    if (prune > 0) {
      // The partial dot product over top terms ranks candidates; the best few are re-scored exactly.
      scored = scored
        .sort((a, b) => b.score - a.score || a.target - b.target)
        .slice(0, Math.max(50, 3 * k))
        .map((s) => ({ target: s.target, score: cosine(v, features.vectors[s.target]!) }));
    }
    scored = scored.filter((s) => s.score >= minScore).sort((a, b) => b.score - a.score || a.target - b.target);
    return scored.slice(0, k);
  });
}

/** Cosine of two L2-normalised sparse vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    if (a.idx[i] === b.idx[j]) s += a.val[i++]! * b.val[j++]!;
    else if (a.idx[i]! < b.idx[j]!) i++;
    else j++;
  }
  return s;
}

/** The shared terms that contribute most to the similarity of two vectors (readable surfaces). */
export function sharedTerms(a: SparseVector, b: SparseVector, surface: string[], n = 5): string[] {
  const contrib: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.idx.length && j < b.idx.length) {
    if (a.idx[i] === b.idx[j]) contrib.push([a.idx[i]!, a.val[i++]! * b.val[j++]!]);
    else if (a.idx[i]! < b.idx[j]!) i++;
    else j++;
  }
  return contrib.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, n).map(([t]) => surface[t]!);
}

/** recall@k of `approx` against `exact` neighbour lists (mean over documents with any exact neighbour). */
export function recallAtK(exact: { target: number }[][], approx: { target: number }[][], k = 10): number {
  let sum = 0;
  let count = 0;
  exact.forEach((e, d) => {
    const truth = e.slice(0, k).map((x) => x.target);
    if (truth.length === 0) return;
    const got = new Set((approx[d] ?? []).slice(0, k).map((x) => x.target));
    sum += truth.filter((t) => got.has(t)).length / truth.length;
    count++;
  });
  return count === 0 ? 1 : sum / count;
}

/**
 * Neighbour lists for every paper: exact up to 5 000 papers, pruned candidates above (unless `pruneTerms` says
 * otherwise); at least `k` and at least 20 per paper, so topic clustering can reuse them.
 */
export function neighbourLists(features: Features, options: SimilarityOptions = {}): { target: number; score: number }[][] {
  const exact = (options.pruneTerms ?? (features.vectors.length > 5000 ? 40 : 0)) === 0;
  return topK(features, { ...options, k: Math.max(20, options.k ?? 10), pruneTerms: exact ? 0 : (options.pruneTerms ?? 40) });
}

/** SIMILAR_TO rows for papers `ids` (same order as the feature vectors): the first k of each neighbour list. */
export function similarRelations(ids: string[], features: Features, options: SimilarityOptions = {}, lists = neighbourLists(features, options)): SimilarRel[] {
  const k = options.k ?? 10;
  return lists.flatMap((list, doc) =>
    list.slice(0, k).map(({ target, score }) => ({
      source: ids[doc]!,
      target: ids[target]!,
      score: Math.round(score * 10_000) / 10_000,
      terms: sharedTerms(features.vectors[doc]!, features.vectors[target]!, features.surface, options.explainTerms ?? 5),
    })),
  );
}
