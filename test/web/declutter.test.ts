// Label decluttering: labels placed by priority under, above, right or left of their node, hidden when none fits.
import { describe, expect, it } from 'vitest';
import { declutter, farFont, LABEL_GAP, sideBox, type LabelItem } from '../../web/src/graph/declutter.ts';

const item = (id: string, x: number, y: number, priority = 0, extra: Partial<LabelItem> = {}): LabelItem => ({ id, x, y, size: 20, w: 60, h: 14, priority, ...extra });
const overlap = (a: { x0: number; x1: number; y0: number; y1: number }, b: typeof a) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('declutter', () => {
  it('keeps every label under its node when nothing is crowded', () => {
    expect(declutter([item('a', 0, 0), item('b', 200, 0), item('c', 0, 200)])).toEqual({ a: 'bottom', b: 'bottom', c: 'bottom' });
  });

  it('moves the lower-priority label of two close nodes to a free side, and hides one that fits nowhere', () => {
    // b sits 30 below a: its body covers the space under a, so a (higher priority) goes above; b keeps its own bottom.
    expect(declutter([item('a', 0, 0, 2), item('b', 0, 30, 1)])).toEqual({ a: 'top', b: 'bottom' });
    // Side by side 40 apart: a takes the bottom, b's bottom would cover a's label (60 wide), top is free.
    expect(declutter([item('a', 0, 0, 2), item('b', 40, 0, 1)])).toEqual({ a: 'bottom', b: 'top' });
    // A tight cluster of four: a's bottom, top and right are covered by the bodies of c, d and b, so it goes left,
    // b right, c under, d above.
    expect(declutter([item('a', 0, 0, 4), item('b', 40, 0, 3), item('c', 20, 30, 2), item('d', 20, -30, 1)])).toEqual({ a: 'left', b: 'right', c: 'bottom', d: 'top' });
    // x is boxed in by four nodes whose bodies cover all of its sides: hidden.
    const crowd = [item('n', 0, -30, 1), item('s', 0, 30, 1), item('e', 40, 0, 1), item('w', -40, 0, 1), item('x', 0, 0, 0)];
    const sides = declutter(crowd);
    expect(sides).toEqual({ n: 'top', s: 'bottom', e: 'bottom', w: 'bottom', x: null });
    // whatever is shown covers no other shown label and no node body
    const shown = crowd.filter((it) => sides[it.id]);
    for (const it of shown)
      for (const other of crowd) {
        if (other.id === it.id) continue;
        const box = sideBox(it, sides[it.id]!);
        expect(overlap(box, { x0: other.x - 10, x1: other.x + 10, y0: other.y - 10, y1: other.y + 10 })).toBe(false);
        if (sides[other.id]) expect(overlap(box, sideBox(other, sides[other.id]!))).toBe(false);
      }
  });

  it('places the kept (selected) node first and never hides it, whatever its priority', () => {
    const sides = declutter([item('hub', 0, 0, 100), item('sel', 0, 0, 0, { keep: true })]);
    expect(sides.sel).toBe('bottom');
    // the hub shares the spot: its bottom is taken by the selected label, the top is free
    expect(sides.hub).toBe('top');
    // a kept label with no free side still shows (under its node)
    const boxed = [item('n', 0, -30), item('s', 0, 30), item('e', 40, 0), item('w', -40, 0)];
    expect(declutter([...boxed, item('k', 0, 0, 0, { keep: true })]).k).toBe('bottom');
  });

  it('lets a landmark label cover node bodies when no side is free of them, but never another label', () => {
    // t is boxed in by four nodes (hidden before, see above); as a landmark its label goes above, over n's body:
    // below would cover e's and w's labels (under them), n's own label is above n
    const box = [item('n', 0, -30, 1), item('s', 0, 30, 1), item('e', 40, 0, 1), item('w', -40, 0, 1)];
    expect(declutter([...box, item('t', 0, 0, 0, { overNodes: true })])).toEqual({ n: 'top', s: 'bottom', e: 'bottom', w: 'bottom', t: 'top' });
    // a label so large that every side covers one of theirs: hidden all the same
    expect(declutter([...box, item('t', 0, 0, 0, { overNodes: true, w: 300, h: 60 })]).t).toBe(null);
  });

  it('treats obstacles (the "+N more" stubs) as taken space and is independent of input order', () => {
    const stub = { x0: -30, x1: 30, y0: 12, y1: 32 };
    expect(declutter([item('a', 0, 0)], [stub])).toEqual({ a: 'top' });
    const many = Array.from({ length: 60 }, (_, i) => item(`n${i}`, (i % 8) * 45, Math.floor(i / 8) * 28, i % 5));
    const forward = declutter(many);
    expect(declutter([...many].reverse())).toEqual(forward);
    expect(Object.values(forward).filter((s) => s !== null).length).toBeGreaterThan(10);
  });

  it("sideBox reaches from the node's edge over the margin to the far side of the label", () => {
    const it = { x: 0, y: 0, size: 20, w: 60, h: 14 };
    expect(sideBox(it, 'bottom')).toEqual({ x0: -30, x1: 30, y0: 10, y1: 10 + LABEL_GAP + 14 });
    expect(sideBox(it, 'top')).toEqual({ x0: -30, x1: 30, y0: -10 - LABEL_GAP - 14, y1: -10 });
    expect(sideBox(it, 'left')).toEqual({ x0: -10 - LABEL_GAP - 60, x1: -10, y0: -7, y1: 7 });
    expect(sideBox(it, 'right')).toEqual({ x0: 10, x1: 10 + LABEL_GAP + 60, y0: -7, y1: 7 });
  });
});

describe('farFont', () => {
  // every character 0.5 units wide at a 1-unit font, a space too
  const measure = (t: string) => t.length * 0.5;

  it('picks the largest font, from 13px on screen down, whose word-wrapped lines fit the box', () => {
    // zoom 0.1: 130 model units reads at 13px. "Mixture of experts" is 9 units wide per unit of font: 1170 at 130,
    // one line in a 1400-wide box (max 1260), 169 tall ≤ 200
    expect(farFont('Mixture of experts', 1400, 200, 0.1, measure)).toBe(130);
    // 600 wide (540 per line): at 130 and 117 "Mixture of" (5 units) is too wide, three lines of 169 / 152 are
    // taller than 400; at 105.3 "Mixture of" fits (527), two lines, 274 tall
    expect(farFont('Mixture of experts', 600, 400, 0.1, measure)).toBe(105.3);
  });

  it('gives up below 6px on screen, and when a single word is wider than the box', () => {
    expect(farFont('Mixture of experts', 300, 40, 0.1, measure)).toBeNull();
    expect(farFont('Supercalifragilistic', 100, 1000, 0.1, measure)).toBeNull();
  });
});
