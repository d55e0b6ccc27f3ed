// Papers and topics coloured by time (web/src/graph/months.ts).
import { describe, expect, it } from 'vitest';
import type { GNode } from '../../web/src/api/types.ts';
import { MONTH_STOPS, monthOf, monthScale, monthsOf, NO_MONTH, viridis } from '../../web/src/graph/months.ts';

const paper = (id: string, month?: unknown, date?: string): GNode => ({ id, type: 'paper', label: id, props: { ...(month === undefined ? {} : { month }), ...(date ? { date } : {}) } }) as GNode;

describe('times', () => {
  it('reads months (at their middle) and dates (at their place in the month)', () => {
    expect(monthsOf('2025-05')).toBe(2025 * 12 + 4.5);
    expect(monthsOf('2025-02-01')).toBeCloseTo(2025 * 12 + 1 + 0.5 / 28, 12);
    expect(monthsOf('2024-02-29')).toBeCloseTo(2024 * 12 + 1 + 28.5 / 29, 12);
    for (const bad of ['2025-13', '2025-00', '2025-5', '05-26', '2025-02-30', '2025-04-31', 202505, null, undefined]) expect(monthsOf(bad), String(bad)).toBeNull();
  });

  it('interpolates viridis between its stops', () => {
    expect(viridis(0)).toBe(MONTH_STOPS[0]);
    expect(viridis(1)).toBe(MONTH_STOPS[4]);
    expect(viridis(0.5)).toBe(MONTH_STOPS[2]);
    expect(viridis(-3)).toBe(MONTH_STOPS[0]);
    // half-way between #440154 and #3b528b
    expect(viridis(0.125)).toBe('#402a70');
  });

  it('spans the papers and topics on the canvas, earliest dark, latest yellow, undated grey; other types ignored', () => {
    const topic = { id: 't', type: 'topic', label: 't', props: { meanDate: '2025-03-16', month: '1999-01' } } as GNode;
    const author = { id: 'x', type: 'author', label: 'x', props: { month: '1999-01' } } as GNode;
    expect(monthOf(topic)).toBe('2025-03-16');
    expect(monthOf(author)).toBeUndefined();
    // a paper's date wins over its month
    expect(monthOf(paper('p', '2025-01', '2025-01-20'))).toBe('2025-01-20');
    const s = monthScale([paper('a', '2024-09'), paper('b', '2025-05'), paper('c', '2025-01'), paper('d'), topic, author]);
    expect(s).toMatchObject({ first: '2024-09', last: '2025-05', earlier: false, later: false, dated: 4, undated: 1 });
    expect(s.colour('2024-09')).toBe(MONTH_STOPS[0]);
    expect(s.colour('2025-05')).toBe(MONTH_STOPS[4]);
    expect(s.colour('2025-01')).toBe(MONTH_STOPS[2]);
    // mid-March is 6.5 of the 8 months from mid-September to mid-May
    expect(s.colour('2025-03-16')).toBe(viridis((monthsOf('2025-03-16')! - monthsOf('2024-09')!) / 8));
    expect(s.colour(undefined)).toBe(NO_MONTH);
  });

  it('clips the scale to the 5th–95th percentile from 20 dated nodes: an outlier takes the end colour', () => {
    // 20 papers in 2024-10 … 2024-12 and one in 2025-05
    const papers = [...Array.from({ length: 20 }, (_, i) => paper(`p${i}`, `2024-${10 + (i % 3)}`)), paper('late', '2025-05')];
    const s = monthScale(papers);
    expect(s).toMatchObject({ first: '2024-10', last: '2024-12', earlier: false, later: true, dated: 21 });
    expect(s.colour('2025-05')).toBe(MONTH_STOPS[4]);
    expect(s.colour('2024-10')).toBe(MONTH_STOPS[0]);
    // unclipped, 2024-11 would sit at 1/7 of the way; clipped it is near the middle
    expect(s.colour('2024-11')).not.toBe(viridis(1 / 7));
  });

  it('gives one time the middle colour, and no dated node no range', () => {
    expect(monthScale([paper('a', '2025-05'), paper('b', '2025-05')]).colour('2025-05')).toBe(MONTH_STOPS[2]);
    expect(monthScale([paper('a')])).toMatchObject({ first: null, last: null, dated: 0, undated: 1 });
  });
});
