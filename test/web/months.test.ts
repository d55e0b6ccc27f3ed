// Papers coloured by month (web/src/graph/months.ts).
import { describe, expect, it } from 'vitest';
import type { GNode } from '../../web/src/api/types.ts';
import { MONTH_STOPS, monthIndex, monthOf, monthScale, NO_MONTH, viridis } from '../../web/src/graph/months.ts';

const paper = (id: string, month?: unknown): GNode => ({ id, type: 'paper', label: id, props: month === undefined ? {} : { month } }) as GNode;

describe('months', () => {
  it('reads YYYY-MM months only', () => {
    expect(monthIndex('2025-05')).toBe(2025 * 12 + 4);
    expect(monthIndex('2024-12')! + 1).toBe(monthIndex('2025-01'));
    for (const bad of ['2025-13', '2025-00', '2025-5', '05-26', 202505, null, undefined]) expect(monthIndex(bad)).toBeNull();
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
    const topic = { id: 't', type: 'topic', label: 't', props: { meanMonth: '2025-03', month: '1999-01' } } as GNode;
    const author = { id: 'x', type: 'author', label: 'x', props: { month: '1999-01' } } as GNode;
    expect(monthOf(topic)).toBe('2025-03');
    expect(monthOf(author)).toBeUndefined();
    const s = monthScale([paper('a', '2024-09'), paper('b', '2025-05'), paper('c', '2025-01'), paper('d'), topic, author]);
    expect(s).toMatchObject({ first: '2024-09', last: '2025-05', dated: 4, undated: 1 });
    expect(s.colour(monthOf(topic))).toBe(viridis(6 / 8));
    expect(s.colour('2024-09')).toBe(MONTH_STOPS[0]);
    expect(s.colour('2025-05')).toBe(MONTH_STOPS[4]);
    expect(s.colour('2025-01')).toBe(MONTH_STOPS[2]);
    expect(s.colour(undefined)).toBe(NO_MONTH);
  });

  it('gives one month the middle colour, and no dated paper no range', () => {
    expect(monthScale([paper('a', '2025-05'), paper('b', '2025-05')]).colour('2025-05')).toBe(MONTH_STOPS[2]);
    expect(monthScale([paper('a')])).toMatchObject({ first: null, last: null, dated: 0, undated: 1 });
  });
});
