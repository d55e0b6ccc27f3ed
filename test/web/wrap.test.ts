// Topic names wrap instead of being cut: the canvas's estimate of a wrapped label (canvas/labels.ts wrapText).
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../web/src/canvas/labels.ts';

// every character 10px wide
const measure = (t: string) => t.length * 10;

describe('wrapText', () => {
  it('keeps a name that fits on one line', () => {
    expect(wrapText('MoE routing', 200, 16, 700, measure)).toEqual({ w: 110, lines: 1 });
  });

  it('breaks at spaces, the widest line giving the width', () => {
    // "Merging & multi scale" is 210px: the third word starts line two
    expect(wrapText('Merging & multi scale training', 200, 16, 700, measure)).toEqual({ w: 150, lines: 2 });
    expect(wrapText('Reinforcement learning & decision making', 200, 16, 700, measure)).toEqual({ w: 190, lines: 3 });
  });

  it('gives a word wider than the line a line of its own', () => {
    expect(wrapText('a Supercalifragilistic b', 100, 16, 700, measure)).toEqual({ w: 200, lines: 3 });
  });

  it('counts an empty name as one line', () => {
    expect(wrapText('', 200, 16, 700, measure)).toEqual({ w: 0, lines: 1 });
  });
});
