// The threaded nearest-paper search (loader/analyse/search.ts + search-kernel.mjs) on random sparse vectors: the
// same lists whatever the number of threads, equal to brute-force cosine, workers really used for large searches,
// and the calling thread finishing the work of workers that stop answering.
import { describe, expect, it } from 'vitest';
import { rng } from '../../loader/analyse/rng.ts';
import { search, type SearchSpec } from '../../loader/analyse/search.ts';
import { packedOf } from '../../loader/analyse/shared.ts';
import { cosine, relatedFeatures } from '../../loader/analyse/similarity.ts';
import { buildFeatures, type Features, type SparseVector } from '../../loader/analyse/tfidf.ts';
import { seedPapers } from './seed-papers.ts';

/** `n` unit vectors over `V` terms, 5–40 terms each, term frequencies skewed (low indices common). */
function randomFeatures(n: number, V: number, seed: number): Features {
  const random = rng(seed);
  const vectors: SparseVector[] = [];
  for (let d = 0; d < n; d++) {
    const terms = new Map<number, number>();
    const size = 5 + Math.floor(random() * 36);
    while (terms.size < size) terms.set(Math.floor(V * random() ** 2), 0.1 + random());
    const idx = [...terms.keys()].sort((a, b) => a - b);
    const norm = Math.hypot(...idx.map((t) => terms.get(t)!));
    vectors.push({ idx: Int32Array.from(idx), val: Float64Array.from(idx, (t) => terms.get(t)! / norm) });
  }
  const vocab = Array.from({ length: V }, (_, i) => `t${i}`);
  return { vocab, surface: vocab, df: new Int32Array(V), vectors };
}

/** Brute force: every other paper's exact cosine, best k (score desc, index asc) at or above minScore. */
function brute(f: Features, doc: number, k: number, minScore: number): { target: number; score: number }[] {
  return f.vectors
    .map((v, target) => ({ target, score: cosine(f.vectors[doc]!, v) }))
    .filter((x) => x.target !== doc && x.score >= minScore)
    .sort((a, b) => b.score - a.score || a.target - b.target)
    .slice(0, k);
}

const exact: SearchSpec = { k: 10, m: 15, minScore: 0.02, pruneTerms: 0, championCap: 0 };
const pruned: SearchSpec = { k: 10, m: 50, minScore: 0.02, pruneTerms: 8, championCap: 300 };

describe('threaded nearest-paper search', () => {
  const f = randomFeatures(3000, 2000, 5);

  it('gives the same lists on 1, 2 and 3 threads, equal to brute-force cosine, and uses the workers it was given', () => {
    const one = search(f, exact, undefined, { threads: 1 });
    const two = search(f, exact, undefined, { threads: 2 });
    const three = search(f, exact, undefined, { threads: 3 });
    expect(one.threads).toBe(1);
    expect(two.threads).toBe(2);
    expect(three.threads).toBe(3);
    expect(two.lists).toEqual(one.lists);
    expect(three.lists).toEqual(one.lists);
    for (let d = 0; d < f.vectors.length; d += 97) {
      const want = brute(f, d, 10, 0.02);
      expect(one.lists[d]!.map((x) => x.target), `doc ${d}`).toEqual(want.map((x) => x.target));
      one.lists[d]!.forEach((x, i) => expect(x.score).toBeCloseTo(want[i]!.score, 12));
    }
  });

  it('pruned search: the same lists on 1 and 2 threads', () => {
    const one = search(f, pruned, undefined, { threads: 1 });
    const two = search(f, pruned, undefined, { threads: 2 });
    expect(two.threads).toBe(2);
    expect(two.lists).toEqual(one.lists);
    expect(one.lists.filter((l) => l.length > 0).length).toBeGreaterThan(2900);
  });

  it('searches only the queries asked for, in their order; small searches start no worker', () => {
    const queries = [2999, 0, 1500, 7];
    const some = search(f, exact, queries, { threads: 4 });
    expect(some.threads).toBe(1);
    const all = search(f, exact, undefined, { threads: 1 }).lists;
    expect(some.lists).toEqual(queries.map((q) => all[q]));
  });

  it('finishes the chunks of workers that stop answering (no progress for stallMs) on the calling thread', () => {
    const one = search(f, exact, undefined, { threads: 1 });
    const hung = search(f, exact, undefined, { threads: 3, hangWorkers: true, stallMs: 300 });
    expect(hung.threads).toBe(3);
    expect(hung.takenOver).toBe(2);
    expect(hung.lists).toEqual(one.lists);
  });
});

describe('packed features', () => {
  it('TF-IDF vectors are views of one pair of shared arrays, and so are the related-work vectors (same term indices)', async () => {
    const f = buildFeatures(await seedPapers());
    const r = relatedFeatures(f);
    for (const [features, packed] of [[f, f.packed!], [r, r.packed!]] as const) {
      expect(packed.idx.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(packed.start).toHaveLength(features.vectors.length + 1);
      features.vectors.forEach((v, d) => {
        expect(v.idx.buffer).toBe(packed.idx.buffer);
        expect(v.val.buffer).toBe(packed.val.buffer);
        expect(Array.from(v.idx)).toEqual(Array.from(packed.idx.subarray(packed.start[d]!, packed.start[d + 1]!)));
        expect(Array.from(v.val)).toEqual(Array.from(packed.val.subarray(packed.start[d]!, packed.start[d + 1]!)));
      });
    }
    expect(r.packed!.idx).toBe(f.packed!.idx);
    expect(r.packed!.val).not.toBe(f.packed!.val);
  });

  it('a copy of the features with other vectors but the old packed arrays is searched by its own vectors', async () => {
    const f = buildFeatures(await seedPapers());
    expect(packedOf(f)).toBe(f.packed);
    // every paper's vector replaced by the next one's: the packed arrays no longer describe the vectors
    const shifted: Features = { ...f, vectors: [...f.vectors.slice(1), f.vectors[0]!] };
    expect(packedOf(shifted)).toBeNull();
    const copied: Features = { ...shifted, packed: undefined, vectors: shifted.vectors.map((v) => ({ idx: Int32Array.from(v.idx), val: Float64Array.from(v.val) })) };
    expect(search(shifted, exact, undefined, { threads: 1 }).lists).toEqual(search(copied, exact, undefined, { threads: 1 }).lists);
    expect(search(shifted, exact, undefined, { threads: 1 }).lists).not.toEqual(search(f, exact, undefined, { threads: 1 }).lists);
  });

  it('searching packed features gives the lists the same vectors give unpacked', async () => {
    const f = relatedFeatures(buildFeatures(await seedPapers()));
    const unpacked: Features = { ...f, packed: undefined, vectors: f.vectors.map((v) => ({ idx: Int32Array.from(v.idx), val: Float64Array.from(v.val) })) };
    expect(search(f, exact, undefined, { threads: 1 }).lists).toEqual(search(unpacked, exact, undefined, { threads: 1 }).lists);
    expect(search(f, pruned, undefined, { threads: 1 }).lists).toEqual(search(unpacked, pruned, undefined, { threads: 1 }).lists);
  });
});
