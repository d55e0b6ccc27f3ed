// The related-work placement: distance from the centre by score, rank order clockwise from the top.
import { describe, expect, it } from 'vitest';
import { labelBox, labelSide, labelSides, RADIAL_GAP, RADIAL_MAX, RADIAL_MIN, radialBand, radialPositions, wrapLabel, type LabelSide, type Placed } from '../../web/src/graph/radial.ts';

const dist = (p: { x: number; y: number }) => Math.hypot(p.x, p.y);

describe('radialPositions', () => {
  it('puts the best score closest, straight above the centre, and the worst farthest', () => {
    const at = radialPositions('c', [
      { id: 'b', score: 0.2 },
      { id: 'a', score: 0.6 },
      { id: 'd', score: 0.1 },
      { id: 'e', score: 0.35 },
    ]);
    expect(at.c).toEqual({ x: 0, y: 0 });
    expect(at.a).toEqual({ x: 0, y: -RADIAL_MIN });
    expect(dist(at.d!)).toBeCloseTo(RADIAL_MAX, 1);
    // e is half-way between the best (0.6) and the worst (0.1) score: half-way between the radii, a quarter turn on
    expect(at.e!.x).toBeCloseTo((RADIAL_MIN + RADIAL_MAX) / 2, 1);
    expect(at.e!.y).toBeCloseTo(0, 1);
    // b (0.2) is third by score: half a turn, below the centre
    expect(at.b!.x).toBeCloseTo(0, 1);
    expect(at.b!.y).toBeCloseTo(RADIAL_MIN + (0.4 / 0.5) * (RADIAL_MAX - RADIAL_MIN), 1);
  });

  it('keeps distance monotonic in score and spaces papers evenly around the circle', () => {
    const related = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, score: 1 - i * 0.07 }));
    const at = radialPositions('c', related);
    const d = related.map((r) => dist(at[r.id]!));
    for (let i = 1; i < d.length; i++) expect(d[i]!).toBeGreaterThan(d[i - 1]!);
    const angles = related.map((r) => Math.atan2(at[r.id]!.y, at[r.id]!.x));
    for (let i = 1; i < angles.length; i++) {
      const step = (angles[i]! - angles[i - 1]! + 2 * Math.PI) % (2 * Math.PI);
      expect(step).toBeCloseTo((2 * Math.PI) / 12, 2);
    }
  });

  it('moves the band out with many papers so neighbours on the inner ring stay RADIAL_GAP apart, its width kept', () => {
    expect(radialBand(1)).toEqual({ min: RADIAL_MIN, max: RADIAL_MAX });
    expect(radialBand(9)).toEqual({ min: RADIAL_MIN, max: RADIAL_MAX });
    for (const n of [10, 12, 20, 30]) {
      const band = radialBand(n);
      expect(band.min).toBeGreaterThan(RADIAL_MIN);
      expect(band.max - band.min).toBeCloseTo(RADIAL_MAX - RADIAL_MIN, 6);
      // two nearly equal best scores on a list of n: both on the inner ring, one step apart
      const related = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, score: i === 0 ? 0.43 : i === 1 ? 0.4299 : 0.2 - i * 0.001 }));
      const at = radialPositions('c', related);
      expect(dist(at.p0!)).toBeCloseTo(band.min, 1);
      expect(Math.hypot(at.p0!.x - at.p1!.x, at.p0!.y - at.p1!.y)).toBeGreaterThanOrEqual(RADIAL_GAP - 0.1);
      expect(Math.max(...related.map((r) => dist(at[r.id]!)))).toBeCloseTo(band.max, 1);
    }
    // 12 papers at RADIAL_MIN would be 2 · 90 · sin(15°) ≈ 46.6 apart
    expect(2 * RADIAL_MIN * Math.sin(Math.PI / 12)).toBeLessThan(RADIAL_GAP);
  });

  it('places equal scores at the middle distance, ignores the centre among the related, and handles none', () => {
    const at = radialPositions('c', [
      { id: 'x', score: 0.3 },
      { id: 'c', score: 1 },
      { id: 'y', score: 0.3 },
    ]);
    expect(Object.keys(at).sort()).toEqual(['c', 'x', 'y']);
    expect(dist(at.x!)).toBeCloseTo((RADIAL_MIN + RADIAL_MAX) / 2, 1);
    expect(at.x).toEqual({ x: 0, y: -(RADIAL_MIN + RADIAL_MAX) / 2 });
    expect(radialPositions('c', [])).toEqual({ c: { x: 0, y: 0 } });
  });
});

describe('labelSide', () => {
  it('points labels away from the centre', () => {
    expect(labelSide({ x: 0, y: 0 })).toBeNull();
    expect(labelSide({ x: 0, y: -100 })).toBe('top');
    expect(labelSide({ x: 30, y: 100 })).toBe('bottom');
    expect(labelSide({ x: 100, y: -60 })).toBe('right');
    expect(labelSide({ x: -100, y: 10 })).toBe('left');
  });
});

/** Pairs of a label and another label or node that overlap (boxes in model units). */
function collisions(at: Record<string, Placed>, labels: Record<string, string>, sides: Record<string, LabelSide>): string[] {
  const ids = Object.keys(at);
  const label = Object.fromEntries(ids.map((id) => [id, labelBox(at[id]!, 20, labels[id]!, sides[id]!)]));
  const node = Object.fromEntries(ids.map((id) => [id, { x0: at[id]!.x - 10, x1: at[id]!.x + 10, y0: at[id]!.y - 10, y1: at[id]!.y + 10 }]));
  const hit = (a: { x0: number; x1: number; y0: number; y1: number }, b: typeof a) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  const out: string[] = [];
  for (const a of ids) {
    for (const b of ids) {
      if (a === b) continue;
      if (a < b && hit(label[a]!, label[b]!)) out.push(`label ${a} / label ${b}`);
      if (hit(label[a]!, node[b]!)) out.push(`label ${a} / node ${b}`);
    }
  }
  return out;
}

describe('labelSides', () => {
  // The offloading paper's related work on the seeds: twelve papers, the first two close together near the top.
  const scores = [0.36, 0.34, 0.21, 0.19, 0.17, 0.16, 0.15, 0.15, 0.14, 0.14, 0.13, 0.13];
  const related = scores.map((score, i) => ({ id: `p${i}`, score }));
  const at = radialPositions('c', related);
  const labels = Object.fromEntries(['c', ...related.map((r) => r.id)].map((id) => [id, `${id}: A Mixture-of-Experts pa…`]));

  it('pointing every label outwards makes labels cover each other here (the case this is for)', () => {
    const outward = Object.fromEntries(Object.entries(at).map(([id, p]) => [id, labelSide(p) ?? 'bottom'])) as Record<string, LabelSide>;
    expect(collisions(at, labels, outward).length).toBeGreaterThan(0);
  });

  it('finds sides where no label covers another label or a node', () => {
    const sides = labelSides('c', at, labels);
    expect(collisions(at, labels, sides)).toEqual([]);
    expect(sides.c).toBe('bottom');
    expect(sides.p0).toBe('top'); // the best match, straight above, keeps its outward label
  });

  it('never does worse than outward labels on random related lists', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 50; trial++) {
      const n = 3 + Math.floor(rnd() * 12);
      const rel = Array.from({ length: n }, (_, i) => ({ id: `q${i}`, score: rnd() }));
      const pos = radialPositions('c', rel);
      const text = Object.fromEntries(Object.keys(pos).map((id) => [id, 'x'.repeat(5 + Math.floor(rnd() * 30))]));
      const outward = Object.fromEntries(Object.entries(pos).map(([id, p]) => [id, labelSide(p) ?? 'bottom'])) as Record<string, LabelSide>;
      expect(collisions(pos, text, labelSides('c', pos, text)).length).toBeLessThanOrEqual(collisions(pos, text, outward).length);
    }
  });
});

describe('wrapLabel', () => {
  it('wraps whole words at the line width, as the canvas does', () => {
    // 110 / 6.1 → 18 characters a line
    expect(wrapLabel('short')).toEqual({ lines: 1, width: 5 * 6.1 });
    expect(wrapLabel('ExpertFlow: Optimized Expert Activation')).toEqual({ lines: 3, width: 16 * 6.1 }); // "ExpertFlow:" / "Optimized Expert" (16) / "Activation"
    expect(wrapLabel('a'.repeat(30) + ' b')).toEqual({ lines: 2, width: 110 }); // a long word takes its own line, capped at the width
    expect(wrapLabel('')).toEqual({ lines: 1, width: 6.1 });
  });

  it('makes a wrapped label box taller, not wider', () => {
    const one = labelBox({ x: 0, y: 0 }, 20, 'short title', 'right');
    const three = labelBox({ x: 0, y: 0 }, 20, 'ExpertFlow: Optimized Expert Activation', 'right');
    expect(one.y1 - one.y0).toBe(14);
    expect(three.y1 - three.y0).toBe(42);
    expect(three.x1 - three.x0).toBeLessThanOrEqual(110);
    expect(three.x0).toBe(15); // node radius 10 + gap 5
  });
});
