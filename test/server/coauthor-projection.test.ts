// The in-memory co-author walk on a hand-made graph: ranking (weight, then internal node id — not insertion order),
// the per-author and node caps, `truncated`, minWeight, and edges kept with their stored direction.
import { describe, expect, it } from 'vitest';
import { CoauthorGraph } from '../../server/repositories/coauthor-projection.ts';

//        3         2        5
//   a ───── b ───── e ───── f        a→b 3, a→d 1, c→a 1, b→e 2, b→d 1, d→e 1, e→f 5
//   │ ╲     │       │
//   c   d ──┴───────┘
const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
const nodeIds = Float64Array.from([10, 11, 20, 13, 14, 15]); // c's id is above d's: ties go to d first
const ix = (k: string) => keys.indexOf(k);
const rels: [string, string, number][] = [['a', 'b', 3], ['a', 'd', 1], ['c', 'a', 1], ['b', 'e', 2], ['b', 'd', 1], ['d', 'e', 1], ['e', 'f', 5]];
const graph = new CoauthorGraph(nodeIds, keys, {
  from: Int32Array.from(rels.map(([s]) => ix(s))),
  to: Int32Array.from(rels.map(([, t]) => ix(t))),
  weight: Float32Array.from(rels.map(([, , w]) => w)),
});
const named = (ids: number[]) => ids.map((id) => keys[nodeIds.indexOf(id)]);

describe('CoauthorGraph.ego', () => {
  it('keeps the strongest co-authors first and breaks equal weights by internal node id', () => {
    const w = graph.ego('a', 1, 1, 150)!;
    expect(named(w.ids)).toEqual(['a', 'b', 'd', 'c']);
    expect(w.hopSizes).toEqual([1, 3]);
    expect(w.truncated).toBe(false);
    // positions in ids: a 0, b 1, d 2, c 3 — each relationship once, in its stored direction
    expect(w.edges).toEqual([[0, 1, 3], [0, 2, 1], [1, 2, 1], [3, 0, 1]]);
  });

  it('sums a candidate’s weights over the frontier and walks as deep as asked', () => {
    const two = graph.ego('a', 2, 1, 150)!;
    expect(named(two.ids)).toEqual(['a', 'b', 'd', 'c', 'e']); // e: 2 from b + 1 from d
    expect(two.hopSizes).toEqual([1, 3, 1]);
    expect(two.edges).toContainEqual([1, 4, 2]);
    expect(two.edges).toContainEqual([2, 4, 1]);
    const three = graph.ego('a', 3, 1, 150)!;
    expect(named(three.ids)).toEqual(['a', 'b', 'd', 'c', 'e', 'f']);
    expect(three.hopSizes).toEqual([1, 3, 1, 1]);
    expect(three.edges).toHaveLength(rels.length);
  });

  it('caps both what one author contributes and the whole network, and says so', () => {
    // a contributes its 3 strongest (b, d, c); only 2 fit next to the seed
    const capped = graph.ego('a', 1, 1, 3)!;
    expect(named(capped.ids)).toEqual(['a', 'b', 'd']);
    expect(capped.truncated).toBe(true);
    // with a cap of 2 the second hop never starts
    const full = graph.ego('a', 2, 1, 2)!;
    expect(named(full.ids)).toEqual(['a', 'b']);
    expect(full.hopSizes).toEqual([1, 1, 0]);
    expect(full.truncated).toBe(true);
  });

  it('counts only an author’s `limit` strongest co-authors towards a candidate’s sum', () => {
    // x's fifth co-author z (weight 1) is past its cap of 4, so z sums 3 (from y), ties with p, q, r, t and loses on id
    const k = ['s', 'x', 'y', 'p', 'q', 'r', 't', 'z'];
    const r: [string, string, number][] = [['s', 'x', 2], ['s', 'y', 1], ['x', 'p', 3], ['x', 'q', 3], ['x', 'r', 3], ['x', 't', 3], ['x', 'z', 1], ['y', 'z', 3]];
    const g = new CoauthorGraph(Float64Array.from(k.map((_, i) => i + 1)), k, {
      from: Int32Array.from(r.map(([a]) => k.indexOf(a))),
      to: Int32Array.from(r.map(([, b]) => k.indexOf(b))),
      weight: Float32Array.from(r.map(([, , w]) => w)),
    });
    const w = g.ego('s', 2, 1, 4)!;
    expect(w.ids.map((id) => k[id - 1])).toEqual(['s', 'x', 'y', 'p']);
    expect(w.truncated).toBe(true);
  });

  it('leaves out pairs under minWeight, in the walk and among the edges', () => {
    const w = graph.ego('a', 2, 2, 150)!;
    expect(named(w.ids)).toEqual(['a', 'b', 'e']);
    expect(w.edges).toEqual([[0, 1, 3], [1, 2, 2]]);
  });

  it('walks from any author, leaves the shared scratch clean, and knows nobody else', () => {
    expect(named(graph.ego('f', 2, 1, 150)!.ids)).toEqual(['f', 'e', 'b', 'd']);
    expect(graph.ego('a', 1, 1, 150)).toEqual(graph.ego('a', 1, 1, 150)); // repeated walks agree
    expect(graph.ego('nobody', 1, 1, 150)).toBeNull();
    expect([graph.authors, graph.pairs]).toEqual([6, 7]);
  });
});
