// Related work: each paper's top-k most similar papers by cosine over TF-IDF vectors (inverted index), with the
// shared terms that explain each match. Exact by default; pruned candidate generation for large corpora.
import type { SimilarRel } from '../types.ts';
import { search } from './search.ts';
import { packedOf, sharedFloat64 } from './shared.ts';
import type { Features, SparseVector } from './tfidf.ts';

export interface SimilarityOptions {
  k?: number;
  /** Candidate generation from each paper's top-N terms only (approximate); 0 = exact. */
  pruneTerms?: number;
  /** With pruning, each term's postings keep only its `championCap` highest-weighted papers (default 2000). */
  championCap?: number;
  minScore?: number;
  explainTerms?: number;
  /** Threads the search may use, the calling one included (default: the machine's cores, see search.ts). */
  threads?: number;
}

type Neighbour = { target: number; score: number };

/**
 * Top-k neighbours (index, score) of the docs in `only` (default: every doc): the dot products over the inverted
 * index (single-precision weights; with pruning, over each paper's heaviest terms only) rank candidates, the best few
 * (k + 5 exact, max(50, 3k) pruned) are re-scored exactly. Large searches run on `threads` threads (search.ts).
 */
export function topK(features: Features, options: SimilarityOptions = {}, only?: number[]): Neighbour[][] {
  const k = options.k ?? 10;
  const prune = options.pruneTerms ?? 0;
  const spec = { k, m: prune > 0 ? Math.max(50, 3 * k) : k + 5, minScore: options.minScore ?? 0.02, pruneTerms: prune, championCap: options.championCap ?? 2000 };
  return search(features, spec, only, options.threads !== undefined ? { threads: options.threads } : {}).lists;
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
 * Up to this many papers related work is searched exactly (its cost grows with the square of the corpus: on one
 * thread 72 s at 50k generated papers and 332 s at 100k; on this machine's two, 143 s at 100k inside a 9.4-minute
 * load). Pruning it pays less than pruning the topic search:
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
  // Packed features give packed related-work features: the same term indices, new weights in one shared array.
  const packed = packedOf(features);
  const all = packed ? sharedFloat64(packed.val.length) : null;
  const vectors = features.vectors.map((v, doc) => {
    const val = all ? all.subarray(packed!.start[doc]!, packed!.start[doc + 1]!) : new Float64Array(v.val.length);
    let sq = 0;
    for (let j = 0; j < v.idx.length; j++) {
      val[j] = v.val[j]! * scale[v.idx[j]!]!;
      sq += val[j]! * val[j]!;
    }
    const norm = Math.sqrt(sq) || 1;
    for (let j = 0; j < val.length; j++) val[j]! /= norm;
    return { idx: v.idx, val };
  });
  return { ...features, vectors, ...(packed && all ? { packed: { start: packed.start, idx: packed.idx, val: all } } : { packed: undefined }) };
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
