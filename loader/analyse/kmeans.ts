// Seeded spherical k-means over sparse L2-normalised vectors (cosine), k-means++ initialisation, and a cosine
// silhouette-style score used to choose k. Dense centroids (k × vocabulary), sparse documents.
import type { SparseVector } from './tfidf.ts';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Clustering {
  k: number;
  assign: Int32Array;
  /** Cosine of each document to its centroid. */
  sim: Float64Array;
  centroids: Float64Array[];
}

function dot(v: SparseVector, c: Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.idx.length; j++) s += v.val[j]! * c[v.idx[j]!]!;
  return s;
}

function normalise(c: Float64Array): void {
  let n = 0;
  for (const x of c) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < c.length; i++) c[i]! /= n;
}

/** Clusters `docs` (indices into `vectors`) into k groups. */
export function sphericalKMeans(vectors: SparseVector[], docs: number[], dim: number, k: number, seed: number, iterations = 25): Clustering {
  const random = rng(seed);
  const centroids: Float64Array[] = [];
  const toCentroid = (d: number) => {
    const c = new Float64Array(dim);
    const v = vectors[d]!;
    v.idx.forEach((t, j) => (c[t] = v.val[j]!));
    return c;
  };
  centroids.push(toCentroid(docs[Math.floor(random() * docs.length)]!));
  const best = new Float64Array(docs.length).fill(-1);
  while (centroids.length < k) {
    const last = centroids[centroids.length - 1]!;
    let total = 0;
    docs.forEach((d, i) => {
      best[i] = Math.max(best[i]!, dot(vectors[d]!, last));
      total += 1 - best[i]!;
    });
    let r = random() * total;
    let pick = docs.length - 1;
    for (let i = 0; i < docs.length; i++) {
      r -= 1 - best[i]!;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    centroids.push(toCentroid(docs[pick]!));
  }
  const assign = new Int32Array(docs.length);
  const sim = new Float64Array(docs.length);
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    docs.forEach((d, i) => {
      let bi = 0;
      let bs = -Infinity;
      centroids.forEach((c, ci) => {
        const s = dot(vectors[d]!, c);
        if (s > bs) {
          bs = s;
          bi = ci;
        }
      });
      if (assign[i] !== bi || it === 0) changed++;
      assign[i] = bi;
      sim[i] = bs;
    });
    for (const c of centroids) c.fill(0);
    docs.forEach((d, i) => {
      const c = centroids[assign[i]!]!;
      const v = vectors[d]!;
      v.idx.forEach((t, j) => (c[t]! += v.val[j]!));
    });
    centroids.forEach(normalise);
    if (changed === 0 && it > 0) break;
  }
  return { k, assign, sim, centroids };
}

/** Mean cosine silhouette (own centroid vs nearest other centroid), penalising tiny clusters. */
export function clusteringScore(vectors: SparseVector[], docs: number[], c: Clustering): number {
  let total = 0;
  docs.forEach((d, i) => {
    const a = c.sim[i]!;
    let b = -Infinity;
    c.centroids.forEach((cent, ci) => {
      if (ci !== c.assign[i]) b = Math.max(b, dot(vectors[d]!, cent));
    });
    total += (a - b) / Math.max(a, b, 1e-9);
  });
  const sizes = new Array<number>(c.k).fill(0);
  for (const a of c.assign) sizes[a]!++;
  const tiny = sizes.filter((s) => s < 3).length;
  return total / docs.length - 0.05 * tiny;
}

/** Runs k-means for each k in [kMin, kMax] and keeps the best-scoring clustering. */
export function bestKMeans(vectors: SparseVector[], docs: number[], dim: number, kMin: number, kMax: number, seed: number): Clustering {
  let best: { c: Clustering; score: number } | null = null;
  for (let k = kMin; k <= kMax; k++) {
    const c = sphericalKMeans(vectors, docs, dim, k, seed + k);
    const score = clusteringScore(vectors, docs, c);
    if (!best || score > best.score + 1e-9) best = { c, score };
  }
  return best!.c;
}
