// Topic-to-topic link weights computed by the analysis (the topic map reads them instead of aggregating SIMILAR_TO).
import { describe, expect, it } from 'vitest';
import { topicLinks } from '../../loader/analyse/topic-links.ts';
import type { InTopicRel, SimilarRel, TopicNode } from '../../loader/types.ts';

const topic = (id: string, level: number, parent: string | null): TopicNode => ({ id, label: id, terms: [], size: 1, level, parent, pinned: false });
const topics = [topic('A', 0, null), topic('B', 0, null), topic('a1', 1, 'A'), topic('a2', 1, 'A'), topic('b1', 1, 'B')];
const inTopic: InTopicRel[] = [
  ...[['p1', 'a1'], ['p2', 'a1'], ['p3', 'a2'], ['p4', 'b1']].map(([paper, t]) => ({ paper: paper!, topic: t!, score: 1, primary: true })),
  ...[['p1', 'A'], ['p2', 'A'], ['p3', 'A'], ['p4', 'B']].map(([paper, t]) => ({ paper: paper!, topic: t!, score: 1, primary: false })),
];
const sim = (source: string, target: string, score: number): SimilarRel => ({ source, target, score, terms: [] });

describe('topicLinks', () => {
  it('counts and sums SIMILAR_TO between the primary topics of their papers, and between those topics’ parents', () => {
    const similar = [sim('p1', 'p2', 0.9), sim('p1', 'p3', 0.5), sim('p3', 'p1', 0.5), sim('p2', 'p4', 0.25), sim('p4', 'p3', 0.125), sim('p1', 'px', 0.7)];
    expect(topicLinks(topics, inTopic, similar)).toEqual([
      // fine: within a1 ignored; a1–a2 twice (both directions stored); a1–b1, a2–b1 (ids ordered a < b)
      { a: 'a1', b: 'a2', similar: 2, strength: 1 },
      { a: 'a1', b: 'b1', similar: 1, strength: 0.25 },
      { a: 'a2', b: 'b1', similar: 1, strength: 0.125 },
      // coarse: a1–a2 stay inside A; A–B from p2–p4 and p4–p3
      { a: 'A', b: 'B', similar: 2, strength: 0.375 },
    ]);
  });

  it('keeps only the strongest fine links (ties by id), coarse links all', () => {
    const similar = [sim('p1', 'p4', 0.3), sim('p3', 'p4', 0.3), sim('p1', 'p3', 0.1)];
    const links = topicLinks(topics, inTopic, similar, 2);
    expect(links.map((l) => `${l.a}-${l.b}`)).toEqual(['a1-b1', 'a2-b1', 'A-B']);
    expect(topicLinks(topics, inTopic, [])).toEqual([]);
  });
});
