// Overlap removal for the topic map's boxes.
import { describe, expect, it } from 'vitest';
import { compact, separate, shifted, type Rect } from '../../web/src/graph/separate.ts';

const apply = shifted;
const overlapping = (rects: Rect[], gap: number) =>
  rects.flatMap((a, i) => rects.slice(i + 1).filter((b) => a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap).map((b) => `${a.id}/${b.id}`));

describe('separate', () => {
  it('pushes two overlapping boxes apart along the smaller overlap, half each', () => {
    const rects = [
      { id: 'a', x0: 0, y0: 0, x1: 100, y1: 100 },
      { id: 'b', x0: 90, y0: 10, x1: 190, y1: 110 },
    ];
    const off = separate(rects, 10);
    expect(off).toEqual({ a: { dx: -10, dy: 0 }, b: { dx: 10, dy: 0 } });
    expect(overlapping(apply(rects, off), 9.99)).toEqual([]);
  });

  it('leaves boxes that do not overlap where they are', () => {
    const rects = [
      { id: 'a', x0: 0, y0: 0, x1: 50, y1: 50 },
      { id: 'b', x0: 100, y0: 0, x1: 150, y1: 50 },
    ];
    expect(separate(rects, 10)).toEqual({ a: { dx: 0, dy: 0 }, b: { dx: 0, dy: 0 } });
  });

  it('untangles a pile of random boxes, deterministically', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const rects = Array.from({ length: 30 }, (_, i) => {
      const x = rnd() * 400;
      const y = rnd() * 300;
      return { id: `t${i}`, x0: x, y0: y, x1: x + 40 + rnd() * 120, y1: y + 30 + rnd() * 80 };
    });
    expect(overlapping(rects, 12).length).toBeGreaterThan(10);
    const off = separate(rects, 12, 200);
    expect(overlapping(apply(rects, off), 11.99)).toEqual([]);
    expect(separate(rects, 12, 200)).toEqual(off);
  });
});

describe('compact', () => {
  const area = (rects: Rect[]) => (Math.max(...rects.map((r) => r.x1)) - Math.min(...rects.map((r) => r.x0))) * (Math.max(...rects.map((r) => r.y1)) - Math.min(...rects.map((r) => r.y0)));

  it('pulls two far-apart boxes together until the gap is what is left, along the line between them', () => {
    const rects = [
      { id: 'a', x0: 0, y0: 0, x1: 100, y1: 100 },
      { id: 'b', x0: 500, y0: 0, x1: 600, y1: 100 },
    ];
    const off = compact(rects, 10);
    const out = apply(rects, off);
    expect(overlapping(out, 9.99)).toEqual([]);
    // nothing moves vertically; they end within a pixel of the gap
    expect(off.a!.dy).toBe(0);
    expect(off.b!.dy).toBe(0);
    expect(out[1]!.x0 - out[0]!.x1).toBeGreaterThanOrEqual(10);
    expect(out[1]!.x0 - out[0]!.x1).toBeLessThan(11);
    expect(out[0]!.x0).toBeLessThan(out[1]!.x0);
  });

  it('shrinks a spread-out layout without overlaps and keeps which side of the centre each box is on, deterministically', () => {
    let seed = 5;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const rects = Array.from({ length: 25 }, (_, i) => {
      const x = (i % 5) * 400 + rnd() * 100;
      const y = Math.floor(i / 5) * 300 + rnd() * 100;
      return { id: `t${i}`, x0: x, y0: y, x1: x + 60 + rnd() * 120, y1: y + 40 + rnd() * 80 };
    });
    expect(overlapping(rects, 12)).toEqual([]);
    const off = compact(rects, 12);
    const out = apply(rects, off);
    expect(overlapping(out, 11.99)).toEqual([]);
    expect(area(out)).toBeLessThan(0.5 * area(rects));
    const centre = (rs: Rect[]) => [rs.reduce((s, r) => s + (r.x0 + r.x1) / 2, 0) / rs.length, rs.reduce((s, r) => s + (r.y0 + r.y1) / 2, 0) / rs.length];
    const [cx, cy] = centre(rects);
    rects.forEach((r, i) => {
      const before = [Math.sign((r.x0 + r.x1) / 2 - cx!), Math.sign((r.y0 + r.y1) / 2 - cy!)];
      const after = [Math.sign((out[i]!.x0 + out[i]!.x1) / 2 - cx!), Math.sign((out[i]!.y0 + out[i]!.y1) / 2 - cy!)];
      // a box may end level with the starting centre on one axis, never on the other side of it
      expect(after[0]! * before[0]!, r.id).toBeGreaterThanOrEqual(0);
      expect(after[1]! * before[1]!, r.id).toBeGreaterThanOrEqual(0);
    });
    expect(compact(rects, 12)).toEqual(off);
  });

  it('leaves boxes that already overlap where they are', () => {
    const rects = [
      { id: 'a', x0: 0, y0: 0, x1: 100, y1: 100 },
      { id: 'b', x0: 50, y0: 0, x1: 150, y1: 100 },
    ];
    expect(compact(rects, 10)).toEqual({ a: { dx: 0, dy: 0 }, b: { dx: 0, dy: 0 } });
  });
});

