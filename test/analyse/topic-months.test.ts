// A topic's mean date (loader/analyse/topic-months.ts).
import { describe, expect, it } from 'vitest';
import { dateOfMonths, topicMonths } from '../../loader/analyse/topic-months.ts';
import type { InTopicRel, TopicNode } from '../../loader/types.ts';

const topic = (id: string, level: number, parent: string | null): TopicNode => ({ id, label: id, terms: [], size: 0, level, parent, pinned: false });
const rel = (paper: string, t: string, primary: boolean): InTopicRel => ({ paper, topic: t, score: 1, primary });

describe('topicMonths', () => {
  it('spells fractional months as dates', () => {
    expect(dateOfMonths(2024 * 12 + 10)).toBe('2024-11-01');
    expect(dateOfMonths(2024 * 12 + 10.5)).toBe('2024-11-16');
    expect(dateOfMonths(2025 * 12 + 1.5)).toBe('2025-02-15');
    expect(dateOfMonths(2024 * 12 + 11.999)).toBe('2024-12-31');
  });

  it('averages the dated papers whose primary topic it is (each at the middle of its month); a coarse topic those of its subtopics', () => {
    const topics = [topic('A', 0, null), topic('a1', 1, 'A'), topic('a2', 1, 'A'), topic('B', 0, null)];
    const papers = [
      { id: 'p1', month: '2024-11' },
      { id: 'p2', month: '2025-02' },
      { id: 'p3', month: null },
      { id: 'p4', month: '2024-09' },
      { id: 'p5', month: 'unknown' },
    ];
    // p4 is in a1 only as a secondary topic: it counts for a2 (its primary) and A
    const inTopic = [rel('p1', 'a1', true), rel('p2', 'a1', true), rel('p3', 'a1', true), rel('p4', 'a2', true), rel('p4', 'a1', false), rel('p5', 'a2', true)];
    const m = topicMonths(topics, inTopic, papers);
    // a1: mid-November and mid-February → 2024-12 + 1.0 month = the start of January
    expect(m.get('a1')).toEqual({ meanDate: '2025-01-01', dated: 2 });
    expect(m.get('a2')).toEqual({ meanDate: '2024-09-16', dated: 1 });
    // A: (10.5 + 13.5 + 8.5) / 3 = 10.83 months into 2024 → 2024-11, 0.83 of it gone
    expect(m.get('A')).toEqual({ meanDate: '2024-11-25', dated: 3 });
    expect(m.get('B')).toEqual({ meanDate: null, dated: 0 });
  });
});
