// Related work: each paper's top-k most similar papers by cosine over TF-IDF vectors (inverted index), with the
// shared terms that explain each match. Exact by default; pruned candidate generation for large corpora.
import type { SimilarRel } from '../types.ts';
import type { Features, SparseVector } from './tfidf.ts';

export interface SimilarityOptions {
  k?: number;
  /** Candidate generation from each paper's top-N terms only (approximate); 0 = exact. */
  pruneTerms?: number;
  /** With pruning, how many of the query paper's heaviest terms are looked up (default `pruneTerms`). */
  queryTerms?: number;
  /** With pruning, each term's postings keep only its `championCap` highest-weighted papers (default 2000). */
  championCap?: number;
  minScore?: number;
  explainTerms?: number;
  /** With pruning, neighbour-of-neighbour passes over the candidate lists (default 0). */
  refinePasses?: number;
  /** Per pass, how many of a paper's best neighbours lend their lists (default 5). */
  refineFanout?: number;
}

type Neighbour = { target: number; score: number };

function topTerms(v: SparseVector, n: number): number[] {
  if (v.idx.length <= n) return Array.from(v.idx);
  const order = [...v.idx.keys()].sort((a, b) => v.val[b]! - v.val[a]! || a - b);
  return order.slice(0, n).map((i) => v.idx[i]!);
}

/** Inverted index as flat typed arrays: term t's postings are docs/weights[start[t] … start[t + 1]). */
interface Postings {
  start: Int32Array;
  docs: Int32Array;
  weights: Float32Array;
}

/**
 * Builds the inverted index over each doc's `terms(doc)` (all of its terms when null). With `cap` > 0 a term keeps
 * only its `cap` highest-weighted docs ("champion lists"), which bounds the cost of very common terms.
 */
function buildPostings(features: Features, terms: ((doc: number) => Set<number>) | null, cap: number): Postings {
  const V = features.vocab.length;
  const count = new Int32Array(V + 1);
  const keep = features.vectors.map((v, doc) => (terms ? terms(doc) : null));
  features.vectors.forEach((v, doc) => {
    const k = keep[doc];
    for (let j = 0; j < v.idx.length; j++) if (!k || k.has(v.idx[j]!)) count[v.idx[j]! + 1]!++;
  });
  const start = new Int32Array(V + 1);
  for (let t = 0; t < V; t++) start[t + 1] = start[t]! + count[t + 1]!;
  const fill = Int32Array.from(start.subarray(0, V));
  const docs = new Int32Array(start[V]!);
  const weights = new Float32Array(start[V]!);
  features.vectors.forEach((v, doc) => {
    const k = keep[doc];
    for (let j = 0; j < v.idx.length; j++) {
      const t = v.idx[j]!;
      if (k && !k.has(t)) continue;
      docs[fill[t]!] = doc;
      weights[fill[t]!] = v.val[j]!;
      fill[t]!++;
    }
  });
  if (cap <= 0) return { start, docs, weights };
  // Champion lists: the `cap` highest weights of each term, docs in ascending order.
  const cStart = new Int32Array(V + 1);
  for (let t = 0; t < V; t++) cStart[t + 1] = cStart[t]! + Math.min(cap, start[t + 1]! - start[t]!);
  const cDocs = new Int32Array(cStart[V]!);
  const cWeights = new Float32Array(cStart[V]!);
  for (let t = 0; t < V; t++) {
    const a = start[t]!;
    const b = start[t + 1]!;
    let order = Array.from({ length: b - a }, (_, i) => a + i);
    if (b - a > cap) order = order.sort((x, y) => weights[y]! - weights[x]! || docs[x]! - docs[y]!).slice(0, cap).sort((x, y) => docs[x]! - docs[y]!);
    order.forEach((src, i) => {
      cDocs[cStart[t]! + i] = docs[src]!;
      cWeights[cStart[t]! + i] = weights[src]!;
    });
  }
  return { start: cStart, docs: cDocs, weights: cWeights };
}

/** Keeps the `m` best (score desc, target asc) of `touched` using a bounded min-heap; returns them sorted. */
function best(touched: Int32Array, count: number, acc: Float64Array, m: number): Neighbour[] {
  // A bounded min-heap of doc indices (the worst kept doc on top); only docs that enter it are ever compared twice.
  const heap = new Int32Array(Math.min(m, count));
  let size = 0;
  const worse = (a: number, b: number) => acc[a]! < acc[b]! || (acc[a] === acc[b] && a > b);
  for (let i = 0; i < count; i++) {
    const d = touched[i]!;
    if (size < m) {
      heap[size] = d;
      for (let c = size++; c > 0; ) {
        const p = (c - 1) >> 1;
        if (!worse(heap[c]!, heap[p]!)) break;
        [heap[c], heap[p]] = [heap[p]!, heap[c]!];
        c = p;
      }
    } else if (worse(heap[0]!, d)) {
      heap[0] = d;
      for (let c = 0; ; ) {
        const l = 2 * c + 1;
        const r = l + 1;
        let w = c;
        if (l < size && worse(heap[l]!, heap[w]!)) w = l;
        if (r < size && worse(heap[r]!, heap[w]!)) w = r;
        if (w === c) break;
        [heap[c], heap[w]] = [heap[w]!, heap[c]!];
        c = w;
      }
    }
  }
  return Array.from(heap.subarray(0, size), (d) => ({ target: d, score: acc[d]! })).sort((a, b) => b.score - a.score || a.target - b.target);
}

/** Top-k neighbours (index, score) of the docs in `only` (default: every doc). */
export function topK(features: Features, options: SimilarityOptions = {}, only?: number[]): Neighbour[][] {
  const k = options.k ?? 10;
  const prune = options.pruneTerms ?? 0;
  const minScore = options.minScore ?? 0.02;
  const n = features.vectors.length;
  const termsOf = prune > 0 ? features.vectors.map((v) => new Set(topTerms(v, prune))) : null;
  const postings = buildPostings(features, termsOf ? (doc) => termsOf[doc]! : null, prune > 0 ? (options.championCap ?? 2000) : 0);
  const query = prune > 0 ? (options.queryTerms ?? prune) : 0;
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  const { start: pStart, docs: pDocs, weights: pWeights } = postings;
  const run = (doc: number): Neighbour[] => {
    const v = features.vectors[doc]!;
    const terms = query > 0 ? (query === prune ? termsOf![doc]! : new Set(topTerms(v, query))) : null;
    let count = 0;
    for (let j = 0; j < v.idx.length; j++) {
      const t = v.idx[j]!;
      if (terms && !terms.has(t)) continue;
      const w = v.val[j]!;
      for (let p = pStart[t]!, end = pStart[t + 1]!; p < end; p++) {
        const d = pDocs[p]!;
        if (d === doc) continue;
        if (acc[d] === 0) touched[count++] = d;
        acc[d]! += w * pWeights[p]!;
      }
    }
    let scored = best(touched, count, acc, prune > 0 ? Math.max(50, 3 * k) : k + 5);
    for (let i = 0; i < count; i++) acc[touched[i]!] = 0;
    // The dot product accumulated from the index (single-precision weights; with pruning, over top terms only) ranks
    // candidates; the best few are re-scored exactly.
    scored = scored.map((s) => ({ target: s.target, score: cosine(v, features.vectors[s.target]!) })).sort((a, b) => b.score - a.score || a.target - b.target);
    return scored.filter((s) => s.score >= minScore).slice(0, k);
  };
  if (only) return only.map(run);
  const lists = features.vectors.map((_, doc) => run(doc));
  if (prune === 0) return lists;
  let out = lists;
  for (let pass = 0; pass < (options.refinePasses ?? 0); pass++) out = refine(features, out, k, minScore, options.refineFanout ?? 5);
  return out;
}

/**
 * One neighbour-of-neighbour pass (NN-descent): each doc's candidates are its own list plus the lists of its best
 * `fanout` neighbours, all scored exactly; similar papers of similar papers that the pruned index missed come back.
 */
function refine(features: Features, lists: Neighbour[][], k: number, minScore: number, fanout = 5): Neighbour[][] {
  const dense = new Float64Array(features.vocab.length);
  const seen = new Uint8Array(features.vectors.length);
  return lists.map((list, doc) => {
    const v = features.vectors[doc]!;
    for (let j = 0; j < v.idx.length; j++) dense[v.idx[j]!] = v.val[j]!;
    const out: Neighbour[] = [...list];
    const marked = [doc, ...list.map((n) => n.target)];
    for (const m of marked) seen[m] = 1;
    for (const n of list.slice(0, fanout)) {
      for (const c of lists[n.target]!) {
        if (seen[c.target]) continue;
        seen[c.target] = 1;
        marked.push(c.target);
        const u = features.vectors[c.target]!;
        let score = 0;
        for (let j = 0; j < u.idx.length; j++) score += dense[u.idx[j]!]! * u.val[j]!;
        if (score >= minScore) out.push({ target: c.target, score });
      }
    }
    for (let j = 0; j < v.idx.length; j++) dense[v.idx[j]!] = 0;
    for (const m of marked) seen[m] = 0;
    return out.sort((a, b) => b.score - a.score || a.target - b.target).slice(0, k);
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

/** Above this many papers the topic-neighbour search is pruned (champion lists) unless `pruneTerms` says otherwise. */
export const EXACT_LIMIT = 5000;
/**
 * How many nearest papers by the related-work features each paper's related work is chosen from: the same fine topic
 * may lift a near-tie among them into the top k.
 */
export const RELATED_CANDIDATES = 20;
/** Topic clustering links each paper to (at most) this many of its nearest papers. */
export const TOPIC_NEIGHBOURS = 20;
/** Bigram weight of the related-work features relative to the topic features (0.5 against 1.5). */
export const RELATED_BIGRAM_FACTOR = 1 / 3;
/** Added to a candidate's cosine when choosing a paper's related work if both share their primary fine topic. */
export const SAME_TOPIC_BONUS = 0.05;

/** Terms per paper of the pruned search by the topic features (its heaviest are rare bigrams: short postings). */
export const TOPIC_PRUNE_TERMS = 60;
/**
 * Up to this many papers related work is searched exactly (its cost grows with the square of the corpus: 72 s at 50k
 * generated papers, 332 s at 100k inside the 11.7-minute load). Pruning it pays less than pruning the topic search:
 * with bigrams weighted down a paper's heaviest terms are commoner words whose champion lists miss more. At 50k, 60
 * terms a paper kept 0.83–0.85 of the exact top 10 and 100 terms 0.973 (58.7 s); at 100k, 100 terms with 2 000-paper
 * champion lists kept 0.768 (176 s), with 5 000-paper lists 0.950 (228 s, against 314 s exact in the same run).
 */
export const RELATED_EXACT_LIMIT = 120_000;
/** Above `RELATED_EXACT_LIMIT`: terms per paper of the pruned related-work search, and papers per champion list ÷ n. */
export const RELATED_PRUNE_TERMS = 100;
export const RELATED_CHAMPION_SHARE = 1 / 20;

/** The options of a search: exact up to `exactLimit` papers, pruned (`terms` a paper) above, unless `pruneTerms` says. */
function searchOptions(features: Features, options: SimilarityOptions, k: number, terms: number, exactLimit: number, championCap?: number): SimilarityOptions {
  const exact = (options.pruneTerms ?? (features.vectors.length > exactLimit ? terms : 0)) === 0;
  return { ...(championCap !== undefined ? { championCap } : {}), ...options, k, pruneTerms: exact ? 0 : (options.pruneTerms ?? terms) };
}

/**
 * Each paper's nearest papers by the topic features (what topic clustering links): exact up to 5 000 papers, pruned
 * to `TOPIC_PRUNE_TERMS` terms a paper above (unless `pruneTerms` says otherwise); `TOPIC_NEIGHBOURS` per paper (at
 * least `k`).
 */
export function neighbourLists(features: Features, options: SimilarityOptions = {}, only?: number[]): Neighbour[][] {
  return topK(features, searchOptions(features, options, Math.max(TOPIC_NEIGHBOURS, options.k ?? 10), TOPIC_PRUNE_TERMS, EXACT_LIMIT), only);
}

/**
 * The related-work features: the same terms with bigrams weighted `factor` times their topic-feature weight, each
 * vector re-normalised. Phrases ("mixture experts", "load balancing") make good topic boundaries, but ranking a
 * paper's own related work by them lets one shared phrase outweigh the rest of the text.
 */
export function relatedFeatures(features: Features, factor = RELATED_BIGRAM_FACTOR): Features {
  const scale = Float64Array.from(features.vocab, (t) => (t.includes(' ') ? factor : 1));
  const vectors = features.vectors.map((v) => {
    const val = new Float64Array(v.val.length);
    let sq = 0;
    for (let j = 0; j < v.idx.length; j++) {
      val[j] = v.val[j]! * scale[v.idx[j]!]!;
      sq += val[j]! * val[j]!;
    }
    const norm = Math.sqrt(sq) || 1;
    for (let j = 0; j < val.length; j++) val[j]! /= norm;
    return { idx: v.idx, val };
  });
  return { ...features, vectors };
}

export interface RelatedWork {
  /** The vectors the related-work scores and explanations come from. */
  related: Features;
  /** Each paper's top-k related papers (of `docs` when given), best first. */
  lists: Neighbour[][];
}

/**
 * Related work: each paper's `RELATED_CANDIDATES` nearest papers by cosine over the related-work features (exact up
 * to `RELATED_EXACT_LIMIT` papers, pruned above, unless `pruneTerms` says otherwise); the k kept (cosine above
 * `minScore`) are those with the highest cosine plus `SAME_TOPIC_BONUS` when `topicOf` (doc → primary fine topic
 * index, -1 for none) puts both in one topic. Scores stay cosines. With `docs`, only those papers.
 */
export function relatedWork(features: Features, options: SimilarityOptions = {}, docs?: number[], topicOf?: Int32Array): RelatedWork {
  const k = options.k ?? 10;
  const related = relatedFeatures(features);
  const cap = Math.max(2000, Math.round(related.vectors.length * RELATED_CHAMPION_SHARE));
  const lists = topK(related, searchOptions(related, options, Math.max(k, RELATED_CANDIDATES), RELATED_PRUNE_TERMS, RELATED_EXACT_LIMIT, cap), docs);
  const out = lists.map((list, i) => {
    const doc = docs ? docs[i]! : i;
    const own = topicOf ? topicOf[doc]! : -1;
    const rank = (n: Neighbour) => n.score + (own >= 0 && topicOf![n.target] === own ? SAME_TOPIC_BONUS : 0);
    return [...list].sort((a, b) => rank(b) - rank(a) || b.score - a.score || a.target - b.target).slice(0, k);
  });
  return { related, lists: out };
}

/** SIMILAR_TO rows for papers `ids` (same order as the feature vectors): each paper's related work with its shared terms. */
export function similarRelations(ids: string[], features: Features, options: SimilarityOptions = {}, work = relatedWork(features, options)): SimilarRel[] {
  return work.lists.flatMap((list, doc) =>
    list.map(({ target, score }) => ({
      source: ids[doc]!,
      target: ids[target]!,
      score: Math.round(score * 10_000) / 10_000,
      terms: sharedTerms(work.related.vectors[doc]!, work.related.vectors[target]!, work.related.surface, options.explainTerms ?? 5),
    })),
  );
}
