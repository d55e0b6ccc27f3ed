// When a topic's papers appeared: the mean month of the dated papers whose primary topic it is (a coarse topic: of
// its subtopics' papers), and how many are dated. Written on the Topic nodes; the web app colours topics by it
// (VOSviewer's overlay of clusters by year: which topics are newer). Pure.
import type { AnalysisPaper, InTopicRel, TopicNode } from '../types.ts';

const MONTH = /^(\d{4})-(\d{2})$/;
const indexOf = (month: string | null): number | null => {
  const m = month ? MONTH.exec(month) : null;
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
};
const monthOf = (i: number): string => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

export interface TopicMonths {
  /** `YYYY-MM` of the mean month of the dated papers (rounded to the nearest month), null when none is dated. */
  meanMonth: string | null;
  /** Dated papers the mean is over. */
  dated: number;
}

/** Topic id → its papers' mean month and how many are dated. */
export function topicMonths(topics: TopicNode[], inTopic: InTopicRel[], papers: Pick<AnalysisPaper, 'id' | 'month'>[]): Map<string, TopicMonths> {
  const month = new Map(papers.map((p) => [p.id, indexOf(p.month)]));
  const parent = new Map(topics.map((t) => [t.id, t.parent]));
  const sum = new Map<string, { total: number; n: number }>();
  const add = (topic: string, i: number) => {
    const s = sum.get(topic) ?? sum.set(topic, { total: 0, n: 0 }).get(topic)!;
    s.total += i;
    s.n++;
  };
  for (const r of inTopic) {
    if (!r.primary) continue;
    const i = month.get(r.paper);
    if (i === null || i === undefined) continue;
    add(r.topic, i);
    const up = parent.get(r.topic);
    if (up) add(up, i);
  }
  return new Map(topics.map((t) => {
    const s = sum.get(t.id);
    return [t.id, s ? { meanMonth: monthOf(Math.round(s.total / s.n)), dated: s.n } : { meanMonth: null, dated: 0 }];
  }));
}
