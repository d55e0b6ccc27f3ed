// The layout worker's computation (web/src/canvas/layout-job.ts): fcose on a headless Cytoscape, as the worker runs
// it for large graphs — every leaf placed, boxes kept together, nothing piled up.
import { describe, expect, it } from 'vitest';
import { computeLayout, type LayoutJob } from '../../web/src/canvas/layout-job.ts';

/** A topic map: `boxes` broad topics of `per` subtopics, chained inside each box, one link between neighbouring boxes. */
function topicMap(boxes: number, per: number): LayoutJob {
  const nodes: LayoutJob['nodes'] = [];
  const edges: LayoutJob['edges'] = [];
  for (let b = 0; b < boxes; b++) {
    nodes.push({ id: `box${b}` });
    for (let i = 0; i < per; i++) {
      nodes.push({ id: `t${b}.${i}`, parent: `box${b}`, w: 30, h: 30 });
      if (i > 0) edges.push({ id: `e${b}.${i}`, source: `t${b}.${i - 1}`, target: `t${b}.${i}` });
    }
    if (b > 0) edges.push({ id: `x${b}`, source: `t${b - 1}.0`, target: `t${b}.0` });
  }
  return { id: 7, layout: 'auto', nodes, edges };
}

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('computeLayout', () => {
  it('places every leaf once (boxes follow their children), at finite, distinct positions', () => {
    const job = topicMap(12, 25);
    const r = computeLayout(job);
    expect(r.id).toBe(7);
    const leaves = job.nodes.filter((n) => n.parent).map((n) => n.id);
    expect(Object.keys(r.positions).sort()).toEqual([...leaves].sort());
    for (const p of Object.values(r.positions)) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    }
    const keys = new Set(Object.values(r.positions).map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(keys.size).toBe(leaves.length);
  });

  it('keeps the subtopics of one box together: closer to each other than to other boxes', () => {
    const job = topicMap(8, 12);
    const { positions } = computeLayout(job);
    const leaves = job.nodes.filter((n) => n.parent);
    let inside = 0;
    let across = 0;
    let ni = 0;
    let na = 0;
    for (const [i, a] of leaves.entries()) {
      for (const b of leaves.slice(i + 1)) {
        const d = dist(positions[a.id]!, positions[b.id]!);
        if (a.parent === b.parent) {
          inside += d;
          ni++;
        } else {
          across += d;
          na++;
        }
      }
    }
    expect(inside / ni).toBeLessThan((across / na) * 0.6);
  });

  it('lays out a graph without boxes as well', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, w: 20, h: 20 }));
    const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: n.id, target: `n${Math.floor(i / 3)}` }));
    const { positions } = computeLayout({ id: 1, layout: 'fcose', nodes, edges });
    expect(Object.keys(positions)).toHaveLength(300);
    const xs = Object.values(positions).map((p) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(200);
  });
});
