// A topic's mean month (loader/analyse/topic-months.ts).
import { describe, expect, it } from 'vitest';
import { topicMonths } from '../../loader/analyse/topic-months.ts';
import type { InTopicRel, TopicNode } from '../../loader/types.ts';

const topic = (id: string, level: number, parent: string | null): TopicNode => ({ id, label: id, terms: [], size: 0, level, parent, pinned: false });
const rel = (paper: string, t: string, primary: boolean): InTopicRel => ({ paper, topic: t, score: 1, primary });

describe('topicMonths', () => {
  it('averages the months of the dated papers whose primary topic it is; a coarse topic those of its subtopics', () => {
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
    // a1: 2024-11 and 2025-02 → mean 2024-12.5, rounded to 2025-01
    expect(m.get('a1')).toEqual({ meanMonth: '2025-01', dated: 2 });
    expect(m.get('a2')).toEqual({ meanMonth: '2024-09', dated: 1 });
    // A: 2024-11, 2025-02, 2024-09 → 2024-11.33 → 2024-11
    expect(m.get('A')).toEqual({ meanMonth: '2024-11', dated: 3 });
    expect(m.get('B')).toEqual({ meanMonth: null, dated: 0 });
  });
});
