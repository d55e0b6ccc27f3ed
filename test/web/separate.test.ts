// Overlap removal for the topic map's boxes.
import { describe, expect, it } from 'vitest';
import { separate, type Rect } from '../../web/src/graph/separate.ts';

const apply = (rects: Rect[], off: ReturnType<typeof separate>) =>
  rects.map((r) => ({ ...r, x0: r.x0 + off[r.id]!.dx, x1: r.x1 + off[r.id]!.dx, y0: r.y0 + off[r.id]!.dy, y1: r.y1 + off[r.id]!.dy }));
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
