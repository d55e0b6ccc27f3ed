// Links between topics of the same level, weighted by the related-work (SIMILAR_TO) relationships that run between
// their papers: at the fine level between papers' primary topics, at the coarse level between those topics'
// parents. Computed once at analysis time and stored as `(:Topic)-[:LINKED_TO {similar, strength}]->(:Topic)`, so
// the topic map never aggregates every SIMILAR_TO relationship of the graph on a request.
import type { InTopicRel, SimilarRel, TopicLink, TopicNode } from '../types.ts';

/** The strongest fine-level links kept (coarse links are few and all kept). */
export const MAX_FINE_LINKS = 400;

export function topicLinks(topics: TopicNode[], inTopic: InTopicRel[], similar: SimilarRel[], maxFine = MAX_FINE_LINKS): TopicLink[] {
  const parent = new Map(topics.map((t) => [t.id, t.parent]));
  const primary = new Map(inTopic.filter((r) => r.primary).map((r) => [r.paper, r.topic]));
  const fine = new Map<string, TopicLink>();
  const coarse = new Map<string, TopicLink>();
  const add = (into: Map<string, TopicLink>, x: string, y: string, score: number) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    const link = into.get(key) ?? into.set(key, { a, b, similar: 0, strength: 0 }).get(key)!;
    link.similar += 1;
    link.strength += score;
  };
  for (const s of similar) {
    const ta = primary.get(s.source);
    const tb = primary.get(s.target);
    if (ta === undefined || tb === undefined) continue;
    add(fine, ta, tb, s.score);
    const pa = parent.get(ta);
    const pb = parent.get(tb);
    if (pa && pb) add(coarse, pa, pb, s.score);
  }
  const order = (x: TopicLink, y: TopicLink) => y.strength - x.strength || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);
  return [...[...fine.values()].sort(order).slice(0, maxFine), ...[...coarse.values()].sort(order)];
}
