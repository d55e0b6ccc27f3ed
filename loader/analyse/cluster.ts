// Seeded spherical k-means over dense L2-normalised rows (the LSA document vectors): k-means++ seeding, several
// restarts keeping the tightest result, and k chosen by a simplified cosine silhouette (own centroid against the
// nearest other centroid), so the number of topics follows the corpus instead of a constant.
import { rng, sampleIndices } from './rng.ts';

export interface Clustering {
  k: number;
  /** Cluster of each doc (parallel to the `docs` passed in). */
  assign: Int32Array;
  /** Cosine of each doc to its centroid. */
  sim: Float64Array;
  centroids: Float64Array[];
}

export interface KMeansOptions {
  restarts?: number;
  iterations?: number;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

function normalise(c: Float64Array): void {
  const n = Math.sqrt(dot(c, c)) || 1;
  for (let i = 0; i < c.length; i++) c[i]! /= n;
}

function once(rows: Float64Array[], docs: number[], k: number, random: () => number, iterations: number): { c: Clustering; objective: number } {
  const dim = rows[docs[0]!]!.length;
  const centroids: Float64Array[] = [Float64Array.from(rows[docs[Math.floor(random() * docs.length)]!]!)];
  const nearest = new Float64Array(docs.length).fill(-1);
  while (centroids.length < k) {
    const last = centroids[centroids.length - 1]!;
    let total = 0;
    for (let i = 0; i < docs.length; i++) {
      nearest[i] = Math.max(nearest[i]!, dot(rows[docs[i]!]!, last));
      total += Math.max(0, 1 - nearest[i]!) ** 2;
    }
    let r = random() * total;
    let pick = docs.length - 1;
    for (let i = 0; i < docs.length; i++) {
      r -= Math.max(0, 1 - nearest[i]!) ** 2;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    centroids.push(Float64Array.from(rows[docs[pick]!]!));
  }
  const assign = new Int32Array(docs.length).fill(-1);
  const sim = new Float64Array(docs.length);
  let objective = 0;
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    objective = 0;
    for (let i = 0; i < docs.length; i++) {
      const v = rows[docs[i]!]!;
      let bi = 0;
      let bs = -Infinity;
      for (let ci = 0; ci < k; ci++) {
        const s = dot(v, centroids[ci]!);
        if (s > bs) {
          bs = s;
          bi = ci;
        }
      }
      if (assign[i] !== bi) changed++;
      assign[i] = bi;
      sim[i] = bs;
      objective += bs;
    }
    if (changed === 0) break;
    for (const c of centroids) c.fill(0);
    for (let i = 0; i < docs.length; i++) {
      const c = centroids[assign[i]!]!;
      const v = rows[docs[i]!]!;
      for (let j = 0; j < dim; j++) c[j]! += v[j]!;
    }
    // An emptied cluster restarts from the doc farthest from its centroid.
    for (let ci = 0; ci < k; ci++) {
      if (centroids[ci]!.every((x) => x === 0)) {
        let worst = 0;
        for (let i = 1; i < docs.length; i++) if (sim[i]! < sim[worst]!) worst = i;
        centroids[ci]!.set(rows[docs[worst]!]!);
        sim[worst] = 1;
      }
    }
    centroids.forEach(normalise);
  }
  return { c: { k, assign, sim, centroids }, objective };
}

/** Clusters `docs` (indices into `rows`) into k groups; the restart with the highest total cosine wins. */
export function sphericalKMeans(rows: Float64Array[], docs: number[], k: number, seed: number, options: KMeansOptions = {}): Clustering {
  const restarts = options.restarts ?? (docs.length > 5000 ? 3 : 10);
  const random = rng(seed);
  let best: { c: Clustering; objective: number } | null = null;
  for (let r = 0; r < restarts; r++) {
    const run = once(rows, docs, Math.min(k, docs.length), random, options.iterations ?? 30);
    if (!best || run.objective > best.objective + 1e-9) best = run;
  }
  return best!.c;
}

/**
 * Simplified cosine silhouette: mean over docs of (a − b) / max(a, b), a = cosine to own centroid, b = to the
 * nearest other one; clusters under `minSize` docs count as a penalty (a topic of two papers is not a topic).
 * Large inputs are scored on a seeded sample.
 */
export function silhouette(rows: Float64Array[], docs: number[], c: Clustering, minSize = 3, sample = 4000): number {
  const picks = sampleIndices(docs.length, sample, rng(c.k * 7919));
  let total = 0;
  for (const i of picks) {
    const v = rows[docs[i]!]!;
    const a = c.sim[i]!;
    let b = -Infinity;
    for (let ci = 0; ci < c.k; ci++) if (ci !== c.assign[i]) b = Math.max(b, dot(v, c.centroids[ci]!));
    total += (a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-9);
  }
  const sizes = new Array<number>(c.k).fill(0);
  for (const x of c.assign) sizes[x]!++;
  const small = sizes.filter((s) => s < minSize).length;
  return total / picks.length - small / c.k;
}

/** Assigns every doc to its nearest centroid, then refines the centroids with a few full passes. */
function assignAll(rows: Float64Array[], docs: number[], start: Clustering, passes = 2): Clustering {
  const k = start.k;
  const dim = start.centroids[0]?.length ?? 0;
  const centroids = start.centroids.map((c) => Float64Array.from(c));
  const assign = new Int32Array(docs.length);
  const sim = new Float64Array(docs.length);
  for (let pass = 0; pass <= passes; pass++) {
    for (let i = 0; i < docs.length; i++) {
      const v = rows[docs[i]!]!;
      let bi = 0;
      let bs = -Infinity;
      for (let ci = 0; ci < k; ci++) {
        const s = dot(v, centroids[ci]!);
        if (s > bs) {
          bs = s;
          bi = ci;
        }
      }
      assign[i] = bi;
      sim[i] = bs;
    }
    if (pass === passes) break;
    const sums = centroids.map(() => new Float64Array(dim));
    for (let i = 0; i < docs.length; i++) {
      const c = sums[assign[i]!]!;
      const v = rows[docs[i]!]!;
      for (let j = 0; j < dim; j++) c[j]! += v[j]!;
    }
    sums.forEach((c, ci) => {
      if (c.some((x) => x !== 0)) {
        normalise(c);
        centroids[ci] = c;
      }
    });
  }
  return { k, assign, sim, centroids };
}

/**
 * Runs k-means for each k in [kMin, kMax] (every second k when the band is wide) and keeps the clustering with
 * the best silhouette. Above `sampleCap` docs, k and the centroids are fitted on a seeded sample and every doc is
 * then assigned and the centroids refined over all docs: the cost stays bounded as the corpus grows.
 */
export function bestKMeans(rows: Float64Array[], docs: number[], kMin: number, kMax: number, seed: number, minSize = 3, sampleCap = 3000): Clustering {
  const fit = docs.length > sampleCap ? sampleIndices(docs.length, sampleCap, rng(seed ^ 0x5eed)).map((i) => docs[i]!) : docs;
  const step = kMax - kMin > 6 ? 2 : 1;
  const restarts = fit.length > 500 ? 4 : 10;
  let best: { c: Clustering; score: number } | null = null;
  for (let k = kMin; k <= kMax; k += step) {
    const c = sphericalKMeans(rows, fit, k, seed + k, { restarts });
    const score = silhouette(rows, fit, c, minSize);
    if (!best || score > best.score + 1e-9) best = { c, score };
  }
  return fit === docs ? best!.c : assignAll(rows, docs, best!.c);
}
