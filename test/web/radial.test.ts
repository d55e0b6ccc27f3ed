// The related-work placement: distance from the centre by score, rank order clockwise from the top.
import { describe, expect, it } from 'vitest';
import { labelSide, RADIAL_MAX, RADIAL_MIN, radialPositions } from '../../web/src/graph/radial.ts';

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
