// Overlap removal for boxes (the topic map's broad-topic boxes after the force layout, which does not see their
// labels): pairs that overlap are pushed apart along the axis where they overlap least, half each, until none
// overlaps or the rounds run out. Pure: boxes in, offsets out; small moves keep the layout's neighbourhoods.

export interface Rect {
  id: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type Offsets = Record<string, { dx: number; dy: number }>;

/** `rects` moved by `off` (boxes without an offset stay). */
export function shifted(rects: Rect[], off: Offsets): Rect[] {
  return rects.map((r) => {
    const o = off[r.id] ?? { dx: 0, dy: 0 };
    return { ...r, x0: r.x0 + o.dx, x1: r.x1 + o.dx, y0: r.y0 + o.dy, y1: r.y1 + o.dy };
  });
}

/**
 * Offsets that separate `rects` by at least `gap`.
 * @returns id → {dx, dy} (zero for boxes that did not move); deterministic for a given input order
 */
export function separate(rects: Rect[], gap = 12, rounds = 60): Record<string, { dx: number; dy: number }> {
  const boxes = rects.map((r) => ({ ...r }));
  const off = Object.fromEntries(rects.map((r) => [r.id, { dx: 0, dy: 0 }]));
  const move = (b: Rect, dx: number, dy: number) => {
    b.x0 += dx;
    b.x1 += dx;
    b.y0 += dy;
    b.y1 += dy;
    off[b.id]!.dx += dx;
    off[b.id]!.dy += dy;
  };
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const ox = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) + gap;
        const oy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) + gap;
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        // Along the axis of the smaller overlap, away from each other (by centres; ties by order).
        if (ox < oy) {
          const dir = a.x0 + a.x1 <= b.x0 + b.x1 ? 1 : -1;
          move(a, (-dir * ox) / 2, 0);
          move(b, (dir * ox) / 2, 0);
        } else {
          const dir = a.y0 + a.y1 <= b.y0 + b.y1 ? 1 : -1;
          move(a, 0, (-dir * oy) / 2);
          move(b, 0, (dir * oy) / 2);
        }
      }
    }
    if (!moved) break;
  }
  return off;
}

/**
 * Offsets that pull boxes toward their common centre without making any two overlap (closer than `gap`): the force
 * layout spreads broad topics far apart, which shrinks the fitted zoom and with it every label. Each round, boxes
 * nearest the centre first, a box moves the largest of 1/2, 1/4, 1/8 … of the way to the (fixed) centre that keeps
 * it clear of every other box — straight, else along x or y only (sliding past a neighbour). No box crosses the
 * centre, so neighbourhoods survive. Pure and deterministic; boxes that already overlap stay put.
 */
export function compact(rects: Rect[], gap = 12, rounds = 40): Record<string, { dx: number; dy: number }> {
  const boxes = rects.map((r) => ({ ...r }));
  const off = Object.fromEntries(rects.map((r) => [r.id, { dx: 0, dy: 0 }]));
  if (boxes.length < 2) return off;
  const cx = boxes.reduce((s, b) => s + (b.x0 + b.x1) / 2, 0) / boxes.length;
  const cy = boxes.reduce((s, b) => s + (b.y0 + b.y1) / 2, 0) / boxes.length;
  const clear = (b: Rect, dx: number, dy: number) =>
    boxes.every((o) => o === b || b.x0 + dx >= o.x1 + gap || o.x0 >= b.x1 + dx + gap || b.y0 + dy >= o.y1 + gap || o.y0 >= b.y1 + dy + gap);
  const dist = (b: Rect) => Math.hypot((b.x0 + b.x1) / 2 - cx, (b.y0 + b.y1) / 2 - cy);
  for (let round = 0; round < rounds; round++) {
    let moved = 0;
    for (const b of [...boxes].sort((p, q) => dist(p) - dist(q) || (p.id < q.id ? -1 : 1))) {
      const vx = cx - (b.x0 + b.x1) / 2;
      const vy = cy - (b.y0 + b.y1) / 2;
      for (let f = 0.5; f * Math.hypot(vx, vy) >= 0.5; f /= 2) {
        const tries: [number, number][] = [[vx * f, vy * f], [vx * f, 0], [0, vy * f]];
        const ok = tries.find(([dx, dy]) => Math.abs(dx) + Math.abs(dy) >= 0.5 && clear(b, dx, dy));
        if (!ok) continue;
        b.x0 += ok[0];
        b.x1 += ok[0];
        b.y0 += ok[1];
        b.y1 += ok[1];
        off[b.id]!.dx += ok[0];
        off[b.id]!.dy += ok[1];
        moved++;
        break;
      }
    }
    if (moved === 0) break;
  }
  return off;
}

