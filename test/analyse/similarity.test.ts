// Related-work search: exact cosine top-k on hand-made vectors (scores, order, ties, threshold), the shared terms
// that explain a match, recall@k, and the pruned search on a generated corpus above the exact limit measured
// against exact cosine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/gen.ts';
import { toAnalysisPapers } from '../../loader/analyse/input.ts';
import { rng, sampleIndices } from '../../loader/analyse/rng.ts';
import { cosine, neighbourLists, RELATED_PRUNE_TERMS, relatedFeatures, TOPIC_NEIGHBOURS, relatedWork, recallAtK, sharedTerms, similarRelations, topK } from '../../loader/analyse/similarity.ts';
import { buildFeatures, type Features, type SparseVector } from '../../loader/analyse/tfidf.ts';
import { readInputs } from '../../loader/read.ts';
import { resolve } from '../../loader/resolve/index.ts';

/** A unit vector over terms 0…n-1 from raw weights (zeros dropped). */
function vec(weights: number[]): SparseVector {
  const idx: number[] = [];
  const val: number[] = [];
  weights.forEach((w, i) => {
    if (w !== 0) {
      idx.push(i);
      val.push(w);
    }
  });
  const norm = Math.hypot(...val);
  return { idx: Int32Array.from(idx), val: Float64Array.from(val.map((v) => v / norm)) };
}

function features(vectors: SparseVector[], vocab: string[]): Features {
  return { vocab, surface: vocab.map((t) => t.toUpperCase()), df: new Int32Array(vocab.length), vectors };
}

describe('exact related-work search', () => {
  // Terms: 0 router, 1 gating, 2 offloading, 3 cache, 4 reasoning
  const f = features(
    [vec([3, 1, 0, 0, 0]), vec([3, 1, 0, 0, 0]), vec([2, 2, 0, 0, 0]), vec([0, 0, 3, 1, 0]), vec([1, 0, 2, 0, 0]), vec([0, 0, 0, 0, 1])],
    ['router', 'gating', 'offloading', 'cache', 'reasoning'],
  );

  it('ranks by cosine, breaks ties by index, drops scores under the threshold and never returns the paper itself', () => {
    const lists = topK(f, { k: 3 });
    const round = (l: { target: number; score: number }[]) => l.map((n) => [n.target, Math.round(n.score * 1e4) / 1e4]);
    // 0 and 1 are identical; 2 is (2,2) → cos 8/√10/√8 = 0.8944; 4 is (1,0,2) → 3/√10/√5 = 0.4243
    expect(round(lists[0]!)).toEqual([[1, 1], [2, 0.8944], [4, 0.4243]]);
    expect(round(lists[1]!)).toEqual([[0, 1], [2, 0.8944], [4, 0.4243]]);
    // 3 is (0,0,3,1): only 4 shares a term with it (offloading): 6/√10/√5 = 0.8485
    expect(round(lists[3]!)).toEqual([[4, 0.8485]]);
    // 5 shares nothing with anyone
    expect(lists[5]).toEqual([]);
    expect(topK(f, { k: 3, minScore: 0.5 })[0]!.map((n) => n.target)).toEqual([1, 2]);
  });

  it('explains a match by the shared terms that contribute most, in their readable form', () => {
    expect(sharedTerms(f.vectors[0]!, f.vectors[2]!, f.surface)).toEqual(['ROUTER', 'GATING']);
    expect(sharedTerms(f.vectors[3]!, f.vectors[4]!, f.surface)).toEqual(['OFFLOADING']);
    const rels = similarRelations(['a', 'b', 'c', 'd', 'e', 'f'], f, { k: 1 });
    expect(rels.find((r) => r.source === 'd')).toEqual({ source: 'd', target: 'e', score: 0.8485, terms: ['OFFLOADING'] });
    expect(cosine(f.vectors[0]!, f.vectors[5]!)).toBe(0);
  });

  it('measures recall@k as the share of the exact top-k found, averaged over papers with neighbours', () => {
    const exact = [[{ target: 1 }, { target: 2 }], [{ target: 0 }, { target: 3 }], []];
    const approx = [[{ target: 2 }, { target: 9 }], [{ target: 0 }, { target: 3 }], [{ target: 4 }]];
    expect(recallAtK(exact, approx, 2)).toBe(0.75);
  });
});

describe('related work: the nearest papers by the related-work features', () => {
  // Terms: 0 "load balancing" (a bigram), 1 router, 2 expert, 3 cache. Topic features weight the bigram 1.5× as
  // much as the related-work features do.
  const vocab = ['load balancing', 'router', 'expert', 'cache'];
  const f = features([vec([3, 1, 1, 0]), vec([3, 0, 0, 0]), vec([0, 1, 1, 0]), vec([0, 1, 0.9, 0]), vec([0, 0, 0, 1])], vocab);
  const round = (l: { target: number; score: number }[]) => l.map((n) => [n.target, Math.round(n.score * 1e4) / 1e4]);

  it('weights bigrams a third as much and re-normalises; unigram-only vectors are unchanged', () => {
    const r = relatedFeatures(f);
    expect(Array.from(r.vectors[0]!.val, (x) => Math.round(x * 1e4) / 1e4)).toEqual([0.5774, 0.5774, 0.5774]);
    expect(Array.from(r.vectors[2]!.val, (x) => Math.round(x * 1e12))).toEqual(Array.from(f.vectors[2]!.val, (x) => Math.round(x * 1e12)));
  });

  it('ranks papers by the related-work cosine, so one shared phrase no longer outweighs the rest', () => {
    // by the topic features 1 (the shared phrase) leads: 9/√11/3 = 0.9045 against 2/√11/√2 = 0.4264
    expect(round(topK(f, { k: 2 })[0]!)).toEqual([[1, 0.9045], [2, 0.4264]]);
    // by the related-work features: 2 = 2/√3/√2 = 0.8165, 3 = 1.9/√3/√1.81 = 0.8154, 1 = 1/√3 = 0.5774; 4 shares nothing
    const work = relatedWork(f, { k: 3 });
    expect(round(work.lists[0]!)).toEqual([[2, 0.8165], [3, 0.8154], [1, 0.5774]]);
    expect(similarRelations(['a', 'b', 'c', 'd', 'e'], f, { k: 1 }, work).find((x) => x.source === 'a')).toEqual({ source: 'a', target: 'c', score: 0.8165, terms: ['ROUTER', 'EXPERT'] });
  });

  it('lets the same fine topic decide a near-tie but not a clear gap; scores stay cosines', () => {
    const topicOf = Int32Array.from([0, 0, -1, 0, -1]);
    const work = relatedWork(f, { k: 3 }, undefined, topicOf);
    // 3 (same topic, 0.0011 behind 2) moves ahead of 2; 1 (same topic, 0.24 behind) stays last
    expect(round(work.lists[0]!)).toEqual([[3, 0.8154], [2, 0.8165], [1, 0.5774]]);
  });
});

describe('pruned search above 5 000 papers; related work exact', () => {
  let dir: string;
  let f: Features;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-sim-'));
    generate({ papers: 6000, seed: 3, out: path.join(dir, 'corpus') });
    const read = await readInputs([path.join(dir, 'corpus')], { cwd: dir });
    f = buildFeatures(toAnalysisPapers(resolve(read.files)));
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds ≥ 95 % of the exact top 10 for 150 sampled papers, with exact scores, in score order', () => {
    expect(f.vectors.length).toBeGreaterThan(5000);
    const sample = sampleIndices(f.vectors.length, 150, rng(9));
    const exact = topK(f, { pruneTerms: 0, k: 10 }, sample);
    const lists = neighbourLists(f);
    const recall = recallAtK(exact, sample.map((d) => lists[d]!), 10);
    console.log(`pruned topic-neighbour recall@10 on ${f.vectors.length} generated papers: ${recall.toFixed(3)}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    for (const d of sample) {
      const list = lists[d]!;
      expect(list.length).toBe(TOPIC_NEIGHBOURS);
      for (const n of list) expect(n.score).toBeCloseTo(cosine(f.vectors[d]!, f.vectors[n.target]!), 10);
      for (let i = 1; i < list.length; i++) expect(list[i - 1]!.score).toBeGreaterThanOrEqual(list[i]!.score);
    }
    // Related work is searched exactly up to RELATED_EXACT_LIMIT papers: the same lists as the exact search, exact
    // scores. Its pruned search (above that limit) finds ≥ 95 % of the exact top 10 here.
    const r = relatedFeatures(f);
    const exactWork = topK(r, { pruneTerms: 0, k: 10 }, sample);
    const work = relatedWork(f, {}, sample);
    expect(work.lists.map((l) => l.map((n) => n.target))).toEqual(exactWork.map((l) => l.map((n) => n.target)));
    sample.forEach((d, i) => {
      expect(work.lists[i]!.length).toBe(10);
      for (const n of work.lists[i]!) expect(n.score).toBeCloseTo(cosine(r.vectors[d]!, r.vectors[n.target]!), 10);
    });
    const pruned = relatedWork(f, { pruneTerms: RELATED_PRUNE_TERMS }, sample);
    const workRecall = recallAtK(exactWork, pruned.lists, 10);
    console.log(`related-work recall@10 (pruned search vs exact related-work cosine): ${workRecall.toFixed(3)}`);
    expect(workRecall).toBeGreaterThanOrEqual(0.95);
    // A crude index (10 terms per paper, 20 papers per term) is measurably worse: the measure can tell.
    const crude = topK(f, { pruneTerms: 10, championCap: 20, k: 10 }, sample);
    expect(recallAtK(exact, crude, 10)).toBeLessThan(0.9);
  }, 120_000);
});
