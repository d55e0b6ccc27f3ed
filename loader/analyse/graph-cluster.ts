// Topic clustering on the related-work graph: every paper linked to its nearest neighbours by TF-IDF cosine
// (the same top-k lists SIMILAR_TO is built from), communities found by seeded Louvain (best modularity of
// several runs), the resolution stepped until the number of communities falls inside a band set by the corpus
// size. Papers in communities too small to be a topic, and papers with no neighbour, join the community they are
// most strongly linked to, else the one whose centroid is nearest.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Features } from './tfidf.ts';
import { rng } from './rng.ts';

/** Nearest neighbours of each document (index into the feature vectors), best first. */
export type Neighbours = { target: number; score: number }[][];

export interface Partition {
  /** Community of each doc (parallel to the `docs` passed in), numbered 0…k−1 by size, then smallest doc. */
  assign: Int32Array;
  k: number;
  /** Louvain resolution the partition was found at. */
  resolution: number;
}

export interface PartitionOptions {
  /** Neighbours per doc used as edges (default 10). */
  degree?: number;
  /** Communities smaller than this are dissolved into their neighbours (default 3). */
  minSize?: number;
  /** Louvain runs per resolution; the highest modularity wins (default 10 up to 2 000 docs, fewer above). */
  runs?: number;
  seed?: number;
}

/**
 * The community count band for n documents: √n/3 … √n/2 clamped to [lo, hiMin] … [.., hiMax]. Modularity alone
 * would pick whatever granularity the graph favours; the band keeps a map readable at every corpus size.
 */
export function kRange(n: number, lo: number, hiMin: number, hiMax: number): [number, number] {
  const kMin = Math.max(lo, Math.min(hiMin, Math.round(Math.sqrt(n) / 2.5)));
  return [kMin, Math.max(kMin, Math.min(hiMax, Math.round(Math.sqrt(n) / 2)))];
}

/** The undirected similarity graph over `docs`: each doc's first `degree` neighbours inside `docs`. */
function similarityGraph(docs: number[], neighbours: Neighbours, degree: number): Graph {
  const inside = new Set(docs);
  const g = new Graph({ type: 'undirected' });
  for (const d of docs) g.addNode(String(d));
  for (const d of docs) {
    let taken = 0;
    for (const { target, score } of neighbours[d] ?? []) {
      if (taken >= degree) break;
      if (!inside.has(target) || target === d) continue;
      taken++;
      if (score > 0 && !g.hasEdge(String(d), String(target))) g.addEdge(String(d), String(target), { weight: score });
    }
  }
  return g;
}

function bestLouvain(g: Graph, resolution: number, runs: number, seed: number): Record<string, number> {
  const random = rng(seed);
  let best: { communities: Record<string, number>; modularity: number } | null = null;
  for (let r = 0; r < runs; r++) {
    const d = louvain.detailed(g, { rng: random, getEdgeWeight: 'weight', resolution });
    if (!best || d.modularity > best.modularity + 1e-12) best = d;
  }
  return best!.communities;
}

/** L2-normalised sparse centroid of `docs` as a term → weight map. */
export function centroid(features: Features, docs: number[]): Map<number, number> {
  const c = new Map<number, number>();
  for (const d of docs) {
    const v = features.vectors[d]!;
    for (let j = 0; j < v.idx.length; j++) c.set(v.idx[j]!, (c.get(v.idx[j]!) ?? 0) + v.val[j]!);
  }
  let norm = 0;
  for (const x of c.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (const [t, x] of c) c.set(t, x / norm);
  return c;
}

/**
 * Groups whose members are in communities under `minSize` (or alone) move to the kept community they have the
 * most edge weight to; with no such edge, to the kept community with the nearest centroid.
 */
function absorbSmall(g: Graph, features: Features, docs: number[], raw: Int32Array, minSize: number): Int32Array {
  const size = new Map<number, number>();
  for (const c of raw) size.set(c, (size.get(c) ?? 0) + 1);
  const kept = new Set([...size].filter(([, s]) => s >= minSize).map(([c]) => c));
  if (kept.size === 0) return new Int32Array(docs.length);
  const pos = new Map(docs.map((d, i) => [d, i]));
  const out = Int32Array.from(raw);
  const orphans: number[] = [];
  docs.forEach((d, i) => {
    if (kept.has(raw[i]!)) return;
    const pull = new Map<number, number>();
    g.forEachEdge(String(d), (_e, attr, s, t) => {
      const other = pos.get(Number(s) === d ? Number(t) : Number(s))!;
      const c = raw[other]!;
      if (kept.has(c)) pull.set(c, (pull.get(c) ?? 0) + (attr.weight as number));
    });
    const best = [...pull].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best) out[i] = best[0];
    else orphans.push(i);
  });
  if (orphans.length > 0) {
    const members = new Map<number, number[]>();
    docs.forEach((d, i) => kept.has(raw[i]!) && (members.get(raw[i]!) ?? members.set(raw[i]!, []).get(raw[i]!)!).push(d));
    const centres = [...members].sort((a, b) => a[0] - b[0]).map(([c, ds]) => [c, centroid(features, ds)] as const);
    for (const i of orphans) {
      let best = centres[0]![0];
      let bestScore = -1;
      for (const [c, centre] of centres) {
        const s = cosineTo(features, docs[i]!, centre);
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      out[i] = best;
    }
  }
  return out;
}

/** Renumbers communities 0…k−1 by size (largest first), ties by smallest member. */
function renumber(docs: number[], assign: Int32Array): { assign: Int32Array; k: number } {
  // One pass: size and smallest member of each community (no per-comparison scans of large communities).
  const stats = new Map<number, { size: number; first: number }>();
  docs.forEach((d, i) => {
    const st = stats.get(assign[i]!);
    if (st) {
      st.size++;
      st.first = Math.min(st.first, d);
    } else stats.set(assign[i]!, { size: 1, first: d });
  });
  const order = [...stats].sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first);
  const to = new Map(order.map(([c], i) => [c, i]));
  return { assign: Int32Array.from(assign, (c) => to.get(c)!), k: order.length };
}

/**
 * Partitions `docs` into communities of the similarity graph, k inside [kMin, kMax] when any resolution reaches
 * it (resolution starts at 1 and moves by ×1.25 per step, at most 8 steps), else the closest count found.
 */
export function partition(features: Features, neighbours: Neighbours, docs: number[], kMin: number, kMax: number, options: PartitionOptions = {}): Partition {
  const minSize = options.minSize ?? 3;
  const seed = options.seed ?? 42;
  const runs = options.runs ?? (docs.length <= 2000 ? 10 : docs.length <= 20_000 ? 4 : 2);
  const g = similarityGraph(docs, neighbours, options.degree ?? 10);
  if (g.size === 0 || docs.length < 2 * minSize) return { assign: new Int32Array(docs.length), k: 1, resolution: 1 };
  let resolution = 1;
  let best: { p: Partition; miss: number } | null = null;
  const tried = new Set<number>();
  let previous: { k: number; dir: number; same: number } | null = null;
  for (let step = 0; step < 12; step++) {
    const raw = bestLouvain(g, resolution, runs, seed + step);
    const merged = absorbSmall(g, features, docs, Int32Array.from(docs, (d) => raw[String(d)] ?? -1), minSize);
    const { assign, k } = renumber(docs, merged);
    const miss = k < kMin ? kMin - k : k > kMax ? k - kMax : 0;
    if (!best || miss < best.miss) best = { p: { assign, k, resolution }, miss };
    if (miss === 0) break;
    const dir = k < kMin ? 1.1 : 1 / 1.1;
    // A graph of well-separated groups keeps its count over a wide range of resolutions: stop stepping when
    // two steps in the same direction change nothing.
    const same: number = previous && previous.dir === dir && previous.k === k ? previous.same + 1 : 0;
    if (same >= 2) break;
    previous = { k, dir, same };
    resolution = Math.round(resolution * dir * 1000) / 1000;
    if (tried.has(resolution)) break;
    tried.add(resolution);
  }
  const found = best!.p;
  // Still too many: merge whole communities by shared vocabulary.
  return found.k > kMax ? { ...mergeDown(features, docs, found.assign, found.k, kMax), resolution: found.resolution } : found;
}

/**
 * Agglomerates communities until `kMax` remain, always joining the pair whose summed TF-IDF vectors have the
 * highest cosine (centroid linkage: shared vocabulary, not graph edges, which rarely run between well-separated
 * groups); ties go to the lower-numbered pair. Dot products of the sums are updated exactly on each merge.
 */
function mergeDown(features: Features, docs: number[], assign: Int32Array, k: number, kMax: number): { assign: Int32Array; k: number } {
  const sums = Array.from({ length: k }, () => new Map<number, number>());
  docs.forEach((d, i) => {
    const v = features.vectors[d]!;
    const sum = sums[assign[i]!]!;
    for (let j = 0; j < v.idx.length; j++) sum.set(v.idx[j]!, (sum.get(v.idx[j]!) ?? 0) + v.val[j]!);
  });
  const dotSums = (a: Map<number, number>, b: Map<number, number>) => {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let s = 0;
    for (const [t, x] of small) s += x * (large.get(t) ?? 0);
    return s;
  };
  const dots = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = i; j < k; j++) dots[i * k + j] = dots[j * k + i] = dotSums(sums[i]!, sums[j]!);
  const into = Int32Array.from({ length: k }, (_, i) => i);
  const live = new Set(Array.from({ length: k }, (_, i) => i));
  while (live.size > kMax) {
    let bi = -1;
    let bj = -1;
    let bestCos = -Infinity;
    const ids = [...live];
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const i = ids[x]!;
        const j = ids[y]!;
        const cos = dots[i * k + j]! / Math.sqrt(dots[i * k + i]! * dots[j * k + j]! || 1);
        if (cos > bestCos) {
          bestCos = cos;
          bi = i;
          bj = j;
        }
      }
    }
    const self = dots[bi * k + bi]! + dots[bj * k + bj]! + 2 * dots[bi * k + bj]!;
    for (const o of live) {
      if (o === bi || o === bj) continue;
      dots[bi * k + o] = dots[o * k + bi] = dots[bi * k + o]! + dots[bj * k + o]!;
    }
    dots[bi * k + bi] = self;
    live.delete(bj);
    for (let c = 0; c < k; c++) if (into[c] === bj) into[c] = bi;
  }
  return renumber(docs, Int32Array.from(assign, (c) => into[c]!));
}

/** Cosine of doc `d` to a centroid from `centroid()`. */
export function cosineTo(features: Features, d: number, centre: Map<number, number>): number {
  const v = features.vectors[d]!;
  let s = 0;
  for (let j = 0; j < v.idx.length; j++) s += (centre.get(v.idx[j]!) ?? 0) * v.val[j]!;
  return s;
}
